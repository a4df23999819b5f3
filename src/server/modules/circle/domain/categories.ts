/**
 * Life-circle facility categories with their GB 50180-2018 level and service distance (domain.md §4).
 * Numbers are defaults; cities override them through config (`resolveCategories`).
 */

/** Life-circle level a facility belongs to (GB 50180-2018 Appendix B; 'block' = 居住街坊). */
export type CircleLevel = 'block' | '5min' | '10min' | '15min';

/** One category of facility. `maxDistanceM` is the GB walking distance in metres. */
export interface CategoryDef {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly level: CircleLevel;
  readonly maxDistanceM: number;
  /** Required by GB 50180 at this level (drives the "what the area lacks" list). */
  readonly required: boolean;
}

/** Default categories. Level distances: block ≈250–300 m, 5-min 300 m, 10-min 500 m, 15-min 1,000 m. */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  { id: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', level: '5min', maxDistanceM: 300, required: true },
  { id: 'nursery', zh: '托儿所', en: 'Nursery / childcare', level: '5min', maxDistanceM: 300, required: true },
  { id: 'elderly_daycare', zh: '老年人日间照料中心', en: 'Elderly day care', level: '5min', maxDistanceM: 300, required: true },
  { id: 'clinic', zh: '社区卫生服务站', en: 'Community clinic', level: '5min', maxDistanceM: 300, required: true },
  { id: 'community_centre', zh: '社区服务站', en: 'Community service station', level: '5min', maxDistanceM: 300, required: true },
  { id: 'canteen', zh: '社区食堂', en: 'Community canteen', level: '5min', maxDistanceM: 300, required: false },
  { id: 'fitness', zh: '室外健身场地', en: 'Outdoor fitness', level: '5min', maxDistanceM: 300, required: false },
  { id: 'convenience', zh: '便利店', en: 'Convenience store', level: 'block', maxDistanceM: 300, required: false },
  { id: 'playground', zh: '儿童游乐场地', en: 'Playground', level: 'block', maxDistanceM: 300, required: false },
  { id: 'primary_school', zh: '小学', en: 'Primary school', level: '10min', maxDistanceM: 500, required: true },
  { id: 'market', zh: '菜市场/生鲜超市', en: 'Market / supermarket', level: '10min', maxDistanceM: 500, required: true },
  { id: 'pharmacy', zh: '药店', en: 'Pharmacy', level: '10min', maxDistanceM: 500, required: false },
  { id: 'park', zh: '社区公园', en: 'Park', level: '10min', maxDistanceM: 500, required: false },
  { id: 'bus_stop', zh: '公交站', en: 'Bus stop', level: '10min', maxDistanceM: 500, required: false },
  { id: 'middle_school', zh: '初中', en: 'Middle school', level: '15min', maxDistanceM: 1000, required: true },
  { id: 'health_centre', zh: '社区卫生服务中心', en: 'Health centre / hospital', level: '15min', maxDistanceM: 1000, required: true },
  { id: 'nursing_home', zh: '养老院', en: 'Nursing home', level: '15min', maxDistanceM: 1000, required: true },
  { id: 'culture_centre', zh: '文化活动中心', en: 'Cultural centre', level: '15min', maxDistanceM: 1000, required: true },
  { id: 'sports', zh: '体育场地', en: 'Sports ground', level: '15min', maxDistanceM: 1000, required: false },
  { id: 'police', zh: '派出所', en: 'Police station', level: '15min', maxDistanceM: 1000, required: false },
  { id: 'mall', zh: '商场', en: 'Shopping mall', level: '15min', maxDistanceM: 1000, required: false },
];

/** Minute thresholds reported for every category (5/10/15-minute life circles). */
export const DEFAULT_MINUTE_THRESHOLDS: readonly number[] = [5, 10, 15];

/** A reach threshold: minutes at the profile's speed, metres (effective), or the category's GB distance. */
export type Threshold =
  | { readonly kind: 'minutes'; readonly value: number }
  | { readonly kind: 'metres'; readonly value: number }
  | { readonly kind: 'gb' };

/** Default thresholds: 5, 10, 15 minutes plus each category's own GB distance. */
export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  ...DEFAULT_MINUTE_THRESHOLDS.map((value): Threshold => ({ kind: 'minutes', value })),
  { kind: 'gb' },
];

/** Stable key of a threshold, e.g. `min5`, `m500`, `gb`. */
export function thresholdKey(t: Threshold): string {
  return t.kind === 'gb' ? 'gb' : t.kind === 'minutes' ? `min${t.value}` : `m${t.value}`;
}

/** Threshold in effective metres for a category at a walking speed (m/s). */
export function thresholdMetres(t: Threshold, cat: CategoryDef, speedMps: number): number {
  if (t.kind === 'gb') return cat.maxDistanceM;
  return t.kind === 'metres' ? t.value : t.value * 60 * speedMps;
}

/**
 * Merge city overrides into the defaults: matching ids are patched, new ids appended, ids listed in
 * `remove` dropped. Order stays deterministic (defaults first, then additions in given order).
 */
export function resolveCategories(
  overrides: readonly (Partial<CategoryDef> & { id: string })[] = [],
  remove: readonly string[] = [],
  base: readonly CategoryDef[] = DEFAULT_CATEGORIES,
): CategoryDef[] {
  const out: CategoryDef[] = base.filter((c) => !remove.includes(c.id)).map((c) => {
    const o = overrides.find((x) => x.id === c.id);
    return o === undefined ? c : { ...c, ...o };
  });
  for (const o of overrides) {
    if (out.some((c) => c.id === o.id) || remove.includes(o.id)) continue;
    out.push({ zh: o.id, en: o.id, level: '15min', maxDistanceM: 1000, required: false, ...o });
  }
  return out;
}
