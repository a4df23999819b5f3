import { pruneSmallComponents } from '../domain/components.ts';
import type { Facility, WalkGraph } from '../domain/types.ts';
import { CircleError, type Result } from './errors.ts';
import { buildWalkGraph, type RawWay } from './graph-build.ts';
import { NodeStore } from './nodes.ts';
import { DEFAULT_PBF_LIMITS, readPbf, type Member, type PbfLimits, type Tags } from './pbf.ts';
import { assembleRings, polygonShape } from './shapes.ts';
import { blocksFoot, poiCategories, walkFlags } from './tags.ts';

/** A building footprint reduced to what accessibility needs. `id` is `w<way id>` or `r<relation id>`. */
export interface Building {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** Footprint area in m² (approximate for multipolygons). */
  readonly areaM2: number;
  /** `building:levels` when tagged, else null. */
  readonly levels: number | null;
  /** Value of the building tag (yes, residential, apartments, school, …). */
  readonly kind: string;
  /** Outline nodes tagged `entrance=*` (not `no` / `emergency`), `[lon0, lat0, …]`; absent when none. */
  readonly entrances?: number[];
}

/** An OSM object mapped to one or more life-circle categories. `id` is `n…`, `w…` or `r…`. */
export interface Poi {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly name?: string;
  readonly categories: readonly string[];
}

/** Result of importing an OSM extract. */
export interface OsmImport {
  readonly graph: WalkGraph;
  readonly buildings: Building[];
  readonly pois: Poi[];
  readonly stats: {
    nodes: number;
    ways: number;
    relations: number;
    walkableWays: number;
    blockedNodes: number;
    ms: number;
  };
}

/** Import options. */
export interface OsmImportOptions {
  /** Called with bytes processed / total while parsing (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Drop walking-graph islands shorter than this many metres in total (default 200; 0 keeps all). */
  readonly minComponentM?: number;
  /** Decompression caps (default {@link DEFAULT_PBF_LIMITS}: 32 MiB per blob, 1 GiB per file). */
  readonly limits?: PbfLimits;
}

interface AreaObj {
  id: string;
  refs: Float64Array;
  tags: Tags;
}
interface RelObj {
  id: string;
  members: Member[];
  tags: Tags;
}

const wanted = (t: Tags): boolean => t.building !== undefined || poiCategories(t).length > 0;

/**
 * Parse an OSM PBF extract into a walking graph, buildings and life-circle POIs. Never throws for bad
 * input: corrupt/truncated files give `OSM_CORRUPT`, no walkable ways `OSM_NO_WALKWAYS`.
 */
export function importOsm(buf: Uint8Array, opts: OsmImportOptions = {}): Result<OsmImport> {
  const t0 = performance.now();
  const nodes = new NodeStore();
  const blocked = new Set<number>();
  const entranceIds = new Set<number>();
  const walk: RawWay[] = [];
  const areas: AreaObj[] = [];
  const rels: RelObj[] = [];
  const pois: Poi[] = [];
  const wayRefs = new Map<number, Float64Array>();
  let nWays = 0;
  try {
    readPbf(
      buf,
      {
        node(id, lon, lat, tags) {
          nodes.add(id, lon, lat);
          if (tags === null) return;
          if (blocksFoot(tags)) blocked.add(id);
          const ent = tags.entrance;
          if (ent !== undefined && ent !== 'no' && ent !== 'emergency') entranceIds.add(id);
          const cats = poiCategories(tags);
          if (cats.length > 0) pois.push(poi(`n${id}`, lon, lat, tags, cats));
        },
        way(id, refs, tags) {
          nWays++;
          wayRefs.set(id, refs);
          const f = walkFlags(tags);
          if (f >= 0) walk.push({ id, refs, flags: f });
          if (wanted(tags)) areas.push({ id: `w${id}`, refs, tags });
        },
        relation(id, members, tags) {
          if (wanted(tags) && (tags.type === 'multipolygon' || tags.type === 'building'))
            rels.push({ id: `r${id}`, members, tags });
        },
        progress: opts.onProgress,
      },
      opts.limits ?? DEFAULT_PBF_LIMITS,
    );
  } catch (e) {
    if (e instanceof CircleError) return { ok: false, error: e };
    return { ok: false, error: new CircleError('OSM_CORRUPT', e instanceof Error ? e.message : String(e)) };
  }
  nodes.finish();
  if (walk.length === 0) return { ok: false, error: new CircleError('OSM_NO_WALKWAYS') };
  let graph = buildWalkGraph(walk, nodes, blocked);
  graph = pruneSmallComponents(graph, opts.minComponentM ?? 200);
  if (graph.edgeCount === 0) return { ok: false, error: new CircleError('OSM_NO_WALKWAYS', 'only tiny islands') };

  const coordsOf = (refs: Float64Array): Float64Array => {
    const out: number[] = [];
    for (const r of refs) {
      const i = nodes.indexOf(r);
      if (i >= 0) out.push(nodes.lon(i), nodes.lat(i));
    }
    return Float64Array.from(out);
  };
  /** Coordinates of the entrance nodes among `refs` (each once). */
  const entrancesOf = (refs: readonly Float64Array[]): number[] => {
    const out: number[] = [],
      seen = new Set<number>();
    for (const rs of refs)
      for (const r of rs) {
        if (!entranceIds.has(r) || seen.has(r)) continue;
        seen.add(r);
        const i = nodes.indexOf(r);
        if (i >= 0) out.push(nodes.lon(i), nodes.lat(i));
      }
    return out;
  };
  const buildings: Building[] = [];
  const addShape = (
    id: string,
    tags: Tags,
    outer: Float64Array[],
    inner: Float64Array[],
    refs: readonly Float64Array[],
  ): void => {
    const s = polygonShape(outer, inner);
    if (s === null) return;
    if (tags.building !== undefined && tags.building !== 'no') {
      const lv = Number.parseFloat(tags['building:levels'] ?? '');
      const entrances = entranceIds.size > 0 ? entrancesOf(refs) : [];
      buildings.push({
        id,
        lon: s.lon,
        lat: s.lat,
        areaM2: Math.round(s.areaM2 * 100) / 100,
        levels: Number.isFinite(lv) && lv > 0 ? lv : null,
        kind: tags.building,
        ...(entrances.length > 0 ? { entrances } : {}),
      });
    }
    const cats = poiCategories(tags);
    if (cats.length > 0) pois.push(poi(id, s.lon, s.lat, tags, cats));
  };
  for (const a of areas) addShape(a.id, a.tags, [coordsOf(a.refs)], [], [a.refs]);
  for (const r of rels) {
    const pieces = (role: (x: string) => boolean): Float64Array[] =>
      assembleRings(
        r.members
          .filter((m) => m.type === 1 && role(m.role))
          .map((m) => wayRefs.get(m.ref))
          .filter((x) => x !== undefined)
          .map(coordsOf),
      );
    const outer = pieces((x) => x !== 'inner'),
      inner = pieces((x) => x === 'inner');
    const memberRefs = r.members
      .filter((m) => m.type === 1)
      .map((m) => wayRefs.get(m.ref))
      .filter((x) => x !== undefined);
    if (outer.length > 0) addShape(r.id, r.tags, outer, inner, memberRefs);
  }
  return {
    ok: true,
    value: {
      graph,
      buildings,
      pois,
      stats: {
        nodes: nodes.size,
        ways: nWays,
        relations: rels.length,
        walkableWays: walk.length,
        blockedNodes: blocked.size,
        ms: Math.round(performance.now() - t0),
      },
    },
  };
}

function poi(id: string, lon: number, lat: number, tags: Tags, categories: string[]): Poi {
  const name = tags['name:zh'] ?? tags.name;
  return name === undefined ? { id, lon, lat, categories } : { id, lon, lat, name, categories };
}

/** Flatten POIs to one facility per category (the shape the coverage engine takes). */
export function poisToFacilities(pois: readonly Poi[]): Facility[] {
  const out: Facility[] = [];
  for (const p of pois)
    for (const c of p.categories)
      out.push({ id: p.id, lon: p.lon, lat: p.lat, category: c, ...(p.name === undefined ? {} : { name: p.name }) });
  return out;
}
