/**
 * Public face of the walking-accessibility engine (15-minute life circle). Pure: data in, data out.
 * Typical use: `createCircleEngine(graph)` once per graph, then `computeCoverage`, `walkingArea`,
 * `buildCoverSets` + `greedySites`, `prepareCategory` + `whatIfAdd`/`whatIfRemove`.
 */
export * from './types.ts';
export { haversine, localProjection } from '../../../../shared/geo/distance.ts';
export { ShortestPaths } from './dijkstra.ts';
export { DEFAULT_PROFILES, edgeWeights, metresFor, minutesFor, profileById, type WalkProfile } from './profiles.ts';
export * from './categories.ts';
export { createSnapIndex, DEFAULT_MAX_SNAP_M, type SnapHit, type SnapIndex, type SnapTable } from './snap.ts';
export { facilityField, pointDistances, type AccessMode, type DistanceField } from './field.ts';
export { createCircleEngine, type CircleEngine, type CircleEngineOptions } from './engine.ts';
export * from './coverage.ts';
export * from './homes.ts';
export {
  buildCoverSets,
  coveredWeight,
  DEFAULT_DEMAND_WEIGHTS,
  greedySites,
  type CoverSets,
  type DemandWeights,
  type SiteChoice,
  type SiteProblem,
} from './sites.ts';
export { exactSites, loadHighs, type ExactChoice } from './exact.ts';
export {
  prepareCategory,
  summarize,
  whatIfAdd,
  whatIfRemove,
  type CategoryState,
  type CoverageSummary,
} from './whatif.ts';
export {
  walkingArea,
  type MultiLineString,
  type MultiPolygon,
  type WalkingArea,
  type WalkingAreaOptions,
} from './isochrone.ts';
export { componentIds, pruneSmallComponents } from './components.ts';
