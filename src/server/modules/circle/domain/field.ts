import { ShortestPaths } from './dijkstra.ts';
import type { SnapTable } from './snap.ts';
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
 * Multi-source Dijkstra from snapped facilities: each facility seeds the two ends of its edge with
 * its offsets (two virtual sources), so the field is exact for points anywhere on the network.
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
    const e = fac.edge[j]!;
    if (e < 0 || !Number.isFinite(weight[e]!)) continue;
    const o = effectiveOffset(graph, weight, e, fac.offset[j]!);
    const a = access === 'add' ? fac.access[j]! : 0;
    sp.seed(graph.edgeU[e]!, o + a, j);
    sp.seed(graph.edgeV[e]!, weight[e]! - o + a, j);
    const list = onEdge.get(e);
    if (list === undefined) onEdge.set(e, [{ offset: o, access: a, label: j }]);
    else list.push({ offset: o, access: a, label: j });
  }
  sp.run(cutoff);
  return { nodeDist: sp.dist.slice(), nodeLabel: sp.label.slice(), onEdge };
}

/**
 * Distance (effective metres) from each snapped point to its nearest facility in `field`, written into
 * `outDist` / `outLabel` (facility index, -1 when none). A point's distance is the minimum over its
 * edge's two ends plus the offsets, or the direct stretch when a facility sits on the same edge.
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
  for (let i = 0; i < pts.edge.length; i++) {
    const e = pts.edge[i]!;
    const w = e >= 0 ? weight[e]! : Infinity;
    if (!Number.isFinite(w)) {
      outDist[i] = Infinity;
      outLabel[i] = -1;
      continue;
    }
    const l = len[e]!;
    const o = l > 0 ? (pts.offset[i]! / l) * w : 0;
    const u = eu[e]!,
      v = ev[e]!;
    let d = nd[u]! + o,
      lab = nl[u]!;
    const dv = nd[v]! + (w - o);
    if (dv < d) {
      d = dv;
      lab = nl[v]!;
    }
    if (hasOnEdge) {
      const list = field.onEdge.get(e);
      if (list !== undefined) {
        for (const f of list) {
          const df = Math.abs(f.offset - o) + f.access;
          if (df < d || (df === d && f.label < lab)) {
            d = df;
            lab = f.label;
          }
        }
      }
    }
    if (d === Infinity) {
      outDist[i] = Infinity;
      outLabel[i] = -1;
      continue;
    }
    outDist[i] = access === 'add' ? d + pts.access[i]! : d;
    outLabel[i] = lab;
  }
}
