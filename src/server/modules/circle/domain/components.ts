import { buildAdjacency, type WalkGraph } from './types.ts';

/**
 * Connected-component id of every vertex (union–find, ids are the smallest vertex index in the
 * component, so the numbering is deterministic).
 */
export function componentIds(g: WalkGraph): Int32Array {
  const parent = new Int32Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < g.edgeCount; e++) {
    const a = find(g.edgeU[e]!),
      b = find(g.edgeV[e]!);
    if (a !== b) {
      if (a < b) parent[b] = a;
      else parent[a] = b;
    }
  }
  for (let i = 0; i < g.nodeCount; i++) parent[i] = find(i);
  return parent;
}

/**
 * Drop connected components whose total edge length is below `minLengthM` metres. Such islands
 * (a footway inside a courtyard, a mapped corridor) would otherwise "capture" nearby buildings whose
 * snapped distance then comes out unreachable. Vertex and edge order of the survivors is kept.
 */
export function pruneSmallComponents(g: WalkGraph, minLengthM: number): WalkGraph {
  if (minLengthM <= 0 || g.edgeCount === 0) return g;
  const comp = componentIds(g);
  const compLen = new Float64Array(g.nodeCount);
  for (let e = 0; e < g.edgeCount; e++) compLen[comp[g.edgeU[e]!]!]! += g.edgeLen[e]!;
  const keepNode = new Int32Array(g.nodeCount).fill(-1);
  let n = 0;
  for (let i = 0; i < g.nodeCount; i++) if (compLen[comp[i]!]! >= minLengthM) keepNode[i] = n++;
  if (n === g.nodeCount) return g;
  const keptEdges: number[] = [];
  for (let e = 0; e < g.edgeCount; e++) if (keepNode[g.edgeU[e]!]! >= 0) keptEdges.push(e);
  const m = keptEdges.length;
  const nodeCoord = new Float64Array(2 * n);
  for (let i = 0; i < g.nodeCount; i++) {
    const k = keepNode[i]!;
    if (k >= 0) {
      nodeCoord[2 * k] = g.nodeCoord[2 * i]!;
      nodeCoord[2 * k + 1] = g.nodeCoord[2 * i + 1]!;
    }
  }
  const edgeU = new Int32Array(m),
    edgeV = new Int32Array(m),
    edgeLen = new Float64Array(m);
  const edgeFlags = new Uint8Array(m),
    edgeWay = new Float64Array(m),
    geomOffset = new Int32Array(m + 1);
  let pts = 0;
  for (const e of keptEdges) pts += g.geomOffset[e + 1]! - g.geomOffset[e]!;
  const geomCoord = new Float64Array(2 * pts);
  let p = 0;
  keptEdges.forEach((e, k) => {
    edgeU[k] = keepNode[g.edgeU[e]!]!;
    edgeV[k] = keepNode[g.edgeV[e]!]!;
    edgeLen[k] = g.edgeLen[e]!;
    edgeFlags[k] = g.edgeFlags[e]!;
    edgeWay[k] = g.edgeWay[e]!;
    const a = g.geomOffset[e]!,
      b = g.geomOffset[e + 1]!;
    geomCoord.set(g.geomCoord.subarray(2 * a, 2 * b), 2 * p);
    p += b - a;
    geomOffset[k + 1] = p;
  });
  return {
    nodeCount: n,
    edgeCount: m,
    nodeCoord,
    edgeU,
    edgeV,
    edgeLen,
    edgeFlags,
    edgeWay,
    geomOffset,
    geomCoord,
    ...buildAdjacency(n, edgeU, edgeV),
  };
}
