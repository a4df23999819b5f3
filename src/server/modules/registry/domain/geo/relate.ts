import { GEO_EPS, intersectSegments, RingSet } from './segments.ts';
import { polygonParts, type MultiPolygon, type Polygon } from './types.ts';

/** Where the boundary of polygon A lies relative to polygon B. */
interface BoundaryRelation {
  /** Some edge of A crosses an edge of B at a point interior to both. */
  crosses: boolean;
  /** Some boundary point of A is strictly inside B. */
  inside: boolean;
  /** Some boundary point of A is strictly outside B. */
  outside: boolean;
}

/**
 * Relate ∂A to B. Every edge of A is cut at each point where it touches ∂B (B's vertices on it,
 * ends of shared stretches); each piece then lies wholly inside, outside or on ∂B, so testing one
 * midpoint per piece (plus A's vertices) is exact up to {@link GEO_EPS}.
 */
function relateBoundary(a: RingSet, b: RingSet): BoundaryRelation {
  const rel: BoundaryRelation = { crosses: false, inside: false, outside: false };
  const mark = (c: -1 | 0 | 1): void => {
    if (c < 0) rel.inside = true;
    else if (c > 0) rel.outside = true;
  };
  for (let k = 0; k < a.size; k++) {
    const ax = a.at(k, 0),
      ay = a.at(k, 1),
      bx = a.at(k, 2),
      by = a.at(k, 3);
    mark(b.classify(ax, ay));
    const cuts: number[] = [0, 1];
    const shared: [number, number][] = [];
    for (const j of b.near(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      const hit = intersectSegments(ax, ay, bx, by, b.at(j, 0), b.at(j, 1), b.at(j, 2), b.at(j, 3));
      if (hit.kind === 'proper') return { crosses: true, inside: true, outside: true };
      if (hit.kind === 'touch') cuts.push(hit.t);
      else if (hit.kind === 'collinear') {
        cuts.push(hit.t0, hit.t1);
        shared.push([hit.t0, hit.t1]);
      }
    }
    cuts.sort((p, q) => p - q);
    const len = Math.hypot(bx - ax, by - ay);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const t0 = cuts[i] ?? 0,
        t1 = cuts[i + 1] ?? 0;
      if ((t1 - t0) * len <= GEO_EPS) continue;
      const tm = (t0 + t1) / 2;
      if (shared.some(([s0, s1]) => s0 <= tm && tm <= s1)) continue;
      mark(b.classify(ax + tm * (bx - ax), ay + tm * (by - ay)));
    }
    if (rel.inside && rel.outside) break;
  }
  return rel;
}

const bboxOf = (r: RingSet): [number, number, number, number] => {
  const idx = r.index;
  return idx === null ? [Infinity, Infinity, -Infinity, -Infinity] : [idx.minX, idx.minY, idx.maxX, idx.maxY];
};

const bboxesMeet = (p: RingSet, q: RingSet): boolean => {
  const [a0, a1, a2, a3] = bboxOf(p);
  const [b0, b1, b2, b3] = bboxOf(q);
  return a0 <= b2 + GEO_EPS && b0 <= a2 + GEO_EPS && a1 <= b3 + GEO_EPS && b1 <= a3 + GEO_EPS;
};

/** One RingSet per polygon part, for repeated relation tests against the same geometry. */
export function ringSets(geom: Polygon | MultiPolygon): RingSet[] {
  return polygonParts(geom).map((rings) => new RingSet(rings));
}

/**
 * Interiors of two single polygons meet with positive area. With no proper crossing and no
 * boundary point of either strictly inside the other, connected interiors can only meet if the
 * boundaries coincide, i.e. the polygons are the same — which is overlap.
 */
export function partsOverlap(a: RingSet, b: RingSet): boolean {
  if (!bboxesMeet(a, b)) return false;
  const ab = relateBoundary(a, b);
  if (ab.crosses || ab.inside) return true;
  const ba = relateBoundary(b, a);
  if (ba.inside) return true;
  return !ab.outside && !ba.outside;
}

/**
 * A single polygon lies inside B (boundaries may touch): ∂A never leaves B and ∂B never enters A.
 * If ∂A runs wholly along ∂B, A is inside only when the boundaries coincide (A = B); otherwise A
 * fills a hole of B or sits against it from outside.
 */
export function partWithin(a: RingSet, b: RingSet): boolean {
  if (!bboxesMeet(a, b)) return false;
  const ab = relateBoundary(a, b);
  if (ab.crosses || ab.outside) return false;
  const ba = relateBoundary(b, a);
  return !ba.inside && (ab.inside || !ba.outside);
}

/**
 * True when the interiors of `a` and `b` intersect with positive area (beyond {@link GEO_EPS}).
 * Polygons that only touch — along a shared edge (even one split by extra vertices on one side)
 * or at a vertex — do not overlap. Inputs should be valid (see `validatePolygon`).
 */
export function polygonsOverlap(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const pa = ringSets(a);
  const pb = ringSets(b);
  return pa.some((x) => pb.some((y) => partsOverlap(x, y)));
}

/** True when every part of `inner` lies within some part of `outer` (touching allowed). */
export function polygonWithin(inner: Polygon | MultiPolygon, outer: Polygon | MultiPolygon): boolean {
  const po = ringSets(outer);
  return ringSets(inner).every((x) => po.some((y) => partWithin(x, y)));
}
