import type { ShortestPaths } from './dijkstra.ts';
import { effectiveOffset } from './field.ts';
import type { SnapTable } from './snap.ts';
import type { WalkGraph } from './types.ts';

/**
 * Points (homes) grouped by the edge they snapped to, CSR style, so a bounded search can find the
 * points it reaches by walking its reached vertices' incident edges. Offsets are effective metres.
 */
export interface PointsByEdge {
  readonly start: Int32Array;
  readonly point: Int32Array;
  readonly offset: Float64Array;
  readonly access: Float64Array;
}

/** Group snapped points by edge under a profile's weights (points on forbidden edges are left out). */
export function groupByEdge(
  graph: WalkGraph,
  weight: Float64Array,
  snaps: SnapTable,
  addAccess: boolean,
): PointsByEdge {
  const m = graph.edgeCount,
    start = new Int32Array(m + 1);
  for (let i = 0; i < snaps.edge.length; i++) {
    const e = snaps.edge[i]!;
    if (e >= 0 && Number.isFinite(weight[e]!)) start[e + 1]!++;
  }
  for (let e = 0; e < m; e++) start[e + 1]! += start[e]!;
  const fill = start.slice(0, m),
    n = start[m]!;
  const point = new Int32Array(n),
    offset = new Float64Array(n),
    access = new Float64Array(n);
  for (let i = 0; i < snaps.edge.length; i++) {
    const e = snaps.edge[i]!;
    if (e < 0 || !Number.isFinite(weight[e]!)) continue;
    const s = fill[e]!++;
    point[s] = i;
    offset[s] = effectiveOffset(graph, weight, e, snaps.offset[i]!);
    access[s] = addAccess ? snaps.access[i]! : 0;
  }
  return { start, point, offset, access };
}

/**
 * After a bounded search in `sp` (seeded from one source on `srcEdge` at effective `srcOffset`, whose
 * own straight-line gap to the path is `srcAccess`),
 * call `visit(point, metres)` for every grouped point within `limit` effective metres. Each point is
 * visited at most once (`stamp`/`mark` de-duplicate across edges; pass a fresh `mark` value per call).
 */
export function pointsWithin(
  graph: WalkGraph,
  weight: Float64Array,
  sp: ShortestPaths,
  pts: PointsByEdge,
  limit: number,
  srcEdge: number,
  srcOffset: number,
  srcAccess: number,
  stamp: Int32Array,
  mark: number,
  visit: (point: number, metres: number) => void,
): void {
  const d = sp.dist,
    off = graph.adjOffset,
    ae = graph.adjEdge,
    eu = graph.edgeU,
    ev = graph.edgeV;
  const scan = (e: number): void => {
    const w = weight[e]!,
      du = d[eu[e]!]!,
      dv = d[ev[e]!]!;
    for (let s = pts.start[e]!, end = pts.start[e + 1]!; s < end; s++) {
      const p = pts.point[s]!;
      if (stamp[p] === mark) continue;
      const o = pts.offset[s]!;
      let x = Math.min(du + o, dv + w - o);
      if (e === srcEdge) x = Math.min(x, Math.abs(o - srcOffset) + srcAccess);
      x += pts.access[s]!;
      if (x <= limit) {
        stamp[p] = mark;
        visit(p, x);
      }
    }
  };
  if (srcEdge >= 0) scan(srcEdge);
  for (const u of sp.reached()) for (let s = off[u]!, end = off[u + 1]!; s < end; s++) scan(ae[s]!);
}
