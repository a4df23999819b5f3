import Flatbush from 'flatbush';
import { localProjection, meanLat, type LocalProjection } from './geo.ts';
import type { GeoPoint, WalkGraph } from './types.ts';

/** Points farther than this from any usable path are reported, not snapped (metres). */
export const DEFAULT_MAX_SNAP_M = 500;

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
}

/** Spatial index over every polyline segment of a graph, in a local metric projection. */
export interface SnapIndex {
  readonly graph: WalkGraph;
  readonly proj: LocalProjection;
  /** Snap one point. `weight` (optional) excludes edges whose weight is not finite. */
  snap(lon: number, lat: number, maxDistM?: number, weight?: Float64Array): SnapHit | null;
  /** Snap many points; deterministic, column-wise result. */
  snapAll(points: readonly GeoPoint[], maxDistM?: number, weight?: Float64Array): SnapTable;
}

/** One snapped point. */
export interface SnapHit {
  edge: number;
  offset: number;
  access: number;
}

/** Build the segment index for a graph (O(segments log segments), ~50 ms for 400k segments). */
export function createSnapIndex(graph: WalkGraph): SnapIndex {
  const proj = localProjection(meanLat(graph.nodeCoord));
  const gOff = graph.geomOffset,
    gc = graph.geomCoord;
  const nPts = gc.length / 2;
  const px = new Float64Array(nPts),
    py = new Float64Array(nPts);
  for (let i = 0; i < nPts; i++) {
    px[i] = proj.x(gc[2 * i]!);
    py[i] = proj.y(gc[2 * i + 1]!);
  }
  const segCount = nPts - graph.edgeCount;
  const segEdge = new Int32Array(Math.max(segCount, 0));
  const segPt = new Int32Array(Math.max(segCount, 0));
  const cum = new Float64Array(nPts); // projected length from the edge start at each point
  const edgeProjLen = new Float64Array(graph.edgeCount);
  const index = segCount > 0 ? new Flatbush(segCount) : null;
  let s = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = gOff[e]!,
      b = gOff[e + 1]!;
    for (let p = a; p < b - 1; p++) {
      const x0 = px[p]!,
        y0 = py[p]!,
        x1 = px[p + 1]!,
        y1 = py[p + 1]!;
      cum[p + 1] = cum[p]! + Math.hypot(x1 - x0, y1 - y0);
      segEdge[s] = e;
      segPt[s] = p;
      s++;
      index!.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    edgeProjLen[e] = cum[b - 1]!;
  }
  index?.finish();

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
        t = t < 0 ? 0 : t > 1 ? 1 : t;
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

  function snapAll(points: readonly GeoPoint[], maxDistM = DEFAULT_MAX_SNAP_M, weight?: Float64Array): SnapTable {
    const n = points.length;
    const edge = new Int32Array(n).fill(-1),
      offset = new Float64Array(n),
      access = new Float64Array(n);
    const far: number[] = [];
    for (let i = 0; i < n; i++) {
      const pt = points[i]!;
      const hit = snap(pt.lon, pt.lat, maxDistM, weight);
      if (hit === null) {
        far.push(i);
        continue;
      }
      edge[i] = hit.edge;
      offset[i] = hit.offset;
      access[i] = hit.access;
    }
    return { edge, offset, access, far };
  }

  return { graph, proj, snap, snapAll };
}
