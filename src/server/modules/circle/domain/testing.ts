import { haversine } from '../../../../shared/geo/distance.ts';
import { buildAdjacency, type WalkGraph } from './types.ts';
import { mulberry32 } from '../../../../shared/rng.ts';
export { mulberry32 };

/**
 * Build a WalkGraph from vertex coordinates and straight edges (test fixtures and synthetic graphs).
 * Edge length is the haversine length unless `lengths` is given (then geometry is just the two ends).
 */
export function graphFromEdges(
  coords: readonly [number, number][],
  edges: readonly [number, number][],
  flags?: readonly number[],
  lengths?: readonly number[],
): WalkGraph {
  const n = coords.length,
    m = edges.length;
  const nodeCoord = new Float64Array(2 * n);
  coords.forEach(([x, y], i) => {
    nodeCoord[2 * i] = x;
    nodeCoord[2 * i + 1] = y;
  });
  const edgeU = Int32Array.from(edges.map((e) => e[0])),
    edgeV = Int32Array.from(edges.map((e) => e[1]));
  const edgeLen = new Float64Array(m),
    geomOffset = new Int32Array(m + 1),
    geomCoord = new Float64Array(4 * m);
  edges.forEach(([u, v], e) => {
    const [x0, y0] = coords[u]!,
      [x1, y1] = coords[v]!;
    edgeLen[e] = lengths?.[e] ?? haversine(x0, y0, x1, y1);
    geomCoord.set([x0, y0, x1, y1], 4 * e);
    geomOffset[e + 1] = 2 * (e + 1);
  });
  return {
    nodeCount: n,
    edgeCount: m,
    nodeCoord,
    edgeU,
    edgeV,
    edgeLen,
    edgeFlags: Uint8Array.from(flags ?? edges.map(() => 0)),
    edgeWay: new Float64Array(m),
    geomOffset,
    geomCoord,
    ...buildAdjacency(n, edgeU, edgeV),
  };
}
