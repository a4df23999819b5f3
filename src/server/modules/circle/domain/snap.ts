import Flatbush from 'flatbush';
import { buildSnapColumns, type SnapColumns } from './snapColumns.ts';
import { localProjection, meanLat, type LocalProjection } from '../../../../shared/geo/distance.ts';
import type { GeoPoint, WalkGraph } from './types.ts';

/** Points farther than this from any usable path are reported, not snapped (metres). */
export const DEFAULT_MAX_SNAP_M = 500;

/**
 * A point enters the network through every edge whose nearest point is at most this many metres farther
 * than the nearest edge (ADR 0003): on hairpin roads the nearest segment is often not the way out.
 */
export const DEFAULT_ENTRY_TOLERANCE_M = 25;

/**
 * Further entries of snapped points, CSR style: point i's entries besides its nearest one are
 * `start[i] … start[i+1])`, each an edge, a physical offset from the edge's `u` end and its own
 * straight-line gap (metres).
 */
interface SnapEntries {
  readonly start: Int32Array;
  readonly edge: Int32Array;
  readonly offset: Float64Array;
  readonly access: Float64Array;
}

/**
 * Where points landed on the network, column-wise (index i = i-th input point).
 * `edge[i] = -1` means the point is farther than the snap limit (listed in `far`).
 * `offset[i]` is the physical distance in metres from the edge's `u` end along its polyline;
 * `access[i]` the straight-line distance in metres from the point to the network.
 */
export interface SnapTable {
  readonly edge: Int32Array;
  readonly offset: Float64Array;
  readonly access: Float64Array;
  /** Indexes of points not snapped (beyond the limit, or no usable edge at all). */
  readonly far: number[];
  /** Entries besides the nearest (absent: every point has exactly one entry). */
  readonly more?: SnapEntries;
}

/** Call `f(edge, offset, access)` for every entry of point i of a snap table (nearest first). */
export function forEachEntry(t: SnapTable, i: number, f: (edge: number, offset: number, access: number) => void): void {
  const e = t.edge[i]!;
  if (e < 0) return;
  f(e, t.offset[i]!, t.access[i]!);
  const m = t.more;
  if (m === undefined) return;
  for (let q = m.start[i]!, end = m.start[i + 1]!; q < end; q++) f(m.edge[q]!, m.offset[q]!, m.access[q]!);
}

/** Spatial index over every polyline segment of a graph, in a local metric projection. */
export interface SnapIndex {
  readonly graph: WalkGraph;
  readonly proj: LocalProjection;
  /** Snap one point. `weight` (optional) excludes edges whose weight is not finite. */
  snap(lon: number, lat: number, maxDistM?: number, weight?: Float64Array): SnapHit | null;
  /**
   * Every entry of one point: the nearest hit first, then each other edge whose nearest point is within
   * `toleranceM` of the nearest distance (one entry per edge, at its nearest point), by gap then edge.
   */
  entries(lon: number, lat: number, maxDistM?: number, weight?: Float64Array, toleranceM?: number): SnapHit[];
  /**
   * Snap many points; deterministic, column-wise result. With `toleranceM` > 0 each point gets every
   * entry of {@link SnapIndex.entries}; a point with mapped `entrances` enters through those instead.
   */
  snapAll(points: readonly GeoPoint[], maxDistM?: number, weight?: Float64Array, toleranceM?: number): SnapTable;
}

/** One snapped point. */
interface SnapHit {
  edge: number;
  offset: number;
  access: number;
}

/**
 * The segment index of a graph (O(segments log segments), ~50 ms for 400k segments), from its columns when
 * they were built elsewhere (a worker builds them for a stored network: see snapColumns.ts).
 */
export function createSnapIndex(graph: WalkGraph, cols: SnapColumns = buildSnapColumns(graph)): SnapIndex {
  const proj = localProjection(meanLat(graph.nodeCoord));
  const { px, py, segEdge, segPt, cum, edgeProjLen } = cols;
  const index = cols.tree === null ? null : Flatbush.from(cols.tree);

  function snap(lon: number, lat: number, maxDistM = DEFAULT_MAX_SNAP_M, weight?: Float64Array): SnapHit | null {
    if (index === null) return null;
    const x = proj.x(lon),
      y = proj.y(lat);
    let r = Math.min(64, maxDistM);
    for (;;) {
      let best = Infinity,
        bestSeg = -1,
        bestT = 0;
      for (const sg of index.search(x - r, y - r, x + r, y + r)) {
        const e = segEdge[sg]!;
        if (weight !== undefined && !Number.isFinite(weight[e]!)) continue;
        const p = segPt[sg]!;
        const x0 = px[p]!,
          y0 = py[p]!,
          dx = px[p + 1]! - x0,
          dy = py[p + 1]! - y0;
        const l2 = dx * dx + dy * dy;
        let t = l2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / l2 : 0;
        t = t < 0 ? 0 : Math.min(t, 1);
        const d = Math.hypot(x0 + t * dx - x, y0 + t * dy - y);
        if (d < best || (d === best && sg < bestSeg)) {
          best = d;
          bestSeg = sg;
          bestT = t;
        }
      }
      // Every segment within distance r intersects the query box, so a hit ≤ r is the true nearest.
      if (bestSeg >= 0 && best <= r) {
        const e = segEdge[bestSeg]!,
          p = segPt[bestSeg]!;
        const along = cum[p]! + bestT * (cum[p + 1]! - cum[p]!);
        const pl = edgeProjLen[e]!;
        const frac = pl > 0 ? along / pl : 0;
        return { edge: e, offset: Math.min(graph.edgeLen[e]!, frac * graph.edgeLen[e]!), access: best };
      }
      if (r >= maxDistM) return null;
      r = Math.min(r * 4, maxDistM);
    }
  }

  function entries(
    lon: number,
    lat: number,
    maxDistM = DEFAULT_MAX_SNAP_M,
    weight?: Float64Array,
    toleranceM = 0,
  ): SnapHit[] {
    const first = snap(lon, lat, maxDistM, weight);
    if (first === null || index === null) return [];
    if (!(toleranceM > 0)) return [first];
    const x = proj.x(lon),
      y = proj.y(lat),
      r = first.access + toleranceM;
    // Nearest point of every other edge within r: one entry per edge.
    const best = new Map<number, { d: number; sg: number; t: number }>();
    for (const sg of index.search(x - r, y - r, x + r, y + r)) {
      const e = segEdge[sg]!;
      if (e === first.edge || (weight !== undefined && !Number.isFinite(weight[e]!))) continue;
      const p = segPt[sg]!;
      const x0 = px[p]!,
        y0 = py[p]!,
        dx = px[p + 1]! - x0,
        dy = py[p + 1]! - y0;
      const l2 = dx * dx + dy * dy;
      let t = l2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / l2 : 0;
      t = Math.min(1, Math.max(0, t));
      const d = Math.hypot(x0 + t * dx - x, y0 + t * dy - y);
      if (d > r) continue;
      const b = best.get(e);
      if (b === undefined || d < b.d || (d === b.d && sg < b.sg)) best.set(e, { d, sg, t });
    }
    const rest: SnapHit[] = [];
    for (const [e, b] of best) rest.push({ edge: e, offset: offsetOn(e, segPt[b.sg]!, b.t), access: b.d });
    rest.sort((a, b) => a.access - b.access || a.edge - b.edge);
    return [first, ...rest];
  }

  /** Physical offset from the `u` end of edge e of the point at fraction t of segment starting at point p. */
  function offsetOn(e: number, p: number, t: number): number {
    const along = cum[p]! + t * (cum[p + 1]! - cum[p]!);
    const pl = edgeProjLen[e]!;
    const frac = pl > 0 ? along / pl : 0;
    return Math.min(graph.edgeLen[e]!, frac * graph.edgeLen[e]!);
  }

  function snapAll(
    points: readonly GeoPoint[],
    maxDistM = DEFAULT_MAX_SNAP_M,
    weight?: Float64Array,
    toleranceM = 0,
  ): SnapTable {
    const n = points.length;
    const edge = new Int32Array(n).fill(-1),
      offset = new Float64Array(n),
      access = new Float64Array(n);
    const far: number[] = [];
    const start = new Int32Array(n + 1),
      mEdge: number[] = [],
      mOff: number[] = [],
      mAcc: number[] = [];
    for (let i = 0; i < n; i++) {
      const pt = points[i]!;
      const hits = pointEntries(pt, maxDistM, weight, toleranceM);
      start[i + 1] = start[i]!;
      if (hits.length === 0) {
        far.push(i);
        continue;
      }
      const [h0, ...rest] = hits;
      edge[i] = h0!.edge;
      offset[i] = h0!.offset;
      access[i] = h0!.access;
      for (const h of rest) {
        mEdge.push(h.edge);
        mOff.push(h.offset);
        mAcc.push(h.access);
      }
      start[i + 1] = start[i]! + rest.length;
    }
    const more =
      mEdge.length > 0
        ? { start, edge: Int32Array.from(mEdge), offset: Float64Array.from(mOff), access: Float64Array.from(mAcc) }
        : undefined;
    return more === undefined ? { edge, offset, access, far } : { edge, offset, access, far, more };
  }

  /**
   * Entries of a point: through its mapped entrances when it has any (each with its own tolerance set),
   * else from the point itself. Sorted by gap then edge, so the first is the nearest.
   */
  function pointEntries(pt: GeoPoint, maxDistM: number, weight: Float64Array | undefined, tol: number): SnapHit[] {
    const ent = pt.entrances;
    if (ent === undefined || ent.length < 2) return entries(pt.lon, pt.lat, maxDistM, weight, tol);
    const all: SnapHit[] = [];
    for (let k = 0; k + 1 < ent.length; k += 2) all.push(...entries(ent[k]!, ent[k + 1]!, maxDistM, weight, tol));
    return all.sort((a, b) => a.access - b.access || a.edge - b.edge || a.offset - b.offset);
  }

  return { graph, proj, snap, entries, snapAll };
}
