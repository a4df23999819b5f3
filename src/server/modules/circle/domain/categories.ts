/**
 * Life-circle facility categories with their GB 50180-2018 level and service distance (docs/domain.md §4).
 * Numbers are defaults; cities override them through config (`resolveCategories`).
 */

/** Life-circle level a facility belongs to (GB 50180-2018 Appendix B; 'block' = 居住街坊). */
type CircleLevel = 'block' | '5min' | '10min' | '15min';

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

/**
 * Default categories, one vocabulary with the registry (registry/demo/categories.ts uses the same codes).
 * Level distances: block ≈250–300 m, 5-min 300 m, 10-min 500 m, 15-min 1,000 m. `required` marks what
 * GB 50180-2018 Appendix B asks every residential area of that level to have (drives the gap list).
 */
export const DEFAULT_CATEGORIES: readonly CategoryDef[] = [
  {
    id: 'elderly_day_care',
    zh: '老年人日间照料中心',
    en: 'Elderly day care',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  { id: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', level: '5min', maxDistanceM: 300, required: true },
  { id: 'nursery', zh: '托儿所', en: 'Nursery / childcare', level: '5min', maxDistanceM: 300, required: true },
  {
    id: 'health_station',
    zh: '社区卫生服务站',
    en: 'Community health station',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  {
    id: 'community_service_station',
    zh: '社区服务站',
    en: 'Community service station',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  {
    id: 'community_canteen',
    zh: '社区食堂',
    en: 'Community canteen',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  {
    id: 'culture_station',
    zh: '文化活动站',
    en: 'Cultural activity station',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  { id: 'fitness', zh: '室外健身场地', en: 'Outdoor fitness', level: '5min', maxDistanceM: 300, required: true },
  { id: 'public_toilet', zh: '公共厕所', en: 'Public toilet', level: '5min', maxDistanceM: 300, required: true },
  {
    id: 'refuse_station',
    zh: '垃圾收集站',
    en: 'Refuse collection station',
    level: '5min',
    maxDistanceM: 300,
    required: true,
  },
  {
    id: 'convenience_store',
    zh: '便利店',
    en: 'Convenience store',
    level: 'block',
    maxDistanceM: 300,
    required: false,
  },
  {
    id: 'parcel_locker',
    zh: '快递驿站',
    en: 'Parcel station / lockers',
    level: 'block',
    maxDistanceM: 300,
    required: false,
  },
  { id: 'playground', zh: '儿童游乐场地', en: 'Playground', level: 'block', maxDistanceM: 300, required: false },
  { id: 'primary_school', zh: '小学', en: 'Primary school', level: '10min', maxDistanceM: 500, required: true },
  {
    id: 'wet_market',
    zh: '菜市场/生鲜超市',
    en: 'Wet market / fresh-food supermarket',
    level: '10min',
    maxDistanceM: 500,
    required: true,
  },
  { id: 'pharmacy', zh: '药店', en: 'Pharmacy', level: '10min', maxDistanceM: 500, required: false },
  { id: 'park', zh: '公园/广场', en: 'Park / square', level: '10min', maxDistanceM: 500, required: false },
  { id: 'bus_stop', zh: '公交站', en: 'Bus stop', level: '10min', maxDistanceM: 500, required: false },
  { id: 'middle_school', zh: '初中', en: 'Middle school', level: '15min', maxDistanceM: 1000, required: true },
  {
    id: 'health_centre',
    zh: '社区卫生服务中心',
    en: 'Health centre / hospital',
    level: '15min',
    maxDistanceM: 1000,
    required: true,
  },
  { id: 'nursing_home', zh: '养老院', en: 'Nursing home', level: '15min', maxDistanceM: 1000, required: true },
  {
    id: 'culture_centre',
    zh: '文化活动中心',
    en: 'Cultural centre',
    level: '15min',
    maxDistanceM: 1000,
    required: true,
  },
  {
    id: 'street_office',
    zh: '街道办事处',
    en: 'Subdistrict office',
    level: '15min',
    maxDistanceM: 1000,
    required: true,
  },
  { id: 'sports', zh: '体育场地', en: 'Sports ground', level: '15min', maxDistanceM: 1000, required: false },
  { id: 'police', zh: '派出所', en: 'Police station', level: '15min', maxDistanceM: 1000, required: false },
  { id: 'supermarket', zh: '超市/商场', en: 'Supermarket / mall', level: '15min', maxDistanceM: 1000, required: false },
  {
    id: 'social_enterprise',
    zh: '社区社会企业',
    en: 'Community social enterprise',
    level: '15min',
    maxDistanceM: 1000,
    required: false,
  },
];

/**
 * Other spellings of category codes seen in imports and older data (former engine ids, Chinese names,
 * common OSM-ish words) → the canonical id. Extend through config like the categories themselves.
 */
export const DEFAULT_CATEGORY_ALIASES: Readonly<Record<string, string>> = {
  elderly_daycare: 'elderly_day_care',
  day_care: 'elderly_day_care',
  日间照料中心: 'elderly_day_care',
  community_centre: 'community_service_station',
  社区服务中心: 'community_service_station',
  canteen: 'community_canteen',
  老年食堂: 'community_canteen',
  clinic: 'health_station',
  卫生服务站: 'health_station',
  卫生室: 'health_station',
  convenience: 'convenience_store',
  market: 'wet_market',
  菜市场: 'wet_market',
  生鲜超市: 'wet_market',
  mall: 'supermarket',
  超市: 'supermarket',
  商场: 'supermarket',
  toilet: 'public_toilet',
  toilets: 'public_toilet',
  公厕: 'public_toilet',
  refuse: 'refuse_station',
  waste: 'refuse_station',
  垃圾站: 'refuse_station',
  parcel: 'parcel_locker',
  快递柜: 'parcel_locker',
  驿站: 'parcel_locker',
  culture: 'culture_station',
  托育: 'nursery',
  幼托: 'nursery',
};

/**
 * Canonical category id of user input: an id, an alias, or a category's zh/en name (case and spaces
 * ignored). Null when unknown.
 */
export function resolveCategoryCode(
  input: string,
  categories: readonly CategoryDef[] = DEFAULT_CATEGORIES,
  aliases: Readonly<Record<string, string>> = DEFAULT_CATEGORY_ALIASES,
): string | null {
  const k = input.trim();
  if (k === '') return null;
  const low = k.toLowerCase().replace(/[\s-]+/g, '_');
  const direct = categories.find((c) => c.id === low || c.zh === k || c.en.toLowerCase() === k.toLowerCase());
  if (direct !== undefined) return direct.id;
  const a = aliases[low] ?? aliases[k];
  return a !== undefined && categories.some((c) => c.id === a) ? a : null;
}

/** Minute thresholds reported for every category (5/10/15-minute life circles). */
const DEFAULT_MINUTE_THRESHOLDS: readonly number[] = [5, 10, 15];

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
  const out: CategoryDef[] = base
    .filter((c) => !remove.includes(c.id))
    .map((c) => {
      const o = overrides.find((x) => x.id === c.id);
      return o === undefined ? c : { ...c, ...o };
    });
  for (const o of overrides) {
    if (out.some((c) => c.id === o.id) || remove.includes(o.id)) continue;
    out.push({ zh: o.id, en: o.id, level: '15min', maxDistanceM: 1000, required: false, ...o });
  }
  return out;
}
