/**
 * Public face of the walking-accessibility engine (15-minute life circle). Pure: data in, data out.
 * Typical use: `createCircleEngine(graph)` once per graph, then `computeCoverage`, `walkingArea`,
 * `buildCoverSets` + `greedySites`, `prepareCategory` + `whatIfAdd`/`whatIfRemove`.
 */
export * from './types.ts';

export { DEFAULT_PROFILES, metresFor, type WalkProfile } from './profiles.ts';
export * from './categories.ts';

export { createCircleEngine, type CircleEngine } from './engine.ts';
export * from './coverage.ts';
export * from './homes.ts';
export {
  buildCoverSets,
  greedySites,
  type DemandWeights,
} from './sites.ts';
export { exactSites } from './exact.ts';
export {
  prepareCategory,
  whatIfAdd,
  whatIfRemove,
  type CoverageSummary,
} from './whatif.ts';
export { walkingArea } from './isochrone.ts';
export { componentIds } from './components.ts';
