/**
 * Interactive analyses: the walking area from a point / facility / building, the k best new sites with
 * greedy's gap to the exact optimum, and what-if add/remove of one facility.
 */
import { AppError } from '../../platform/errors.ts';
import { toWgs84, type Crs } from '../../../shared/geo/crs.ts';
import {
  greedySites,
  metresFor,
  walkingArea,
  type CoverageSummary,
  type Facility,
  type DemandWeights,
  type Threshold,
} from './domain/index.ts';
import type { CandidateKind } from './network/scene.ts';
import { categoryOf, profileOf, scene, thresholds, type CircleRuntime, type Ctx } from './service.ts';

/** Where a walking area starts. */
export type AreaFrom = { lon: number; lat: number; crs: Crs } | { facility: string } | { building: string };

/** Walking area (reached edges clipped at the budget + outline polygon) within `minutes` for a profile. */
export async function area(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  network: string,
  from: AreaFrom,
  minutes: number,
  profile: string,
) {
  profileOf(rt, profile);
  const sc = await scene(rt, ctx, code, network);
  let lon: number,
    lat: number,
    label: string | null = null;
  if ('facility' in from) {
    const f = sc.facilities.find((x) => x.id === from.facility);
    if (!f) throw new AppError('CIRCLE_UNKNOWN_FACILITY', { params: { id: from.facility } });
    ({ lon, lat } = f);
    label = f.name;
  } else if ('building' in from) {
    const h = sc.homes.find((x) => x.id === from.building);
    if (!h) throw new AppError('NOT_FOUND');
    ({ lon, lat } = h);
    label = h.name;
  } else [lon, lat] = toWgs84(from.lon, from.lat, from.crs);
  const t0 = performance.now();
  const a = walkingArea(sc.engine, lon, lat, { profileId: profile, minutes });
  if (a.far) throw new AppError('CIRCLE_POINT_FAR', { params: { metres: rt.settings.maxSnapM } });
  return {
    network: sc.network,
    start: [lon, lat] as [number, number],
    label,
    profile,
    minutes,
    limitM: Math.round(a.limitM),
    reachedEdges: a.reachedEdges,
    lines: a.lines,
    polygon: a.polygon,
    ms: Math.round((performance.now() - t0) * 10) / 10,
  };
}

/** Input of a site search. */
export interface SitesInput {
  category: string;
  k: number;
  candidates: CandidateKind;
  profile: string;
  threshold: Threshold;
  weights: DemandWeights;
  exact: boolean;
}

/** The k sites that cover the most uncovered demand (lazy greedy), with the exact optimum on small instances. */
export async function sites(rt: CircleRuntime, ctx: Ctx, code: string, network: string, inp: SitesInput) {
  const cat = categoryOf(rt, inp.category);
  profileOf(rt, inp.profile);
  const sc = await scene(rt, ctx, code, network);
  const cands = await sc.candidates(inp.candidates);
  const existing = sc.facilities.filter((f) => f.category === cat.id);
  const t0 = performance.now();
  // One bounded search per candidate: in a worker (thousands of candidates take seconds).
  const sets = await rt.pool.coverSets(sc, {
    category: cat.id,
    homes: sc.homes,
    candidates: cands,
    existing,
    profileId: inp.profile,
    threshold: inp.threshold,
    weights: inp.weights,
  });
  const greedy = greedySites(sets, inp.k);
  const greedyMs = performance.now() - t0;
  const covered = new Uint8Array(sc.homes.length);
  const picks = greedy.chosen.map((c, rank) => {
    const gain = { households: 0, people: 0, elderly: 0, children: 0, homes: 0 };
    for (let q = sets.start[c]!; q < sets.start[c + 1]!; q++) {
      const i = sets.home[q]!;
      if (covered[i] === 1 || sets.weight[i]! <= 0) continue;
      covered[i] = 1;
      const h = sc.homes[i]!;
      gain.households += h.households;
      gain.people += h.people;
      gain.elderly += h.elderly;
      gain.children += h.children;
      gain.homes++;
    }
    const s = cands[c]!;
    return {
      rank: rank + 1,
      id: s.id,
      name: s.name,
      kind: s.kind,
      lon: s.lon,
      lat: s.lat,
      weight: round(greedy.gains[rank]!),
      gain: roundAll(gain),
    };
  });
  let exact: { covered: number; optimal: boolean; ms: number; picks: string[]; gapPct: number } | null = null;
  if (inp.exact && cands.length * sc.homes.length <= rt.settings.exactMaxCells && greedy.chosen.length > 0) {
    const t1 = performance.now();
    // HiGHS may run up to exactTimeLimitS: in a worker, so other requests are not kept waiting.
    const ex = await rt.pool.exact(sets, inp.k, rt.settings.exactTimeLimitS);
    const best = Math.max(ex.covered, greedy.covered);
    exact = {
      covered: round(best),
      optimal: ex.optimal,
      ms: Math.round(performance.now() - t1),
      picks: ex.chosen.map((c) => cands[c]!.id),
      gapPct: best > 0 ? round((100 * (best - greedy.covered)) / best) : 0,
    };
  }
  return {
    network: sc.network,
    category: cat.id,
    profile: inp.profile,
    k: inp.k,
    candidateKind: inp.candidates,
    candidates: cands.length,
    farCandidates: sets.farCandidates.map((c) => ({ id: cands[c]!.id, name: cands[c]!.name })),
    weights: inp.weights,
    uncovered: round(sets.uncovered),
    greedy: { covered: round(greedy.covered), ms: Math.round(greedyMs) },
    exact,
    picks,
  };
}

/** What-if: add a facility at a point or remove one by id; coverage before and after per threshold. */
export async function whatIf(
  rt: CircleRuntime,
  ctx: Ctx,
  code: string,
  network: string,
  inp: {
    category: string;
    profile: string;
    add?: { lon: number; lat: number; crs: Crs; name?: string | undefined } | undefined;
    remove?: string | undefined;
  },
) {
  const cat = categoryOf(rt, inp.category);
  profileOf(rt, inp.profile);
  if (!inp.add === !inp.remove)
    throw new AppError('VALIDATION_FAILED', { params: { detail: 'exactly one of add / remove' } });
  const sc = await scene(rt, ctx, code, network);
  let add: Facility | null = null;
  if (inp.add) {
    const [lon, lat] = toWgs84(inp.add.lon, inp.add.lat, inp.add.crs);
    add = { id: 'what-if', lon, lat, category: cat.id, name: inp.add.name ?? '' };
  } else if (!sc.facilities.some((f) => f.category === cat.id && f.id === inp.remove))
    throw new AppError('CIRCLE_UNKNOWN_FACILITY', { params: { id: inp.remove! } });
  // A full multi-source search per call: in a worker, like coverage.
  const w = await rt.pool.whatIf(sc, {
    homes: sc.homes,
    facilities: sc.facilities,
    category: cat.id,
    profile: inp.profile,
    thresholds: thresholds(rt),
    add,
    remove: inp.remove ?? null,
  });
  if (w.far) throw new AppError('CIRCLE_POINT_FAR', { params: { metres: rt.settings.maxSnapM } });
  const { before, after } = w;
  const prepMs = w.prepareMs,
    whatIfMs = w.whatIfMs;
  const total = sc.homes.reduce(
    (a, h) => ({
      households: a.households + h.households,
      people: a.people + h.people,
      elderly: a.elderly + h.elderly,
      children: a.children + h.children,
    }),
    { households: 0, people: 0, elderly: 0, children: 0 },
  );
  return {
    network: sc.network,
    category: cat.id,
    profile: inp.profile,
    totals: roundAll(total),
    gbMetres: cat.maxDistanceM,
    before: shares(before, total),
    after: shares(after, total),
    ms: { prepare: Math.round(prepMs * 10) / 10, whatIf: Math.round(whatIfMs * 10) / 10 },
    walkMetres: { min5: Math.round(metresFor(5, sc.engine.profile(inp.profile))) },
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;
function roundAll<T extends Record<string, number>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)])) as T;
}
type DemandCounts = { households: number; people: number; elderly: number; children: number };
function shares(s: CoverageSummary, total: DemandCounts) {
  const out: Record<string, { covered: DemandCounts; share: DemandCounts }> = {};
  const share = (d: DemandCounts, m: keyof DemandCounts) =>
    total[m] > 0 ? Math.round((d[m] / total[m]) * 1000) / 1000 : 0;
  for (const [k, d] of Object.entries(s)) {
    out[k] = {
      covered: roundAll({ ...d }),
      share: {
        households: share(d, 'households'),
        people: share(d, 'people'),
        elderly: share(d, 'elderly'),
        children: share(d, 'children'),
      },
    };
  }
  return out;
}
