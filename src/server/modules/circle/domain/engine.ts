import { DEFAULT_CATEGORIES, type CategoryDef } from './categories.ts';
import { ShortestPaths } from './dijkstra.ts';
import type { AccessMode } from './field.ts';
import { DEFAULT_PROFILES, edgeWeights, type WalkProfile } from './profiles.ts';
import {
  createSnapIndex,
  DEFAULT_ENTRY_TOLERANCE_M,
  DEFAULT_MAX_SNAP_M,
  type SnapIndex,
  type SnapTable,
} from './snap.ts';
import type { SnapColumns } from './snapColumns.ts';
import type { GeoPoint, WalkGraph } from './types.ts';

/** Engine options; every number has a documented default and can come from city config. */
export interface CircleEngineOptions {
  readonly profiles?: readonly WalkProfile[];
  readonly categories?: readonly CategoryDef[];
  /** Points farther than this from a usable path are reported as far (metres, default 500). */
  readonly maxSnapM?: number;
  /**
   * A point also enters through every edge at most this many metres farther than its nearest one
   * (default 25; 0 = nearest edge only).
   */
  readonly entryToleranceM?: number;
  /** Add the straight-line gap point→path to walking distances (default 'add'). */
  readonly access?: AccessMode;
}

/**
 * A walking graph plus everything derived from it that is worth keeping between requests: the
 * segment index, per-profile edge weights and one reusable Dijkstra workspace per profile.
 * Build once per graph (≈0.1 s for a large city) and share; it holds no per-request state.
 */
export interface CircleEngine {
  readonly graph: WalkGraph;
  readonly snapIndex: SnapIndex;
  readonly profiles: readonly WalkProfile[];
  readonly categories: readonly CategoryDef[];
  readonly maxSnapM: number;
  readonly entryToleranceM: number;
  readonly access: AccessMode;
  /** Edge weights (effective metres, Infinity = forbidden) of a profile. */
  weights(profileId: string): Float64Array;
  /** A Dijkstra workspace for a profile (reused; not re-entrant — one caller at a time). */
  workspace(profileId: string): ShortestPaths;
  /** Snap points for a profile with every entry within the tolerance (edges the profile may not use are skipped). */
  snap(points: readonly GeoPoint[], profileId: string): SnapTable;
  profile(profileId: string): WalkProfile;
  category(categoryId: string): CategoryDef;
}

/**
 * Create an engine over `graph`. Pure and deterministic; lazily caches weights/workspaces. `snap`: the
 * segment index's columns when they were built elsewhere (a worker), else they are built on first use.
 */
export function createCircleEngine(graph: WalkGraph, opts: CircleEngineOptions = {}, snap?: SnapColumns): CircleEngine {
  const profiles = opts.profiles ?? DEFAULT_PROFILES;
  const categories = opts.categories ?? DEFAULT_CATEGORIES;
  const maxSnapM = opts.maxSnapM ?? DEFAULT_MAX_SNAP_M;
  const entryToleranceM = opts.entryToleranceM ?? DEFAULT_ENTRY_TOLERANCE_M;
  // Built on first use: a server that hands coverage to its worker pool never needs it on the main thread.
  let snapIndex: SnapIndex | null = null;
  const index = (): SnapIndex => (snapIndex ??= createSnapIndex(graph, snap));
  const weightCache = new Map<string, Float64Array>();
  const wsCache = new Map<string, ShortestPaths>();
  const profile = (id: string): WalkProfile => {
    const p = profiles.find((x) => x.id === id);
    if (p === undefined) throw new Error(`unknown walking profile '${id}'`);
    return p;
  };
  const weights = (id: string): Float64Array => {
    let w = weightCache.get(id);
    if (w === undefined) {
      w = edgeWeights(graph, profile(id));
      weightCache.set(id, w);
    }
    return w;
  };
  /** Profiles that forbid no edge share one snap (the common case): snapping ignores weights then. */
  const restricts = (id: string): boolean => {
    const p = profile(id);
    return p.stepsFactor === Infinity || p.avoidNoWheelchair;
  };
  return {
    graph,
    get snapIndex() {
      return index();
    },
    profiles,
    categories,
    maxSnapM,
    entryToleranceM,
    access: opts.access ?? 'add',
    weights,
    workspace(id) {
      let ws = wsCache.get(id);
      if (ws === undefined) {
        ws = new ShortestPaths(graph, weights(id));
        wsCache.set(id, ws);
      }
      return ws;
    },
    snap(points, id) {
      return index().snapAll(points, maxSnapM, restricts(id) ? weights(id) : undefined, entryToleranceM);
    },
    profile,
    category(id) {
      const c = categories.find((x) => x.id === id);
      if (c === undefined) throw new Error(`unknown facility category '${id}'`);
      return c;
    },
  };
}

/** True when two profiles snap identically (neither forbids edges), so snap tables can be shared. */
export function sharesSnap(a: WalkProfile): boolean {
  return a.stepsFactor !== Infinity && !a.avoidNoWheelchair;
}
