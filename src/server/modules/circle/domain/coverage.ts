import { DEFAULT_THRESHOLDS, thresholdKey, thresholdMetres, type CategoryDef, type Threshold } from './categories.ts';
import { sharesSnap, type CircleEngine } from './engine.ts';
import { facilityField, pointDistances } from './field.ts';
import type { SnapTable } from './snap.ts';
import type { Facility, Home } from './types.ts';

/** Demand measures summed over homes. */
export interface Demand {
  households: number;
  people: number;
  elderly: number;
  children: number;
}

/** Coverage of one category × profile × threshold. `share` is covered / total (0 when total is 0). */
interface CoverageRow {
  readonly category: string;
  readonly profile: string;
  readonly threshold: string;
  /** Threshold in effective metres for this profile/category. */
  readonly thresholdM: number;
  readonly covered: Demand;
  readonly share: Demand;
  readonly homesCovered: number;
}

/** Nearest facility per home (index = home index): effective metres (Infinity = none reachable). */
interface NearestColumn {
  readonly metres: Float64Array;
  readonly facility: Int32Array;
}

/** A GB 50180 required category the area lacks (none at all, or household share within GB distance below target). */
interface CategoryGap {
  readonly category: string;
  readonly level: CategoryDef['level'];
  readonly facilities: number;
  /** Household share within the GB distance for the first profile. */
  readonly householdShare: number;
  readonly status: 'absent' | 'partial';
}

/** Inputs of a coverage analysis. Facilities of categories not in the engine's list are ignored. */
export interface CoverageInput {
  readonly homes: readonly Home[];
  readonly facilities: readonly Facility[];
  /** Profiles to evaluate (default: standard and elderly). */
  readonly profileIds?: readonly string[];
  /** Category ids to evaluate (default: all engine categories). */
  readonly categoryIds?: readonly string[];
  readonly thresholds?: readonly Threshold[];
  /** Share of households a required category must reach within its GB distance (default 0.85). */
  readonly targetShare?: number;
  /** Reuse home snap tables from a previous call with the same homes (the report's `homeSnaps`). */
  readonly homeSnaps?: ReadonlyMap<string, SnapTable>;
}

/** Full result; per-home columns are typed arrays to keep 100k homes × 20 categories cheap. */
export interface CoverageReport {
  readonly profiles: readonly string[];
  readonly categories: readonly string[];
  readonly thresholds: readonly Threshold[];
  readonly totals: Demand;
  readonly rows: CoverageRow[];
  /** `nearest.get(category)!.get(profile)!` → per-home column. */
  readonly nearest: Map<string, Map<string, NearestColumn>>;
  readonly facilityCount: Record<string, number>;
  readonly gaps: CategoryGap[];
  /** Home ids / facility ids more than `maxSnapM` from any path (not counted as covered). */
  readonly farHomes: string[];
  readonly farFacilities: string[];
  /** Home snap tables ('*' for profiles that forbid no edge, else per profile id); pass back as `homeSnaps`. */
  readonly homeSnaps: Map<string, SnapTable>;
}

const zero = (): Demand => ({ households: 0, people: 0, elderly: 0, children: 0 });

/**
 * Coverage of homes by facilities for every category × profile × threshold, plus each home's nearest
 * facility per category, plus the GB 50180 gaps. Deterministic: rows are ordered category, profile,
 * threshold as given.
 */
export function computeCoverage(engine: CircleEngine, input: CoverageInput): CoverageReport {
  const profiles = input.profileIds ?? ['standard', 'elderly'];
  const cats = (input.categoryIds ?? engine.categories.map((c) => c.id)).map((id) => engine.category(id));
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const homes = input.homes,
    n = homes.length;
  const totals = zero();
  for (const h of homes) {
    totals.households += h.households;
    totals.people += h.people;
    totals.elderly += h.elderly;
    totals.children += h.children;
  }

  const homeSnaps = new Map<string, SnapTable>(input.homeSnaps ?? []);
  const snapKey = (pid: string): string => (sharesSnap(engine.profile(pid)) ? '*' : pid);
  const snapFor = (
    pid: string,
    pts: readonly Home[] | readonly Facility[],
    cache: Map<string, SnapTable>,
  ): SnapTable => {
    let t = cache.get(snapKey(pid));
    if (t === undefined) {
      t = engine.snap(pts, pid);
      cache.set(snapKey(pid), t);
    }
    return t;
  };
  const byCat = new Map<string, Facility[]>();
  for (const f of input.facilities) (byCat.get(f.category) ?? byCat.set(f.category, []).get(f.category)!).push(f);

  const rows: CoverageRow[] = [];
  const nearest = new Map<string, Map<string, NearestColumn>>();
  const facilityCount: Record<string, number> = {};
  const farFac = new Set<string>();
  for (const cat of cats) {
    const facs = byCat.get(cat.id) ?? [];
    facilityCount[cat.id] = facs.length;
    const perProfile = new Map<string, NearestColumn>();
    nearest.set(cat.id, perProfile);
    const facSnaps = new Map<string, SnapTable>();
    for (const pid of profiles) {
      const prof = engine.profile(pid),
        w = engine.weights(pid);
      const hs = snapFor(pid, homes, homeSnaps),
        fs = snapFor(pid, facs, facSnaps);
      for (const j of fs.far) farFac.add(facs[j]!.id);
      const metres = new Float64Array(n),
        facility = new Int32Array(n);
      if (facs.length > 0) {
        const field = facilityField(engine.graph, w, fs, engine.access, Infinity, engine.workspace(pid));
        pointDistances(engine.graph, w, field, hs, engine.access, metres, facility);
      } else {
        metres.fill(Infinity);
        facility.fill(-1);
      }
      perProfile.set(pid, { metres, facility });
      for (const t of thresholds) {
        const tm = thresholdMetres(t, cat, prof.speedMps);
        const covered = zero();
        let homesCovered = 0;
        for (let i = 0; i < n; i++) {
          if (!(metres[i]! <= tm)) continue;
          const h = homes[i]!;
          covered.households += h.households;
          covered.people += h.people;
          covered.elderly += h.elderly;
          covered.children += h.children;
          homesCovered++;
        }
        rows.push({
          category: cat.id,
          profile: pid,
          threshold: thresholdKey(t),
          thresholdM: tm,
          covered,
          share: shareOf(covered, totals),
          homesCovered,
        });
      }
    }
  }
  const farHomes = [...new Set(profiles.flatMap((p) => homeSnaps.get(snapKey(p))?.far ?? []))]
    .sort((a, b) => a - b)
    .map((i) => homes[i]!.id);
  const gaps = findGaps(cats, rows, profiles[0], facilityCount, input.targetShare ?? 0.85);
  return {
    profiles,
    categories: cats.map((c) => c.id),
    thresholds,
    totals,
    rows,
    nearest,
    facilityCount,
    gaps,
    farHomes,
    farFacilities: [...farFac].sort(),
    homeSnaps,
  };
}

function shareOf(c: Demand, t: Demand): Demand {
  const s = (a: number, b: number): number => (b > 0 ? a / b : 0);
  return {
    households: s(c.households, t.households),
    people: s(c.people, t.people),
    elderly: s(c.elderly, t.elderly),
    children: s(c.children, t.children),
  };
}

function findGaps(
  cats: readonly CategoryDef[],
  rows: readonly CoverageRow[],
  profile: string | undefined,
  count: Record<string, number>,
  target: number,
): CategoryGap[] {
  const gaps: CategoryGap[] = [];
  for (const c of cats) {
    if (!c.required) continue;
    const row = rows.find((r) => r.category === c.id && r.profile === profile && r.threshold === 'gb');
    const share = row?.share.households ?? 0;
    const facilities = count[c.id] ?? 0;
    if (facilities === 0)
      gaps.push({ category: c.id, level: c.level, facilities, householdShare: 0, status: 'absent' });
    else if (share < target)
      gaps.push({ category: c.id, level: c.level, facilities, householdShare: share, status: 'partial' });
  }
  return gaps;
}

/** One home's nearest facility per category and profile, with metres and minutes (for an API response). */
export function homeNearest(
  engine: CircleEngine,
  report: Pick<CoverageReport, 'nearest'>,
  homeIndex: number,
  facilities: readonly Facility[],
): {
  category: string;
  profile: string;
  facilityId: string | null;
  metres: number | null;
  minutes: number | null;
}[] {
  const byCat = new Map<string, Facility[]>();
  for (const f of facilities) (byCat.get(f.category) ?? byCat.set(f.category, []).get(f.category)!).push(f);
  const out = [];
  for (const [cat, perProfile] of report.nearest) {
    for (const [pid, col] of perProfile) {
      const m = col.metres[homeIndex]!,
        j = col.facility[homeIndex]!;
      const ok = Number.isFinite(m);
      out.push({
        category: cat,
        profile: pid,
        facilityId: ok ? (byCat.get(cat)?.[j]?.id ?? null) : null,
        metres: ok ? Math.round(m * 10) / 10 : null,
        minutes: ok ? Math.round((m / engine.profile(pid).speedMps / 60) * 10) / 10 : null,
      });
    }
  }
  return out;
}
