/**
 * Core data shapes of the walking-accessibility engine. Everything is plain typed arrays so a graph of
 * a million-person city fits in tens of megabytes and can be written to / read from one binary file.
 */

/** Edge flag: the edge is a staircase (highway=steps). */
export const EDGE_STEPS = 1;
/** Edge flag: tagged wheelchair=no (or an obvious obstacle for wheelchairs other than steps). */
export const EDGE_NO_WHEELCHAIR = 2;
/** Edge flag: the edge is a crossing (footway=crossing / highway=crossing way). */
export const EDGE_CROSSING = 4;
/** Edge flag: road with traffic where a sidewalk is assumed (tertiary … primary). */
export const EDGE_ROAD = 8;

/**
 * Undirected walking graph: vertices are way ends, shared nodes and barrier stubs ("topology graph");
 * each edge keeps its full polyline for drawing.
 *
 * Invariants: `edgeLen[e] > 0` or a zero-length degenerate edge (allowed, weight 0);
 * `adjOffset` has `nodeCount + 1` entries; every edge appears twice in the adjacency (u→v, v→u),
 * except a self-loop which appears twice at the same vertex. Lengths are metres (haversine).
 */
export interface WalkGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Vertex coordinates, interleaved `[lon0, lat0, lon1, lat1, …]` WGS-84 degrees. */
  readonly nodeCoord: Float64Array;
  /** Edge endpoints (vertex indices). */
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  /** Edge length in metres along its polyline. */
  readonly edgeLen: Float64Array;
  /** Bit set of `EDGE_*` flags. */
  readonly edgeFlags: Uint8Array;
  /** OSM way id each edge was cut from (for debugging and links back to OSM). */
  readonly edgeWay: Float64Array;
  /** Polyline of edge e: coordinates `geomCoord[2*geomOffset[e] …  2*geomOffset[e+1])`, from u to v. */
  readonly geomOffset: Int32Array;
  readonly geomCoord: Float64Array;
  /** CSR adjacency: neighbours of vertex n are `adjTarget[adjOffset[n] … adjOffset[n+1])`. */
  readonly adjOffset: Int32Array;
  readonly adjTarget: Int32Array;
  /** Edge index of each adjacency slot (to look up the profile weight). */
  readonly adjEdge: Int32Array;
}

/** A point to place on the network: a home, building or facility. Coordinates WGS-84. */
export interface GeoPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /**
   * Mapped entrances (OSM `entrance=*` on the building outline), interleaved `[lon0, lat0, lon1, lat1, …]`.
   * When present the point enters the walking network through these instead of from its own position.
   */
  readonly entrances?: readonly number[];
}

/** A facility of one life-circle category (e.g. a kindergarten). */
export interface Facility extends GeoPoint {
  readonly category: string;
  readonly name?: string;
}

/**
 * A dwelling unit or building with the people it houses. Counts may be fractional when estimated.
 * `elderly` = aged 60+, `children` = aged 0–14 (local definitions may differ; the engine only sums).
 */
export interface Home extends GeoPoint {
  readonly households: number;
  readonly people: number;
  readonly elderly: number;
  readonly children: number;
}

/** Build a CSR adjacency from edge endpoint arrays. Deterministic: slots are in edge order. */
export function buildAdjacency(
  nodeCount: number,
  edgeU: Int32Array,
  edgeV: Int32Array,
): {
  adjOffset: Int32Array;
  adjTarget: Int32Array;
  adjEdge: Int32Array;
} {
  const m = edgeU.length;
  const adjOffset = new Int32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) {
    adjOffset[edgeU[e]! + 1]!++;
    adjOffset[edgeV[e]! + 1]!++;
  }
  for (let n = 0; n < nodeCount; n++) adjOffset[n + 1]! += adjOffset[n]!;
  const fill = adjOffset.slice(0, nodeCount);
  const adjTarget = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const u = edgeU[e]!,
      v = edgeV[e]!;
    let s = fill[u]!++;
    adjTarget[s] = v;
    adjEdge[s] = e;
    s = fill[v]!++;
    adjTarget[s] = u;
    adjEdge[s] = e;
  }
  return { adjOffset, adjTarget, adjEdge };
}
