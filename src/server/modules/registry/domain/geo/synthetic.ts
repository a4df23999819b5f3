import type { Polygon, Position } from './types.ts';
import { mulberry32 } from '../../../../../shared/rng.ts';
export { mulberry32 };

/** Options for {@link syntheticTessellation}. */
export interface TessellationOptions {
  /** Columns and rows of cells. */
  nx: number;
  ny: number;
  /** Seed; the same seed gives the same tessellation. */
  seed: number;
  /** South-west corner `[lon, lat]` (default 100.3, 38.8 — around Ganzhou). */
  origin?: [number, number];
  /** Cell size in degrees (default 0.002 ≈ 170–220 m). */
  cell?: number;
}

/** 32-bit integer hash of (a, b, c, seed) → [0, 1). Deterministic; no global state. */
function hash(a: number, b: number, c: number, seed: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15) ^ Math.imul(c + 1, 0x27d4eb2f) ^ seed, 0x2c1b3c6d);
  h ^= h >>> 13;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * A gap-free, overlap-free tessellation of the rectangle `origin + [nx, ny] × cell` into irregular
 * cells with 8–12 vertices: corners jittered by ±25 % of a cell, each edge bent by one or two extra
 * vertices (straight on the outer border). Neighbours share edges vertex-for-vertex, so the result
 * is a valid tiling — the shape of imported community grids. Cell (i, j) has id `g{i}_{j}` and is
 * item `j × nx + i`. For tests and benchmarks.
 */
export function syntheticTessellation(o: TessellationOptions): { id: string; geometry: Polygon }[] {
  const [ox, oy] = o.origin ?? [100.3, 38.8];
  const s = o.cell ?? 0.002;
  const corner = (i: number, j: number): Position => {
    const jx = i === 0 || i === o.nx ? 0 : (hash(i, j, 0, o.seed) - 0.5) * 0.5;
    const jy = j === 0 || j === o.ny ? 0 : (hash(i, j, 1, o.seed) - 0.5) * 0.5;
    return [ox + (i + jx) * s, oy + (j + jy) * s];
  };
  // Interior points of the edge from corner p to corner q; `key` identifies the edge.
  const bends = (p: Position, q: Position, key: [number, number, number], border: boolean): Position[] => {
    const [a, b, c] = key;
    const n = hash(a, b, c + 2, o.seed) < 0.5 ? 1 : 2;
    const px = p[0] ?? 0,
      py = p[1] ?? 0,
      qx = q[0] ?? 0,
      qy = q[1] ?? 0;
    const out: Position[] = [];
    for (let k = 1; k <= n; k++) {
      const t = k / (n + 1) + (hash(a, b, c + 10 + k, o.seed) - 0.5) * 0.1;
      const off = border ? 0 : (hash(a, b, c + 20 + k, o.seed) - 0.5) * 0.16;
      out.push([px + t * (qx - px) - off * (qy - py), py + t * (qy - py) + off * (qx - px)]);
    }
    return out;
  };
  const h = (i: number, j: number): Position[] =>
    bends(corner(i, j), corner(i + 1, j), [i, j, 0], j === 0 || j === o.ny);
  const v = (i: number, j: number): Position[] =>
    bends(corner(i, j), corner(i, j + 1), [i, j, 100], i === 0 || i === o.nx);
  const out: { id: string; geometry: Polygon }[] = [];
  for (let j = 0; j < o.ny; j++) {
    for (let i = 0; i < o.nx; i++) {
      const ring: Position[] = [
        corner(i, j),
        ...h(i, j),
        corner(i + 1, j),
        ...v(i + 1, j),
        corner(i + 1, j + 1),
        ...h(i, j + 1).reverse(),
        corner(i, j + 1),
        ...v(i, j).reverse(),
        corner(i, j),
      ];
      out.push({ id: `g${i}_${j}`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return out;
}
