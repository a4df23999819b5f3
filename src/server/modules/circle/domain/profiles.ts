import { EDGE_NO_WHEELCHAIR, EDGE_STEPS, type WalkGraph } from './types.ts';

/**
 * A walking profile: how fast, and how steps are treated. Distances are stored in (profile-effective)
 * metres; minutes are derived as metres / speed / 60. For the elderly profile a staircase of 10 m
 * counts as `10 × stepsFactor` metres, i.e. it costs that much more time *and* distance budget.
 */
export interface WalkProfile {
  readonly id: string;
  /** Walking speed in metres per second. */
  readonly speedMps: number;
  /** Multiplier on the length of steps edges; `Infinity` excludes steps entirely. */
  readonly stepsFactor: number;
  /** Exclude edges tagged wheelchair=no. */
  readonly avoidNoWheelchair: boolean;
}

/**
 * Default profiles (docs/domain.md §4): standard 1.2 m/s; elderly 0.9 m/s with steps counted double;
 * wheelchair 1.0 m/s with steps and wheelchair=no ways excluded. Override per city in config.
 */
export const DEFAULT_PROFILES: readonly WalkProfile[] = [
  { id: 'standard', speedMps: 1.2, stepsFactor: 1, avoidNoWheelchair: false },
  { id: 'elderly', speedMps: 0.9, stepsFactor: 2, avoidNoWheelchair: false },
  { id: 'wheelchair', speedMps: 1.0, stepsFactor: Infinity, avoidNoWheelchair: true },
];

/**
 * Per-edge weights (effective metres) of a profile. `Infinity` marks an edge the profile may not use;
 * the Dijkstra never relaxes it and snapping skips it.
 */
export function edgeWeights(graph: WalkGraph, profile: WalkProfile): Float64Array {
  const w = new Float64Array(graph.edgeCount);
  const len = graph.edgeLen,
    flags = graph.edgeFlags;
  for (let e = 0; e < graph.edgeCount; e++) {
    const f = flags[e]!;
    let x = len[e]!;
    if ((f & EDGE_STEPS) !== 0) x = profile.stepsFactor === Infinity ? Infinity : x * profile.stepsFactor;
    if (profile.avoidNoWheelchair && (f & EDGE_NO_WHEELCHAIR) !== 0) x = Infinity;
    w[e] = x;
  }
  return w;
}

/** Effective metres reachable in `minutes` with `profile`. */
export function metresFor(minutes: number, profile: WalkProfile): number {
  return minutes * 60 * profile.speedMps;
}
