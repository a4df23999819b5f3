import { ShortestPaths } from './dijkstra.ts';
import { forEachEntry, type SnapTable } from './snap.ts';
import type { WalkGraph } from './types.ts';

/** How the straight-line gap between a point and the path it snapped to is treated. */
export type AccessMode = 'add' | 'ignore';

/** A facility snapped onto an edge, in effective (profile-weighted) metres. */
interface EdgeFacility {
  readonly offset: number;
  readonly access: number;
  readonly label: number;
}

/**
 * Distance from every vertex to the nearest facility of one category under one profile.
 * `nodeDist` in effective metres (Infinity = unreachable); `nodeLabel` = index of that facility in the
 * facility list the field was built from. `onEdge` lists facilities per edge for the same-edge case.
 */
export interface DistanceField {
  readonly nodeDist: Float64Array;
  readonly nodeLabel: Int32Array;
  readonly onEdge: Map<number, EdgeFacility[]>;
}

/** Profile weight of a physical offset along edge `e` (edges are weighted uniformly along their length). */
export function effectiveOffset(graph: WalkGraph, weight: Float64Array, e: number, offset: number): number {
  const len = graph.edgeLen[e]!,
    w = weight[e]!;
  return len > 0 ? (offset / len) * w : 0;
}

/**
 * Multi-source Dijkstra from snapped facilities: each entry of a facility seeds the two ends of its edge
 * with its offsets plus its gap (two virtual sources per entry), so the field is exact for points anywhere
 * on the network.
 * Facilities with `edge = -1` (too far from any path) are ignored. `cutoff` bounds the search
 * (vertices beyond stay Infinity). Reuses `sp` when given (it is reset first).
 */
export function facilityField(
  graph: WalkGraph,
  weight: Float64Array,
  fac: SnapTable,
  access: AccessMode = 'add',
  cutoff = Infinity,
  sp: ShortestPaths = new ShortestPaths(graph, weight),
): DistanceField {
  sp.reset();
  const onEdge = new Map<number, EdgeFacility[]>();
  for (let j = 0; j < fac.edge.length; j++) {
    forEachEntry(fac, j, (e, off, acc) => {
      if (!Number.isFinite(weight[e]!)) return;
      const o = effectiveOffset(graph, weight, e, off);
      const a = access === 'add' ? acc : 0;
      sp.seed(graph.edgeU[e]!, o + a, j);
      sp.seed(graph.edgeV[e]!, weight[e]! - o + a, j);
      const list = onEdge.get(e);
      if (list === undefined) onEdge.set(e, [{ offset: o, access: a, label: j }]);
      else list.push({ offset: o, access: a, label: j });
    });
  }
  sp.run(cutoff);
  return { nodeDist: sp.dist.slice(), nodeLabel: sp.label.slice(), onEdge };
}

/**
 * Distance (effective metres) from each snapped point to its nearest facility in `field`, written into
 * `outDist` / `outLabel` (facility index, -1 when none). A point's distance is the minimum over its entries
 * of: the entry edge's two ends plus the offsets, or the direct stretch when a facility sits on the same
 * edge; plus that entry's own gap when `access` is 'add'.
 */
export function pointDistances(
  graph: WalkGraph,
  weight: Float64Array,
  field: DistanceField,
  pts: SnapTable,
  access: AccessMode,
  outDist: Float64Array,
  outLabel: Int32Array,
): void {
  const nd = field.nodeDist,
    nl = field.nodeLabel,
    eu = graph.edgeU,
    ev = graph.edgeV;
  const len = graph.edgeLen,
    hasOnEdge = field.onEdge.size > 0;
  let d = Infinity,
    lab = -1;
  const entry = (e: number, off: number, acc: number): void => {
    const w = weight[e]!;
    if (!Number.isFinite(w)) return;
    const l = len[e]!;
    const o = l > 0 ? (off / l) * w : 0;
    const a = access === 'add' ? acc : 0;
    const u = eu[e]!,
      v = ev[e]!;
    const du = nd[u]! + o + a,
      dv = nd[v]! + (w - o) + a;
    if (du < d) {
      d = du;
      lab = nl[u]!;
    }
    if (dv < d) {
      d = dv;
      lab = nl[v]!;
    }
    if (!hasOnEdge) return;
    const list = field.onEdge.get(e);
    if (list === undefined) return;
    for (const f of list) {
      const df = Math.abs(f.offset - o) + f.access + a;
      if (df < d || (df === d && f.label < lab)) {
        d = df;
        lab = f.label;
      }
    }
  };
  for (let i = 0; i < pts.edge.length; i++) {
    d = Infinity;
    lab = -1;
    forEachEntry(pts, i, entry);
    outDist[i] = d;
    outLabel[i] = d === Infinity ? -1 : lab;
  }
}
