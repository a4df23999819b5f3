/**
 * Walking graph from GeoJSON LineStrings that share vertices where they meet (the registry's `roads`
 * table): vertices are keyed by coordinates rounded to 1e-7° (≈1 cm), then split into a topology graph by
 * the same builder the OSM import uses, so steps, junctions and islands are treated identically.
 */
import type { LineString } from 'geojson';
import { pruneSmallComponents } from '../domain/components.ts';
import type { WalkGraph } from '../domain/types.ts';
import { buildWalkGraph, type RawWay } from '../osm/graph-build.ts';
import { NodeStore } from '../osm/nodes.ts';
import { walkFlags } from '../osm/tags.ts';

/** One way: its `highway` value (OSM vocabulary) and line. */
export interface RoadLine {
  readonly highway: string;
  readonly line: LineString;
}

/** Result: the graph and how many input lines were skipped (not walkable or malformed). */
export interface RoadsGraph {
  readonly graph: WalkGraph;
  readonly skipped: number;
}

/**
 * Build the walking graph. Ways a pedestrian may not use (e.g. motorway) are skipped, `steps` are
 * flagged for the elderly/wheelchair profiles, islands shorter than `minComponentM` are dropped.
 * Deterministic for the same input order.
 */
export function graphFromRoads(roads: readonly RoadLine[], minComponentM = 0): RoadsGraph {
  const ids = new Map<string, number>();
  const nodes = new NodeStore();
  const ways: RawWay[] = [];
  let skipped = 0;
  roads.forEach((r, k) => {
    const flags = walkFlags({ highway: r.highway });
    const cs = r.line?.type === 'LineString' ? r.line.coordinates : [];
    if (flags < 0 || cs.length < 2) {
      skipped++;
      return;
    }
    const refs = new Float64Array(cs.length);
    cs.forEach((p, i) => {
      const lon = p[0]!,
        lat = p[1]!;
      const key = `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(key, id);
        nodes.add(id, lon, lat);
      }
      refs[i] = id;
    });
    ways.push({ id: k + 1, refs, flags });
  });
  nodes.finish();
  const graph = pruneSmallComponents(buildWalkGraph(ways, nodes, new Set()), minComponentM);
  return { graph, skipped };
}
