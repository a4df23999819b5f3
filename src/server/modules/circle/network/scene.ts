/**
 * A "scene" is what every analysis needs for one community on one network: the engine (cached in memory
 * per network, rebuilt when the network changes), the homes with their demand and the facilities.
 * Network `roads` is the community's own street data from the registry; other names are OSM imports.
 */
import type { Kysely } from 'kysely';
import type { Polygon } from 'geojson';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { areaM2 } from '../../../../shared/geo/measure.ts';
import * as registry from '../../registry/index.ts';
import {
  createCircleEngine,
  estimateFromBuildingArea,
  type CircleEngine,
  type Facility,
  type Home,
  type WalkGraph,
} from '../domain/index.ts';
import { encodeGraph } from '../osm/cache.ts';
import type { Poi } from '../osm/import.ts';
import type { SnapColumns } from '../domain/snapColumns.ts';
import type { CircleSettings } from '../config.ts';
import * as repo from '../repository.ts';
import { graphFromRoads } from './roads.ts';
import { readStoredNetwork, type NetworkDecoder } from './stored.ts';

/** The registry's own network. */
export const ROADS_NETWORK = 'roads';
/** Attribution required wherever OSM-derived data is shown (ODbL). */
const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

/** A home with what the UI and reports show about it. */
interface SceneHome extends Home {
  name: string;
  estimated: boolean;
  footprint: Polygon | null;
}
/** A facility with its name and origin (`demo`, `registry`, `import`, `osm`). */
interface SceneFacility extends Facility {
  name: string;
  source: string;
}
/** A candidate site kind. */
export type CandidateKind = 'freed' | 'vacant' | 'any';
/** A candidate site. */
interface SceneCandidate {
  id: string;
  lon: number;
  lat: number;
  name: string;
  kind: CandidateKind;
}

/** Everything an analysis needs. */
export interface Scene {
  network: { name: string; source: 'roads' | 'osm'; attribution: string | null };
  engine: CircleEngine;
  /** The engine's graph in shared memory, for work sent to the pool. */
  shared: SharedGraph;
  homes: SceneHome[];
  facilities: SceneFacility[];
  candidates(kind: CandidateKind): Promise<SceneCandidate[]>;
}

/** The graph encoded once into shared memory, so pool workers read it without a copy (see workers/). */
interface SharedGraph {
  /** Unique per cache entry and version (workers cache their engines by it). */
  readonly id: string;
  readonly bytes: SharedArrayBuffer;
}

interface Cached {
  key: string;
  engine: CircleEngine;
  shared: SharedGraph;
  /** OSM networks: the POIs and the homes estimated from building footprints. */
  pois: readonly Poi[] | null;
  osmHomes: SceneHome[] | null;
}

/** What an entry is built from: a graph (with its shared bytes when a worker made them) and OSM extras. */
interface Made {
  graph: WalkGraph;
  shared?: SharedArrayBuffer;
  pois: readonly Poi[] | null;
  homes: SceneHome[] | null;
  /** The segment index's columns when a worker built them. */
  snap?: SnapColumns;
}

/** In-memory cache of engines per (community, network); invalidated by key (re-import or changed roads). */
export class EngineCache {
  private readonly map = new Map<string, Cached>();
  /** Entries being built: concurrent first reads of one network share one build. */
  private readonly building = new Map<string, Promise<Cached>>();
  constructor(
    private readonly settings: CircleSettings,
    /** The pool that decodes stored networks off the event loop. */
    readonly pool: NetworkDecoder,
  ) {}

  /** The cached entry for `id` if its key still matches, else build it with `make`. */
  async get(id: string, key: string, make: () => Promise<Made>): Promise<Cached> {
    const hit = this.map.get(id);
    if (hit && hit.key === key) return hit;
    const k = `${id}@${key}`;
    let p = this.building.get(k);
    if (p === undefined) {
      p = this.build(id, key, make).finally(() => this.building.delete(k));
      this.building.set(k, p);
    }
    return p;
  }

  private async build(id: string, key: string, make: () => Promise<Made>): Promise<Cached> {
    const { graph, shared, pois, homes, snap } = await make();
    const opts = {
      categories: this.settings.categories,
      profiles: this.settings.profiles,
      maxSnapM: this.settings.maxSnapM,
      entryToleranceM: this.settings.entryToleranceM,
    };
    const engine = createCircleEngine(graph, opts, snap);
    let bytes = shared;
    if (bytes === undefined) {
      const enc = encodeGraph({ graph, buildings: [], pois: [] });
      bytes = new SharedArrayBuffer(enc.byteLength);
      new Uint8Array(bytes).set(enc);
    }
    const c = { key, engine, pois, osmHomes: homes, shared: { id: `${id}@${key}`, bytes } };
    this.map.set(id, c);
    return c;
  }

  /** Forget a network (after a re-import). */
  invalidate(id: string): void {
    this.map.delete(id);
  }
}

function fingerprint(rows: { id: string; line: unknown }[]): string {
  let h = 2166136261;
  const s = JSON.stringify(rows);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `${rows.length}:${(h >>> 0).toString(16)}`;
}

/** Registry buildings → homes; residential buildings without registry rows are estimated from footprint × floors. */
async function registryHomes(
  db: Kysely<Database>,
  community: string,
  now: Date,
  s: CircleSettings,
): Promise<SceneHome[]> {
  const rows = await registry.buildingDemand(db, community, now);
  return rows.map((b) => {
    if (b.households > 0 || b.use !== 'residential') {
      return {
        id: b.id,
        lon: b.lon,
        lat: b.lat,
        households: b.households,
        people: b.people,
        elderly: b.elderly,
        children: b.children,
        name: b.name,
        estimated: false,
        footprint: b.footprint,
      };
    }
    const est = estimateFromBuildingArea(
      { id: b.id, lon: b.lon, lat: b.lat, areaM2: b.footprint ? areaM2(b.footprint) : 0, levels: b.floors || null },
      s.assumptions,
    );
    return { ...est, name: b.name, estimated: true, footprint: b.footprint };
  });
}

/** Load the scene of a community on a network (default: its own roads). */
export async function loadScene(
  db: Kysely<Database>,
  cache: EngineCache,
  s: CircleSettings,
  community: string,
  network: string,
  now: Date,
): Promise<Scene> {
  const imported = (await repo.importedFacilities(db, community)).map(
    (f): SceneFacility => ({ id: f.id, category: f.category, name: f.name, lon: f.lon, lat: f.lat, source: f.source }),
  );
  const freed = async (): Promise<SceneCandidate[]> =>
    (await registry.candidateSites(db, community)).map((c) => ({
      id: c.id,
      lon: c.lon,
      lat: c.lat,
      name: c.name,
      kind: 'freed',
    }));
  if (network === ROADS_NETWORK) {
    const roads = await registry.communityRoads(db, community);
    if (roads.length === 0) throw new AppError('CIRCLE_EMPTY_NETWORK');
    const c = await cache.get(`${community}/${ROADS_NETWORK}`, fingerprint(roads), async () => ({
      graph: graphFromRoads(roads).graph,
      pois: null,
      homes: null,
    }));
    const homes = await registryHomes(db, community, now, s);
    const reg = (await registry.communityFacilities(db, community)).map((f): SceneFacility => ({ ...f }));
    const byHome = homes;
    return {
      network: { name: ROADS_NETWORK, source: 'roads', attribution: null },
      engine: c.engine,
      shared: c.shared,
      homes,
      facilities: [...reg, ...imported],
      async candidates(kind) {
        if (kind === 'freed') return freed();
        const list = kind === 'vacant' ? byHome.filter((h) => h.households === 0) : byHome;
        return list.map((h) => ({ id: h.id, lon: h.lon, lat: h.lat, name: h.name, kind }));
      },
    };
  }
  const meta = await repo.getNetworkMeta(db, community, network);
  if (!meta) throw new AppError('CIRCLE_UNKNOWN_NETWORK', { params: { name: network } });
  const c = await cache.get(
    `${community}/${network}`,
    `${meta.id}:${new Date(meta.imported_at).getTime()}`,
    async () => {
      const n = await readStoredNetwork(db, cache.pool, s, meta.id);
      return { graph: n.graph, shared: n.shared, pois: n.pois, homes: n.homes, snap: n.snap };
    },
  );
  const pois: SceneFacility[] = [];
  for (const p of c.pois!)
    for (const cat of p.categories)
      pois.push({ id: `${p.id}:${cat}`, category: cat, name: p.name ?? p.id, lon: p.lon, lat: p.lat, source: 'osm' });
  const homes = c.osmHomes!;
  return {
    network: { name: meta.name, source: 'osm', attribution: OSM_ATTRIBUTION },
    engine: c.engine,
    shared: c.shared,
    homes,
    facilities: [...pois, ...imported],
    async candidates(kind) {
      if (kind === 'freed') return freed();
      const list = kind === 'vacant' ? homes.filter((h) => h.households === 0) : homes;
      return list.map((h) => ({ id: h.id, lon: h.lon, lat: h.lat, name: h.name, kind }));
    },
  };
}
