import type { CircleEngine } from './engine.ts';
import { effectiveOffset } from './field.ts';
import { rasterHull } from './hull.ts';
import { metresFor } from './profiles.ts';

/** GeoJSON geometry types used by the walking area (RFC 7946, WGS-84 `[lon, lat]`). */
interface MultiLineString {
  type: 'MultiLineString';
  coordinates: [number, number][][];
}
/** GeoJSON MultiPolygon (exterior rings counter-clockwise, no holes). */
interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: [number, number][][][];
}

/** Walking area from one point. `limitM` is in the profile's effective metres. */
export interface WalkingArea {
  readonly limitM: number;
  readonly lines: MultiLineString;
  readonly polygon: MultiPolygon;
  readonly reachedEdges: number;
  /** True when the start point was farther than the snap limit from any path (area is empty). */
  readonly far: boolean;
}

/** Options: `minutes` (at the profile's speed) or `metres`; polygon raster cell (default limit/60, 10–40 m). */
export interface WalkingAreaOptions {
  readonly profileId?: string;
  readonly minutes?: number;
  readonly metres?: number;
  readonly cellM?: number;
}

/**
 * Edges reachable from a point within a walking budget, partial edges clipped where the budget ends,
 * as a MultiLineString, plus a buffered outline polygon for display.
 */
export function walkingArea(engine: CircleEngine, lon: number, lat: number, opt: WalkingAreaOptions = {}): WalkingArea {
  const pid = opt.profileId ?? 'standard',
    g = engine.graph,
    w = engine.weights(pid),
    pr = engine.snapIndex.proj;
  const R = opt.metres ?? metresFor(opt.minutes ?? 15, engine.profile(pid));
  const hit = engine.snapIndex.snap(lon, lat, engine.maxSnapM, w);
  const empty = (far: boolean): WalkingArea => ({
    limitM: R,
    lines: { type: 'MultiLineString', coordinates: [] },
    polygon: { type: 'MultiPolygon', coordinates: [] },
    reachedEdges: 0,
    far,
  });
  if (hit === null) return empty(true);
  const sp = engine.workspace(pid);
  const a = engine.access === 'add' ? hit.access : 0,
    o = effectiveOffset(g, w, hit.edge, hit.offset);
  sp.reset();
  sp.seed(g.edgeU[hit.edge]!, o + a, 0);
  sp.seed(g.edgeV[hit.edge]!, w[hit.edge]! - o + a, 0);
  sp.run(R);
  const lines: [number, number][][] = [],
    metric: Float64Array[] = [];
  const done = new Uint8Array(g.edgeCount);
  const emit = (e: number, f0: number, f1: number): void => {
    if (f1 <= f0) return;
    const piece = clip(g.geomCoord, g.geomOffset[e]!, g.geomOffset[e + 1]!, f0, f1, pr.kx, pr.ky);
    lines.push(piece.ll);
    metric.push(piece.xy);
  };
  const visit = (e: number): void => {
    if (done[e] === 1) return;
    done[e] = 1;
    const we = w[e]!;
    if (!Number.isFinite(we)) return;
    const du = sp.dist[g.edgeU[e]!]!,
      dv = sp.dist[g.edgeV[e]!]!;
    const iv: [number, number][] = [];
    if (du <= R) iv.push([0, Math.min(1, (R - du) / (we || 1))]);
    if (dv <= R) iv.push([Math.max(0, 1 - (R - dv) / (we || 1)), 1]);
    if (e === hit.edge && a <= R) {
      // the start edge: the budget spreads both ways from the offset
      const f = o / (we || 1),
        r = (R - a) / (we || 1);
      iv.push([Math.max(0, f - r), Math.min(1, f + r)]);
    }
    iv.sort((x, y) => x[0] - y[0]);
    let cur: [number, number] | null = null;
    for (const x of iv) {
      if (cur !== null && x[0] <= cur[1]) cur[1] = Math.max(cur[1], x[1]);
      else {
        if (cur !== null) emit(e, cur[0], cur[1]);
        cur = [x[0], x[1]];
      }
    }
    if (cur !== null) emit(e, cur[0], cur[1]);
  };
  visit(hit.edge);
  for (const n of sp.reached()) for (let s = g.adjOffset[n]!; s < g.adjOffset[n + 1]!; s++) visit(g.adjEdge[s]!);
  sp.reset();
  const cell = opt.cellM ?? Math.min(40, Math.max(10, R / 60));
  const rings = rasterHull(metric, { cell, buffer: 2 });
  const polygon: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: rings.map((r) => {
      const ring: [number, number][] = [];
      for (let i = 0; i < r.length; i += 2) ring.push([round7(pr.lon(r[i]!)), round7(pr.lat(r[i + 1]!))]);
      return [ring];
    }),
  };
  return {
    limitM: R,
    lines: { type: 'MultiLineString', coordinates: lines },
    polygon,
    reachedEdges: lines.length,
    far: false,
  };
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Sub-polyline of points [a, b) between length fractions f0 < f1 (projected lengths, uniform along the edge). */
function clip(
  gc: Float64Array,
  a: number,
  b: number,
  f0: number,
  f1: number,
  kx: number,
  ky: number,
): { ll: [number, number][]; xy: Float64Array } {
  let total = 0;
  for (let p = a; p < b - 1; p++)
    total += Math.hypot((gc[2 * p + 2]! - gc[2 * p]!) * kx, (gc[2 * p + 3]! - gc[2 * p + 1]!) * ky);
  const t0 = f0 * total,
    t1 = f1 * total,
    ll: [number, number][] = [];
  let acc = 0;
  for (let p = a; p < b - 1; p++) {
    const x0 = gc[2 * p]!,
      y0 = gc[2 * p + 1]!,
      x1 = gc[2 * p + 2]!,
      y1 = gc[2 * p + 3]!;
    const l = Math.hypot((x1 - x0) * kx, (y1 - y0) * ky),
      s0 = acc,
      s1 = acc + l;
    acc = s1;
    if (s1 < t0 || s0 > t1) continue;
    const at = (t: number): [number, number] => {
      const q = l > 0 ? (t - s0) / l : 0;
      return [round7(x0 + (x1 - x0) * q), round7(y0 + (y1 - y0) * q)];
    };
    if (ll.length === 0) ll.push(at(Math.max(t0, s0)));
    ll.push(at(Math.min(t1, s1)));
    if (s1 >= t1) break;
  }
  if (ll.length === 1) ll.push(ll[0]!);
  const xy = new Float64Array(2 * ll.length);
  ll.forEach(([x, y], i) => {
    xy[2 * i] = x * kx;
    xy[2 * i + 1] = y * ky;
  });
  return { ll, xy };
}
