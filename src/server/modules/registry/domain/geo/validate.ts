import { validLonLat } from '../../../../../shared/geo/crs.ts';
import { partsOverlap } from './relate.ts';
import { intersectSegments, RingSet } from './segments.ts';
import type { Position } from './types.ts';

/** Why a geometry is not an acceptable polygon. */
type PolygonIssue = 'not_polygon' | 'too_few_points' | 'not_closed' | 'self_intersection' | 'bad_coordinates';

/** Result of {@link validatePolygon}; `at` is a `[lon, lat]` near the problem when one is known. */
export type PolygonValidation = { ok: true } | { ok: false; reason: PolygonIssue; at?: [number, number] };

const isArr = Array.isArray as (v: unknown) => v is unknown[];
const fail = (reason: PolygonIssue, at?: [number, number]): PolygonValidation =>
  at === undefined ? { ok: false, reason } : { ok: false, reason, at };

function checkRing(ring: unknown): PolygonValidation {
  if (!isArr(ring)) return fail('not_polygon');
  for (const p of ring) {
    if (!isArr(p) || p.length < 2 || !validLonLat(p[0], p[1])) {
      const at =
        isArr(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
          ? ([p[0], p[1]] as [number, number])
          : undefined;
      return fail('bad_coordinates', at);
    }
  }
  const pts = ring as Position[];
  if (pts.length < 4) return fail('too_few_points');
  const first = pts[0] ?? [],
    last = pts[pts.length - 1] ?? [];
  if (first[0] !== last[0] || first[1] !== last[1]) return fail('not_closed', [first[0] ?? 0, first[1] ?? 0]);
  const distinct = new Set(pts.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) return fail('too_few_points');
  return { ok: true };
}

/**
 * Find two segments of one polygon (any of its rings) that meet where they should not:
 * non-adjacent segments touching at all, or adjacent ones folding back over each other (spikes).
 * Uses a flatbush over segment boxes, so 10k-vertex rings take milliseconds.
 */
function findSelfIntersection(rs: RingSet): [number, number] | null {
  for (let i = 0; i < rs.size; i++) {
    const ax = rs.at(i, 0),
      ay = rs.at(i, 1),
      bx = rs.at(i, 2),
      by = rs.at(i, 3);
    for (const j of rs.near(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      if (j <= i) continue;
      const hit = intersectSegments(ax, ay, bx, by, rs.at(j, 0), rs.at(j, 1), rs.at(j, 2), rs.at(j, 3));
      if (hit.kind === 'none') continue;
      const r = rs.ringOf[i] ?? -1;
      const n = rs.ringSegs[r] ?? 0;
      const pi = rs.posInRing[i] ?? 0,
        pj = rs.posInRing[j] ?? 0;
      const adjacent = r === rs.ringOf[j] && (pj - pi === 1 || (pi === 0 && pj === n - 1));
      if (adjacent && hit.kind !== 'collinear') continue;
      const t = hit.kind === 'collinear' ? hit.t0 : hit.t;
      return [ax + t * (bx - ax), ay + t * (by - ay)];
    }
  }
  return null;
}

/**
 * Validate a GeoJSON Polygon or MultiPolygon (WGS-84). Checks, in order: shape
 * (`not_polygon`), finite in-range coordinates (`bad_coordinates`), ≥ 4 positions and ≥ 3
 * distinct vertices per ring (`too_few_points`), first = last (`not_closed`), and no
 * self-intersection within or between rings, nor overlap between MultiPolygon members
 * (`self_intersection`). A hole touching its shell counts as a self-intersection (stricter than OGC).
 */
export function validatePolygon(geom: unknown): PolygonValidation {
  if (typeof geom !== 'object' || geom === null) return fail('not_polygon');
  const g = geom as { type?: unknown; coordinates?: unknown };
  if ((g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !isArr(g.coordinates)) return fail('not_polygon');
  const polys: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (polys.length === 0) return fail('not_polygon');
  const sets: RingSet[] = [];
  for (const rings of polys) {
    if (!isArr(rings) || rings.length === 0) return fail('not_polygon');
    for (const ring of rings) {
      const r = checkRing(ring);
      if (!r.ok) return r;
    }
    const rs = new RingSet(rings as Position[][]);
    const at = findSelfIntersection(rs);
    if (at !== null) return fail('self_intersection', at);
    sets.push(rs);
  }
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i],
        b = sets[j];
      if (a !== undefined && b !== undefined && partsOverlap(a, b)) return fail('self_intersection');
    }
  }
  return { ok: true };
}
