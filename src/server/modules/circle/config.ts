/**
 * Tunables of the circle module with their defaults; a deployment overrides any of them through
 * `AppDeps.circleOptions` (categories are patched/extended/removed by id, never replaced wholesale).
 */
import {
  DEFAULT_CATEGORY_ALIASES,
  DEFAULT_HOUSEHOLD_ASSUMPTIONS,
  DEFAULT_PROFILES,
  resolveCategories,
  type CategoryDef,
  type HouseholdAssumptions,
  type WalkProfile,
} from './domain/index.ts';

/** Options of the circle module. */
export interface CircleOptions {
  /** Category patches / additions by id (see `resolveCategories`). */
  categoryOverrides: (Partial<CategoryDef> & { id: string })[];
  /** Category ids to drop. */
  removeCategories: string[];
  /** Extra spellings → category id for imports. */
  aliases: Record<string, string>;
  profiles: readonly WalkProfile[];
  /** Minute thresholds reported beside the GB distance. */
  minutes: number[];
  /** Share of households a required category must reach within its GB distance (GB gap list). */
  targetShare: number;
  /** Points farther than this from a path are reported as far (metres). */
  maxSnapM: number;
  /**
   * A home or facility also enters the walking network through every edge at most this many metres farther
   * than its nearest one (ADR 0003; 0 = nearest edge only).
   */
  entryToleranceM: number;
  /** Footprint → households estimate for buildings without registry rows. */
  assumptions: HouseholdAssumptions;
  /** Exact MILP only when candidates × homes is at most this (greedy's gap is then reported). */
  exactMaxCells: number;
  /** HiGHS time limit (seconds). */
  exactTimeLimitS: number;
  /** Largest OSM PBF upload (bytes). */
  maxPbfBytes: number;
  /** Most bytes an OSM PBF may inflate to in total (each blob is also capped at the format's 32 MiB). */
  maxOsmInflatedBytes: number;
}

/** Defaults (docs/domain.md §4, GB 50180-2018). */
function defaultCircleOptions(): CircleOptions {
  return {
    categoryOverrides: [],
    removeCategories: [],
    aliases: {},
    profiles: DEFAULT_PROFILES,
    minutes: [5, 10, 15],
    targetShare: 0.85,
    maxSnapM: 500,
    entryToleranceM: 25,
    assumptions: DEFAULT_HOUSEHOLD_ASSUMPTIONS,
    exactMaxCells: 5_000_000,
    exactTimeLimitS: 10,
    maxPbfBytes: 64 * 1024 * 1024,
    maxOsmInflatedBytes: 1024 * 1024 * 1024,
  };
}

/** Resolved settings derived from options. */
export interface CircleSettings extends CircleOptions {
  categories: CategoryDef[];
  allAliases: Record<string, string>;
}

/** Merge options with defaults and resolve the category table. */
export function resolveCircleSettings(o: Partial<CircleOptions> = {}): CircleSettings {
  const opts = { ...defaultCircleOptions(), ...o };
  return {
    ...opts,
    categories: resolveCategories(opts.categoryOverrides, opts.removeCategories),
    allAliases: { ...DEFAULT_CATEGORY_ALIASES, ...opts.aliases },
  };
}
