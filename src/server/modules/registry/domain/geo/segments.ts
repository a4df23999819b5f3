import Flatbush from 'flatbush';
import type { Position } from './types.ts';

/**
 * Geometric tolerance in degrees (≈ 0.1 mm at the equator). Points closer than this to a segment
 * count as on it; overlaps thinner than this are ignored. Imported grids often have T-junctions
 * whose vertex is a few ulps off the neighbour's edge; this keeps them from reading as overlaps.
 */
export const GEO_EPS = 1e-9;

const sgn = (v: number): number => (v > GEO_EPS ? 1 : v < -GEO_EPS ? -1 : 0);

/** Signed distance (degrees) of p from the line a→b; positive on the left. */
function side(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy);
  return len === 0 ? Math.hypot(px - ax, py - ay) : (dx * (py - ay) - dy * (px - ax)) / len;
}

/** Parameter of p projected on a→b (0 at a, 1 at b). */
function param(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  return l2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / l2;
}

/** Distance (degrees) from p to the closed segment a–b. */
function distToSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const t = Math.min(1, Math.max(0, param(ax, ay, bx, by, px, py)));
  return Math.hypot(ax + t * (bx - ax) - px, ay + t * (by - ay) - py);
}

/**
 * How segment a–b meets segment c–d, with {@link GEO_EPS} tolerance:
 * `proper` — interiors cross at a single point; `touch` — they meet at one point that is an endpoint
 * of at least one of them (`t` is its parameter on a–b); `collinear` — they share a stretch longer
 * than the tolerance (`t0..t1` on a–b).
 */
export type SegmentHit =
  | { kind: 'none' }
  | { kind: 'proper' | 'touch'; t: number }
  | { kind: 'collinear'; t0: number; t1: number };

const NONE: SegmentHit = { kind: 'none' };

/** Classify the intersection of segments a–b and c–d (see {@link SegmentHit}). */
export function intersectSegments(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): SegmentHit {
  const d1 = sgn(side(ax, ay, bx, by, cx, cy));
  const d2 = sgn(side(ax, ay, bx, by, dx, dy));
  const d3 = sgn(side(cx, cy, dx, dy, ax, ay));
  const d4 = sgn(side(cx, cy, dx, dy, bx, by));
  if (d1 * d2 > 0 || d3 * d4 > 0) return NONE;
  const tc = param(ax, ay, bx, by, cx, cy);
  const td = param(ax, ay, bx, by, dx, dy);
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const s1 = side(ax, ay, bx, by, cx, cy);
    const s2 = side(ax, ay, bx, by, dx, dy);
    return { kind: 'proper', t: tc + (td - tc) * (s1 / (s1 - s2)) };
  }
  const len = Math.hypot(bx - ax, by - ay);
  const tol = len === 0 ? 0 : GEO_EPS / len;
  if ((d1 === 0 && d2 === 0) || (d3 === 0 && d4 === 0)) {
    const t0 = Math.max(0, Math.min(tc, td));
    const t1 = Math.min(1, Math.max(tc, td));
    if (t1 - t0 > tol) return { kind: 'collinear', t0, t1 };
    if (t1 - t0 >= -tol) return { kind: 'touch', t: Math.min(1, Math.max(0, (t0 + t1) / 2)) };
    return NONE;
  }
  // Exactly one configuration of "an endpoint lies on the other segment".
  if (d1 === 0 && tc >= -tol && tc <= 1 + tol) return { kind: 'touch', t: Math.min(1, Math.max(0, tc)) };
  if (d2 === 0 && td >= -tol && td <= 1 + tol) return { kind: 'touch', t: Math.min(1, Math.max(0, td)) };
  if (d3 === 0 && distToSegment(cx, cy, dx, dy, ax, ay) <= GEO_EPS) return { kind: 'touch', t: 0 };
  if (d4 === 0 && distToSegment(cx, cy, dx, dy, bx, by) <= GEO_EPS) return { kind: 'touch', t: 1 };
  return NONE;
}

/** Closed ring without consecutive duplicates, as flat `[x0, y0, …, x0, y0]`. */
function cleanRing(ring: readonly Position[]): number[] {
  const out: number[] = [];
  for (const p of ring) {
    const x = p[0] ?? Number.NaN;
    const y = p[1] ?? Number.NaN;
    const n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) continue;
    out.push(x, y);
  }
  if (out.length >= 2 && (out[0] !== out[out.length - 2] || out[1] !== out[out.length - 1])) {
    out.push(out[0] ?? 0, out[1] ?? 0);
  }
  return out;
}

/**
 * The rings of one polygon as indexed segments: segment k is `segs[4k..4k+3]` = x1, y1, x2, y2,
 * belonging to ring `ringOf[k]` at position `posInRing[k]` of `ringSegs[ringOf[k]]` segments.
 * Supports tolerant point classification and segment-pair searches in O(log n) per query.
 */
export class RingSet {
  readonly segs: Float64Array;
  readonly ringOf: Int32Array;
  readonly posInRing: Int32Array;
  readonly ringSegs: number[] = [];
  readonly index: Flatbush | null;
  /** Segment count. */
  readonly size: number;
  readonly maxX: number;

  /** @param rings closed rings (a missing closing vertex is added; consecutive duplicates are dropped). */
  constructor(rings: readonly (readonly Position[])[]) {
    const flat = rings.map(cleanRing);
    this.size = flat.reduce((s, r) => s + Math.max(0, r.length / 2 - 1), 0);
    this.segs = new Float64Array(this.size * 4);
    this.ringOf = new Int32Array(this.size);
    this.posInRing = new Int32Array(this.size);
    this.index = this.size > 0 ? new Flatbush(this.size) : null;
    let k = 0;
    let maxX = -Infinity;
    flat.forEach((r, ri) => {
      const n = Math.max(0, r.length / 2 - 1);
      this.ringSegs.push(n);
      for (let i = 0; i < n; i++, k++) {
        const x1 = r[2 * i] ?? 0,
          y1 = r[2 * i + 1] ?? 0,
          x2 = r[2 * i + 2] ?? 0,
          y2 = r[2 * i + 3] ?? 0;
        this.segs.set([x1, y1, x2, y2], 4 * k);
        this.ringOf[k] = ri;
        this.posInRing[k] = i;
        this.index?.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        maxX = Math.max(maxX, x1, x2);
      }
    });
    this.maxX = maxX;
    this.index?.finish();
  }

  /** Segment indices whose bbox meets the given box grown by {@link GEO_EPS}. */
  near(minX: number, minY: number, maxX: number, maxY: number): number[] {
    return this.index?.search(minX - GEO_EPS, minY - GEO_EPS, maxX + GEO_EPS, maxY + GEO_EPS) ?? [];
  }

  /** Coordinate `c` (0..3 = x1, y1, x2, y2) of segment k. */
  at(k: number, c: number): number {
    return this.segs[4 * k + c] ?? Number.NaN;
  }

  /** −1 strictly inside (even-odd over all rings), 0 within {@link GEO_EPS} of the boundary, 1 outside. */
  classify(x: number, y: number): -1 | 0 | 1 {
    for (const k of this.near(x, y, x, y)) {
      if (distToSegment(this.at(k, 0), this.at(k, 1), this.at(k, 2), this.at(k, 3), x, y) <= GEO_EPS) return 0;
    }
    let inside = false;
    for (const k of this.index?.search(x, y, Math.max(x, this.maxX), y) ?? []) {
      const x1 = this.at(k, 0),
        y1 = this.at(k, 1),
        x2 = this.at(k, 2),
        y2 = this.at(k, 3);
      if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
    return inside ? -1 : 1;
  }
}
