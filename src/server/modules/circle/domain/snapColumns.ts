/**
 * The arrays a segment index is made of, as plain data: built where there is time for it (a worker decoding
 * a stored network) and wrapped into a {@link createSnapIndex} index where it is used, so the event loop
 * never builds the index of a large network (robustness issue, item 3).
 */
import Flatbush from 'flatbush';
import { localProjection, meanLat } from '../../../../shared/geo/distance.ts';
import type { WalkGraph } from './types.ts';

/** Projected points, segments and the spatial tree of a graph's polylines. */
export interface SnapColumns {
  /** Every polyline point in the graph's local metric projection (metres). */
  readonly px: Float64Array;
  readonly py: Float64Array;
  /** Per segment: its edge and its first point. */
  readonly segEdge: Int32Array;
  readonly segPt: Int32Array;
  /** Projected length from the edge's start at each point, and each edge's projected length. */
  readonly cum: Float64Array;
  readonly edgeProjLen: Float64Array;
  /** The Flatbush tree over the segments' boxes (`Flatbush.from`), null for a graph without segments. */
  readonly tree: ArrayBuffer | null;
}

/** Build the columns of a graph's segment index (O(segments log segments)). */
export function buildSnapColumns(graph: WalkGraph): SnapColumns {
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
  return { px, py, segEdge, segPt, cum, edgeProjLen, tree: index === null ? null : (index.data as ArrayBuffer) };
}
