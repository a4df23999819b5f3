import { thresholdMetres, type Threshold } from './categories.ts';
import type { CircleEngine } from './engine.ts';
import { facilityField, pointDistances } from './field.ts';
import { MinHeap } from './heap.ts';
import { groupByEdge, pointsWithin, seedEntries } from './reach.ts';
import { forEachEntry, type SnapTable } from './snap.ts';
import type { Facility, GeoPoint, Home } from './types.ts';

/**
 * Demand weight of a home: `base` count plus extra weight per elderly person and per child.
 * `base: 'none'` with `elderly: 1` ranks by uncovered elderly residents only.
 */
export interface DemandWeights {
  readonly base: 'households' | 'people' | 'none';
  readonly elderly: number;
  readonly children: number;
}

/** Default: households, no extra weight. */
const DEFAULT_DEMAND_WEIGHTS: DemandWeights = { base: 'households', elderly: 0, children: 0 };

/** Input of a site-selection problem for one category. */
export interface SiteProblem {
  readonly category: string;
  readonly homes: readonly Home[];
  readonly candidates: readonly GeoPoint[];
  /** Existing facilities of the category: homes they already cover carry no demand. */
  readonly existing: readonly Facility[];
  readonly profileId?: string;
  /** Reach threshold (default: the category's GB distance). */
  readonly threshold?: Threshold;
  readonly weights?: DemandWeights;
  /** Home snap table for this profile, if already computed. */
  readonly homeSnaps?: SnapTable;
}

/**
 * Which (uncovered) homes each candidate would cover, CSR style: homes of candidate c are
 * `home[start[c] … start[c+1])`, ascending. `weight[i]` is home i's demand (0 when already covered).
 */
export interface CoverSets {
  readonly start: Int32Array;
  readonly home: Int32Array;
  readonly weight: Float64Array;
  /** Total weight of homes not yet covered by existing facilities. */
  readonly uncovered: number;
  /** Candidate indexes farther than the snap limit from any path (they cover nothing). */
  readonly farCandidates: number[];
}

/**
 * Build the cover sets: one bounded Dijkstra per candidate (cutoff = threshold) over a reusable
 * workspace, collecting the homes within reach via the per-edge home lists.
 */
export function buildCoverSets(engine: CircleEngine, p: SiteProblem): CoverSets {
  const pid = p.profileId ?? 'standard',
    g = engine.graph,
    w = engine.weights(pid);
  const limit = thresholdMetres(
    p.threshold ?? { kind: 'gb' },
    engine.category(p.category),
    engine.profile(pid).speedMps,
  );
  const dw = p.weights ?? DEFAULT_DEMAND_WEIGHTS,
    n = p.homes.length;
  const hs = p.homeSnaps ?? engine.snap(p.homes, pid);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = p.homes[i]!;
    weight[i] =
      (dw.base === 'people' ? h.people : dw.base === 'none' ? 0 : h.households) +
      dw.elderly * h.elderly +
      dw.children * h.children;
  }
  const sp = engine.workspace(pid);
  if (p.existing.length > 0) {
    const field = facilityField(g, w, engine.snap(p.existing, pid), engine.access, limit, sp);
    const d = new Float64Array(n),
      lab = new Int32Array(n);
    pointDistances(g, w, field, hs, engine.access, d, lab);
    for (let i = 0; i < n; i++) if (d[i]! <= limit) weight[i] = 0;
  }
  let uncovered = 0;
  for (let i = 0; i < n; i++)
    if (hs.edge[i]! >= 0) uncovered += weight[i]!;
    else weight[i] = 0;
  const byEdge = groupByEdge(g, w, hs, engine.access === 'add');
  const cs = engine.snap(p.candidates, pid);
  const stamp = new Int32Array(n).fill(-1);
  const start = new Int32Array(p.candidates.length + 1);
  let out = new Int32Array(1024),
    len = 0;
  const buf: number[] = [];
  for (let c = 0; c < p.candidates.length; c++) {
    buf.length = 0;
    if (cs.edge[c]! >= 0) {
      sp.reset();
      const hits: { edge: number; offset: number; access: number }[] = [];
      forEachEntry(cs, c, (edge, offset, access) => hits.push({ edge, offset, access }));
      const src = seedEntries(g, w, sp, hits, engine.access === 'add', c);
      sp.run(limit);
      pointsWithin(g, w, sp, byEdge, limit, src, stamp, c, (i) => {
        if (weight[i]! > 0) buf.push(i);
      });
      buf.sort((x, y) => x - y);
    }
    if (len + buf.length > out.length) {
      const b = new Int32Array(Math.max(out.length * 2, len + buf.length));
      b.set(out);
      out = b;
    }
    out.set(buf, len);
    len += buf.length;
    start[c + 1] = len;
  }
  sp.reset();
  return { start, home: out.slice(0, len), weight, uncovered, farCandidates: cs.far };
}

/** Result of choosing sites: chosen candidate indexes in pick order and the weight each added. */
export interface SiteChoice {
  readonly chosen: number[];
  readonly gains: number[];
  readonly covered: number;
}

/**
 * Lazy greedy maximal covering (CELF): pick k candidates, each time the one adding the most uncovered
 * weight. Gains only shrink as homes get covered (submodularity), so a stale gain is an upper bound
 * and most candidates are never re-evaluated. Ties go to the lower candidate index. (1 − 1/e) bound.
 */
export function greedySites(sets: CoverSets, k: number): SiteChoice {
  const nc = sets.start.length - 1,
    covered = new Uint8Array(sets.weight.length);
  const gainOf = (c: number): number => {
    let s = 0;
    for (let q = sets.start[c]!; q < sets.start[c + 1]!; q++) {
      const i = sets.home[q]!;
      if (covered[i] === 0) s += sets.weight[i]!;
    }
    return s;
  };
  const heap = new MinHeap(nc + 1),
    round = new Int32Array(nc);
  for (let c = 0; c < nc; c++) {
    const g = gainOf(c);
    if (g > 0) heap.push(c, -g);
  }
  const chosen: number[] = [],
    gains: number[] = [];
  let total = 0;
  while (chosen.length < k && heap.length > 0) {
    const c = heap.pop();
    if (round[c] !== chosen.length) {
      round[c] = chosen.length;
      const g = gainOf(c);
      if (g > 0) heap.push(c, -g);
      continue;
    }
    const g = gainOf(c);
    chosen.push(c);
    gains.push(g);
    total += g;
    for (let q = sets.start[c]!; q < sets.start[c + 1]!; q++) covered[sets.home[q]!] = 1;
  }
  return { chosen, gains, covered: total };
}

/** Total weight covered by a set of candidates (for checking and comparing solutions). */
export function coveredWeight(sets: CoverSets, chosen: readonly number[]): number {
  const seen = new Uint8Array(sets.weight.length);
  let s = 0;
  for (const c of chosen)
    for (let q = sets.start[c]!; q < sets.start[c + 1]!; q++) {
      const i = sets.home[q]!;
      if (seen[i] === 0) {
        seen[i] = 1;
        s += sets.weight[i]!;
      }
    }
  return s;
}
