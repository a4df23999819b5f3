/**
 * Decoding a stored OSM network, done in a pool worker: inflating the stored bundle, parsing its JSON
 * trailer (tens of thousands of buildings) and estimating each building's households held the event loop
 * for 150–300 ms on the first read of a network (robustness issue, item 3). The worker hands back the
 * graph already in shared memory and the homes as columns; the main thread only wraps them.
 */
import { estimateFromBuildingArea, type HouseholdAssumptions } from '../domain/homes.ts';
import { buildSnapColumns, type SnapColumns } from '../domain/snapColumns.ts';
import { decodeGraph, encodeGraph, unpackBundle } from '../osm/cache.ts';
import type { TaskResult } from './result.ts';

/** Decode a stored network bundle (as read from `circle_networks.bundle`). */
export interface LoadNetworkTask {
  readonly kind: 'loadNetwork';
  /** The stored (packed) bundle; transferred to the worker, not copied. */
  readonly stored: Uint8Array;
  readonly assumptions: HouseholdAssumptions;
}

/**
 * Estimated homes as columns. Lists of small values travel as JSON text: deserialising 23k strings one by
 * one on the main thread cost 70–170 ms on a busy machine, parsing one JSON array costs a few.
 */
export interface PackedHomes {
  /** JSON array of the building ids. */
  readonly ids: string;
  /** `[lon, lat]` per home. */
  readonly coord: Float64Array;
  /** households, people, elderly, children per home. */
  readonly demand: Float64Array;
  /** JSON array of `{ i, c }`: the mapped entrances `c` of home `i`. */
  readonly entrances: string;
}

/** A decoded network: graph bytes in shared memory, estimated homes as columns, the POIs. */
export interface LoadedNetwork {
  /** {@link encodeGraph} bytes of the graph alone (no buildings / POIs), shared with every worker. */
  readonly graph: SharedArrayBuffer;
  /** One point per building with its estimated demand (ids are the building ids). */
  readonly homes: PackedHomes;
  /** JSON array of the POIs. */
  readonly pois: string;
  /** The graph's segment index, built here too (40–300 ms for Monaco on a busy machine). */
  readonly snap: SnapColumns;
}

/** The worker side: stored bytes → {@link LoadedNetwork}, or `GRAPH_CACHE_INVALID`. */
export function loadStoredNetwork(t: LoadNetworkTask): TaskResult<LoadedNetwork> {
  const r = decodeGraph(unpackBundle(t.stored));
  if (!r.ok) return { ok: false, error: { code: r.error.code, detail: r.error.detail } };
  const { graph, buildings, pois } = r.value;
  const enc = encodeGraph({ graph, buildings: [], pois: [] });
  const shared = new SharedArrayBuffer(enc.byteLength);
  new Uint8Array(shared).set(enc);
  const n = buildings.length,
    coord = new Float64Array(2 * n),
    demand = new Float64Array(4 * n);
  const ids: string[] = new Array(n),
    entrances: { i: number; c: readonly number[] }[] = [];
  for (let i = 0; i < n; i++) {
    const h = estimateFromBuildingArea(buildings[i]!, t.assumptions);
    ids[i] = h.id;
    coord[2 * i] = h.lon;
    coord[2 * i + 1] = h.lat;
    demand.set([h.households, h.people, h.elderly, h.children], 4 * i);
    if (h.entrances !== undefined) entrances.push({ i, c: h.entrances });
  }
  const homes: PackedHomes = { ids: JSON.stringify(ids), coord, demand, entrances: JSON.stringify(entrances) };
  return { ok: true, value: { graph: shared, homes, pois: JSON.stringify(pois), snap: buildSnapColumns(graph) } };
}
