/**
 * The first read of a stored OSM network: the bundle is fetched here and decoded in a pool worker (see
 * workers/stored.ts); this thread only wraps the worker's columns into homes, a few thousand at a time
 * between turns of the event loop, so no request waits behind the decode (robustness issue, item 3).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Home, WalkGraph } from '../domain/index.ts';
import type { SnapColumns } from '../domain/snapColumns.ts';
import { decodeGraph } from '../osm/cache.ts';
import type { Poi } from '../osm/import.ts';
import * as repo from '../repository.ts';
import type { HouseholdAssumptions } from '../domain/homes.ts';
import type { CircleError } from '../osm/errors.ts';
import type { LoadedNetwork, PackedHomes } from '../workers/stored.ts';
import type { CircleSettings } from '../config.ts';

/** The part of the worker pool this file needs (not the pool's type: the pool's file imports the scene's). */
export interface NetworkDecoder {
  loadNetwork(
    stored: Uint8Array,
    assumptions: HouseholdAssumptions,
  ): Promise<{ ok: true; value: LoadedNetwork } | { ok: false; error: CircleError }>;
}
/** A home estimated from a building footprint (a scene home without a drawn footprint). */
type EstimatedHome = Home & { name: string; estimated: true; footprint: null };

/** Homes wrapped per turn of the event loop (~1–3 ms of work each on a busy machine). */
const CHUNK = 2048;

/** A stored network ready for the engine cache: graph (views on shared memory), homes, POIs. */
export interface StoredNetwork {
  readonly graph: WalkGraph;
  readonly shared: SharedArrayBuffer;
  readonly homes: EstimatedHome[];
  readonly pois: readonly Poi[];
  readonly snap: SnapColumns;
}

/** Read network `id` from the database and decode it off the event loop; a bad bundle is GRAPH_CACHE_INVALID. */
export async function readStoredNetwork(
  db: Kysely<Database>,
  pool: NetworkDecoder,
  s: CircleSettings,
  id: string,
): Promise<StoredNetwork> {
  const bin = await repo.getNetworkBundle(db, id);
  if (!bin) throw new AppError('GRAPH_CACHE_INVALID');
  const r = await pool.loadNetwork(bin, s.assumptions);
  if (!r.ok) throw new AppError('GRAPH_CACHE_INVALID', { details: r.error.detail || undefined });
  const g = decodeGraph(new Uint8Array(r.value.graph)); // typed-array views on the shared bytes: no copy
  if (!g.ok) throw new AppError('GRAPH_CACHE_INVALID');
  const { graph: shared, pois, snap } = r.value;
  return { graph: g.value.graph, shared, homes: await wrapHomes(r.value.homes), pois: JSON.parse(pois), snap };
}

/** Columns → estimated homes (same fields and order as `estimateFromBuildingArea` + scene fields). */
async function wrapHomes(p: PackedHomes): Promise<EstimatedHome[]> {
  const ids = JSON.parse(p.ids) as string[];
  const ent = new Map((JSON.parse(p.entrances) as { i: number; c: number[] }[]).map((e) => [e.i, e.c]));
  const d = p.demand,
    out: EstimatedHome[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    if (i > 0 && i % CHUNK === 0) await new Promise((res) => setImmediate(res));
    const id = ids[i]!,
      lon = p.coord[2 * i]!,
      lat = p.coord[2 * i + 1]!,
      entrances = ent.get(i);
    const [households, people, elderly, children] = [d[4 * i]!, d[4 * i + 1]!, d[4 * i + 2]!, d[4 * i + 3]!];
    out[i] =
      entrances === undefined
        ? { id, lon, lat, households, people, elderly, children, name: id, estimated: true, footprint: null }
        : {
            id,
            lon,
            lat,
            entrances,
            households,
            people,
            elderly,
            children,
            name: id,
            estimated: true,
            footprint: null,
          };
  }
  return out;
}
