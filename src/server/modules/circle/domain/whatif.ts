import { DEFAULT_THRESHOLDS, thresholdKey, thresholdMetres, type Threshold } from './categories.ts';
import type { Demand } from './coverage.ts';
import type { CircleEngine } from './engine.ts';
import { facilityField, pointDistances, type DistanceField } from './field.ts';
import { groupByEdge, pointsWithin, seedEntries, type PointsByEdge } from './reach.ts';
import { forEachEntry, type SnapTable } from './snap.ts';
import type { Facility, Home } from './types.ts';

/**
 * Everything needed to answer "what if we add / remove a facility of this category" quickly: the
 * current field, each home's distance and the homes grouped by edge. Immutable: what-if calls return
 * a new state and leave this one as it was.
 */
export interface CategoryState {
  readonly category: string;
  readonly profileId: string;
  readonly homes: readonly Home[];
  readonly facilities: readonly Facility[];
  readonly field: DistanceField;
  /** Per-home distance (effective metres) and nearest facility index. */
  readonly metres: Float64Array;
  readonly label: Int32Array;
  readonly homeSnaps: SnapTable;
  readonly byEdge: PointsByEdge;
}

/** Coverage of a state per threshold key (e.g. `min5`, `gb`). */
export type CoverageSummary = Record<string, Demand>;

/** Compute a category's state from scratch (full multi-source Dijkstra). */
export function prepareCategory(
  engine: CircleEngine,
  category: string,
  homes: readonly Home[],
  facilities: readonly Facility[],
  profileId = 'standard',
  homeSnaps?: SnapTable,
): CategoryState {
  const g = engine.graph,
    w = engine.weights(profileId);
  const hs = homeSnaps ?? engine.snap(homes, profileId);
  const facs = facilities.filter((f) => f.category === category);
  const field = facilityField(g, w, engine.snap(facs, profileId), engine.access, Infinity, engine.workspace(profileId));
  const metres = new Float64Array(homes.length),
    label = new Int32Array(homes.length);
  pointDistances(g, w, field, hs, engine.access, metres, label);
  return {
    category,
    profileId,
    homes,
    facilities: facs,
    field,
    metres,
    label,
    homeSnaps: hs,
    byEdge: groupByEdge(g, w, hs, engine.access === 'add'),
  };
}

/** Sum demand of homes within each threshold. */
export function summarize(
  engine: CircleEngine,
  s: CategoryState,
  thresholds: readonly Threshold[] = DEFAULT_THRESHOLDS,
): CoverageSummary {
  const cat = engine.category(s.category),
    speed = engine.profile(s.profileId).speedMps;
  const out: CoverageSummary = {};
  for (const t of thresholds) {
    const lim = thresholdMetres(t, cat, speed),
      d: Demand = { households: 0, people: 0, elderly: 0, children: 0 };
    for (let i = 0; i < s.homes.length; i++) {
      if (!(s.metres[i]! <= lim)) continue;
      const h = s.homes[i]!;
      d.households += h.households;
      d.people += h.people;
      d.elderly += h.elderly;
      d.children += h.children;
    }
    out[thresholdKey(t)] = d;
  }
  return out;
}

/**
 * Add one facility: a single-source search from it that only enters vertices it reaches strictly
 * sooner than the existing field (everything else cannot change), then a min with the homes'
 * distances on the edges it touched. Cost ∝ the area the new facility actually improves.
 */
export function whatIfAdd(engine: CircleEngine, s: CategoryState, f: Facility): CategoryState {
  const g = engine.graph,
    w = engine.weights(s.profileId),
    sp = engine.workspace(s.profileId);
  // The same entries a full recompute would give the facility (engine.snap), so the two agree exactly.
  const snapped = engine.snap([f], s.profileId);
  const facilities = [...s.facilities, { ...f, category: s.category }];
  if (snapped.edge[0]! < 0) return { ...s, facilities };
  const hits: { edge: number; offset: number; access: number }[] = [];
  forEachEntry(snapped, 0, (edge, offset, access) => hits.push({ edge, offset, access }));
  const j = facilities.length - 1,
    bound = s.field.nodeDist;
  sp.reset();
  const src = seedEntries(g, w, sp, hits, engine.access === 'add', j, bound);
  sp.run(Infinity, bound);
  const metres = s.metres.slice(),
    label = s.label.slice();
  pointsWithin(g, w, sp, s.byEdge, Infinity, src, null, 0, (i, d) => {
    if (d < metres[i]!) {
      metres[i] = d;
      label[i] = j;
    }
  });
  const nodeDist = s.field.nodeDist.slice(),
    nodeLabel = s.field.nodeLabel.slice();
  for (const n of sp.reached()) {
    nodeDist[n] = sp.dist[n]!;
    nodeLabel[n] = j;
  }
  sp.reset();
  const onEdge = new Map(s.field.onEdge);
  for (const q of src)
    onEdge.set(q.edge, [...(onEdge.get(q.edge) ?? []), { offset: q.offset, access: q.access, label: j }]);
  return { ...s, facilities, field: { nodeDist, nodeLabel, onEdge }, metres, label };
}

/** Remove a facility by id: the category's field is recomputed (removal is not local in general). */
export function whatIfRemove(engine: CircleEngine, s: CategoryState, facilityId: string): CategoryState {
  const rest = s.facilities.filter((f) => f.id !== facilityId);
  return prepareCategory(engine, s.category, s.homes, rest, s.profileId, s.homeSnaps);
}
