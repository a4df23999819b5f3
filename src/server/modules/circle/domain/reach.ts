import type { ShortestPaths } from './dijkstra.ts';
import { effectiveOffset } from './field.ts';
import { forEachEntry, type SnapTable } from './snap.ts';
import type { WalkGraph } from './types.ts';

/**
 * Points (homes) grouped by the edges they enter through (one slot per entry), CSR style, so a bounded search can
 * find the points it reaches by walking its reached vertices' incident edges. Offsets are effective metres.
 */
export interface PointsByEdge {
  readonly start: Int32Array;
  readonly point: Int32Array;
  readonly offset: Float64Array;
  readonly access: Float64Array;
}

/** Group snapped points by entry edge under a profile's weights (entries on forbidden edges are left out). */
export function groupByEdge(
  graph: WalkGraph,
  weight: Float64Array,
  snaps: SnapTable,
  addAccess: boolean,
): PointsByEdge {
  const m = graph.edgeCount,
    start = new Int32Array(m + 1),
    n = snaps.edge.length;
  for (let i = 0; i < n; i++)
    forEachEntry(snaps, i, (e) => {
      if (Number.isFinite(weight[e]!)) start[e + 1]!++;
    });
  for (let e = 0; e < m; e++) start[e + 1]! += start[e]!;
  const fill = start.slice(0, m),
    total = start[m]!;
  const point = new Int32Array(total),
    offset = new Float64Array(total),
    access = new Float64Array(total);
  for (let i = 0; i < n; i++)
    forEachEntry(snaps, i, (e, off, acc) => {
      if (!Number.isFinite(weight[e]!)) return;
      const s = fill[e]!++;
      point[s] = i;
      offset[s] = effectiveOffset(graph, weight, e, off);
      access[s] = addAccess ? acc : 0;
    });
  return { start, point, offset, access };
}

/** One entry of a search's source: its edge, effective offset from `u` and straight-line gap. */
export interface SourceEntry {
  readonly edge: number;
  readonly offset: number;
  readonly access: number;
}

/**
 * After a bounded search in `sp` seeded from the entries `src` of one source, call `visit(point, metres)`
 * for grouped point entries within `limit` effective metres (the same-edge direct stretch to a source entry
 * counts too). With `stamp` each point is visited at most once, at the first entry found within the limit
 * (enough for "is it covered"; pass a fresh `mark` per call); with `stamp` null every entry within the
 * limit is visited, possibly several times per point, and the caller keeps the minimum.
 */
export function pointsWithin(
  graph: WalkGraph,
  weight: Float64Array,
  sp: ShortestPaths,
  pts: PointsByEdge,
  limit: number,
  src: readonly SourceEntry[],
  stamp: Int32Array | null,
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
      if (stamp !== null && stamp[p] === mark) continue;
      const o = pts.offset[s]!;
      let x = Math.min(du + o, dv + w - o);
      for (const q of src) if (q.edge === e) x = Math.min(x, Math.abs(o - q.offset) + q.access);
      x += pts.access[s]!;
      if (x <= limit) {
        if (stamp !== null) stamp[p] = mark;
        visit(p, x);
      }
    }
  };
  for (const q of src) scan(q.edge);
  for (const u of sp.reached()) for (let s = off[u]!, end = off[u + 1]!; s < end; s++) scan(ae[s]!);
}

/** Seed `sp` from every entry of a source (label `label`) and return them in effective metres. */
export function seedEntries(
  graph: WalkGraph,
  weight: Float64Array,
  sp: ShortestPaths,
  hits: readonly { edge: number; offset: number; access: number }[],
  addAccess: boolean,
  label: number,
  bound?: Float64Array,
): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const h of hits) {
    if (!Number.isFinite(weight[h.edge]!)) continue;
    const o = effectiveOffset(graph, weight, h.edge, h.offset),
      a = addAccess ? h.access : 0;
    sp.seed(graph.edgeU[h.edge]!, o + a, label, bound);
    sp.seed(graph.edgeV[h.edge]!, weight[h.edge]! - o + a, label, bound);
    out.push({ edge: h.edge, offset: o, access: a });
  }
  return out;
}
