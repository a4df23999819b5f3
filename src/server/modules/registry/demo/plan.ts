/**
 * The hand-drawn plan of the demo 东湖社区, in local metres (see geo.ts). A lattice of streets (XS × YS)
 * cuts the 1,200 m × 1,125 m community (= 1.35 km², the real figure) into 36 blocks; grids are unions of
 * blocks, so grid edges follow street centre lines and the tiling is exact by construction.
 * Household targets per grid add up to the real 3,329; everything else here is invented demo data.
 */
import type { DemoRoad } from './types.ts';

/** x of the north–south street centre lines (metres east of the south-west corner). */
export const XS = [0, 210, 400, 610, 800, 1010, 1200] as const;
/** y of the east–west street centre lines (metres north of the south-west corner). */
export const YS = [0, 180, 370, 560, 745, 935, 1125] as const;
/** Setback of block contents from the street centre line, metres. */
export const SETBACK = 10;

/** Grid cells as lattice index ranges [i0, i1) × [j0, j1); seq numbered west→east, then north→south. */
export const GRID_CELLS = [
  { seq: 1, i: [0, 2], j: [3, 6] },
  { seq: 2, i: [2, 3], j: [3, 6] },
  { seq: 3, i: [3, 5], j: [3, 6] },
  { seq: 4, i: [5, 6], j: [3, 6] },
  { seq: 5, i: [0, 1], j: [0, 3] },
  { seq: 6, i: [1, 3], j: [0, 3] },
  { seq: 7, i: [3, 4], j: [0, 3] },
  { seq: 8, i: [4, 6], j: [0, 3] },
] as const;

/** Grid seq of block (column c, row r); rows count from the south. */
export function gridOfBlock(c: number, r: number): number {
  const g = GRID_CELLS.find((g) => c >= g.i[0] && c < g.i[1] && r >= g.j[0] && r < g.j[1]);
  if (!g) throw new RangeError(`block ${c},${r} outside the lattice`);
  return g.seq;
}

type Highway = DemoRoad['highway'];
const V_NAMES = ['东湖西路', '北苑巷', '金湖巷', '丝路巷', '甘泉巷', '电力巷', '东湖东路'] as const;
const H_NAMES = ['东湖南路', '园丁街', '润泽街', '东湖街', '民乐街', '林苑街', '东湖北路'] as const;

/**
 * Name and class of the lattice segment on line `i` (vertical when `vertical`) between lattice nodes
 * `k` and `k + 1`. Boundary streets are tertiary; inside the merged 东湖小区 the old lanes are service roads.
 */
export function latticeSegment(vertical: boolean, i: number, k: number): { name: string | null; highway: Highway } {
  const last = vertical ? XS.length - 1 : YS.length - 1;
  const name = (vertical ? V_NAMES[i] : H_NAMES[i]) ?? null;
  if (i === 0 || i === last) return { name, highway: 'tertiary' };
  if (vertical && i === 3 && (k === 2 || k === 3)) return { name: null, highway: 'service' };
  if (!vertical && i === 3 && (k === 2 || k === 3)) return { name: null, highway: 'service' };
  if (!vertical && i === 4 && k === 4) return { name: '东湖步行街', highway: 'pedestrian' };
  return { name, highway: 'residential' };
}

/** Residential building types: storeys, stairwell units, dwellings per landing, footprint, dwelling area range. */
export const BUILDING_TYPES = {
  w6: { floors: 6, units: 3, doors: 2, w: 39, d: 12, area: [62, 98] },
  w6x4: { floors: 6, units: 4, doors: 2, w: 50, d: 12, area: [50, 90] },
  w5: { floors: 5, units: 3, doors: 2, w: 36, d: 12, area: [58, 90] },
  w4: { floors: 4, units: 3, doors: 2, w: 36, d: 11, area: [45, 75] },
  t18: { floors: 18, units: 2, doors: 2, w: 32, d: 18, area: [88, 142] },
  t11: { floors: 11, units: 2, doors: 2, w: 30, d: 16, area: [78, 128] },
  bungalow: { floors: 1, units: 1, doors: 6, w: 36, d: 7, area: [32, 62] },
} as const;
export type BuildingType = keyof typeof BUILDING_TYPES;

/** A non-residential building; its facilities sit at its entrance. */
interface OtherBuilding {
  b: string;
  use: 'public' | 'commercial';
  floors: number;
  w: number;
  d: number;
  fac?: [category: string, name: string][];
}
/** One slot of a block's rows × cols layout. */
type Slot =
  | BuildingType
  | OtherBuilding
  | { pt: [category: string, name: string][] }
  | { freed: string; areaM2: number; note: string }
  | null;

/** Contents of one block: a compound (with its household target) or open land, laid out rows × cols. */
export interface BlockPlan {
  c: number;
  r: number;
  compound?: string;
  households?: number;
  rows: number;
  cols: number;
  slots: Slot[];
}

const b = (
  name: string,
  use: OtherBuilding['use'],
  floors: number,
  w: number,
  d: number,
  ...fac: [string, string][]
): OtherBuilding => ({
  b: name,
  use,
  floors,
  w,
  d,
  fac,
});
const pt = (category: string, name: string): Slot => ({ pt: [[category, name]] });
const freed = (name: string, areaM2: number, note: string): Slot => ({ freed: name, areaM2, note });
const W6X4 = ['w6x4', 'w6x4', 'w6x4', 'w6x4'] as const;
const RENEWAL = '东湖小区改造（拆墙并院）腾出的空间';
const HYPOTHETICAL = '设想中的腾退空间（演示）';

/** Every block of the lattice, column c (west→east) and row r (south→north). */
export const BLOCKS: BlockPlan[] = [
  // r5 — north edge
  { c: 0, r: 5, compound: 'beiyuan', households: 144, rows: 2, cols: 2, slots: ['w6', 'w6', 'w6', 'w6'] },
  {
    c: 1,
    r: 5,
    compound: 'jinhu',
    households: 204,
    rows: 2,
    cols: 2,
    slots: ['t18', 't18', 't18', pt('fitness', '金湖苑健身场地')],
  },
  {
    c: 2,
    r: 5,
    rows: 2,
    cols: 2,
    slots: [
      b('东湖幼儿园', 'public', 3, 40, 20, ['kindergarten', '东湖幼儿园']),
      b('东湖便民店', 'commercial', 1, 16, 10, ['convenience_store', '东湖便民店']),
      null,
      null,
    ],
  },
  {
    c: 3,
    r: 5,
    rows: 2,
    cols: 2,
    slots: [
      b(
        '东湖社区党群服务中心',
        'public',
        3,
        44,
        18,
        ['community_service_station', '东湖社区服务站'],
        ['culture_station', '东湖社区文化活动站'],
      ),
      pt('fitness', '社区健身广场'),
      b('林苑街公厕', 'public', 1, 10, 6, ['public_toilet', '林苑街公厕']),
      null,
    ],
  },
  {
    c: 4,
    r: 5,
    rows: 2,
    cols: 2,
    slots: [
      b('北街派出所', 'public', 4, 36, 16),
      b('东湖宾馆', 'commercial', 6, 40, 14),
      b('东湖垃圾收集站', 'public', 1, 14, 8, ['refuse_station', '东湖垃圾收集站']),
      null,
    ],
  },
  { c: 5, r: 5, compound: 'dianli', households: 216, rows: 2, cols: 3, slots: ['w6', 'w6', 'w6', 'w6', 'w6', 'w6'] },
  // r4
  {
    c: 0,
    r: 4,
    rows: 1,
    cols: 2,
    slots: [
      b('北街市场监管所', 'public', 4, 36, 16),
      b('北苑商业楼', 'commercial', 3, 40, 16, ['convenience_store', '北苑便利店']),
    ],
  },
  { c: 1, r: 4, compound: 'linyuan', households: 72, rows: 4, cols: 3, slots: Array<Slot>(12).fill('bungalow') },
  { c: 2, r: 4, compound: 'silu', households: 72, rows: 2, cols: 2, slots: ['w6', 'w6', null, null] },
  { c: 3, r: 4, compound: 'gongxiao', households: 48, rows: 2, cols: 2, slots: ['w4', null, 'w4', null] },
  {
    c: 4,
    r: 4,
    rows: 1,
    cols: 2,
    slots: [
      b('东湖菜市场', 'commercial', 1, 60, 30, ['wet_market', '东湖菜市场']),
      b('甘州铺子', 'commercial', 2, 24, 12, ['social_enterprise', '甘州铺子（东湖店）']),
    ],
  },
  {
    c: 5,
    r: 4,
    compound: 'nongji',
    households: 156,
    rows: 4,
    cols: 4,
    slots: ['w5', 'w5', 'w5', null, ...Array<Slot>(11).fill('bungalow'), null],
  },
  // r3
  {
    c: 0,
    r: 3,
    rows: 2,
    cols: 2,
    slots: [
      b('东湖社区卫生服务站', 'public', 2, 30, 14, ['health_station', '东湖社区卫生服务站']),
      b('民生大药房', 'commercial', 1, 16, 10, ['pharmacy', '民生大药房']),
      pt('fitness', '北苑健身点'),
      null,
    ],
  },
  {
    c: 1,
    r: 3,
    rows: 2,
    cols: 2,
    slots: [b('北街综合楼', 'commercial', 4, 40, 16, ['convenience_store', '北街综合楼便利店']), null, null, null],
  },
  {
    c: 2,
    r: 3,
    compound: 'donghu',
    households: 381,
    rows: 3,
    cols: 3,
    slots: [
      ...W6X4,
      b(
        '东湖社区日间照料中心',
        'public',
        2,
        36,
        14,
        ['elderly_day_care', '东湖社区日间照料中心'],
        ['community_canteen', '东湖长者食堂'],
      ),
      ...W6X4,
    ],
  },
  {
    c: 3,
    r: 3,
    compound: 'donghu',
    households: 381,
    rows: 3,
    cols: 3,
    slots: [...W6X4, freed('东湖小区原锅炉房及车库拆除地块', 640, `${RENEWAL}：拆除锅炉房、车库`), ...W6X4],
  },
  { c: 4, r: 3, rows: 0, cols: 0, slots: [] }, // 东湖公园: paths and points are added in layout.ts
  {
    c: 5,
    r: 3,
    rows: 2,
    cols: 2,
    slots: [
      b('东湖东路商业楼', 'commercial', 3, 40, 16, ['pharmacy', '仁和药店']),
      b('东湖东路便利店', 'commercial', 1, 16, 10, ['convenience_store', '东湖东路便利店']),
      null,
      freed('原农机公司仓库拆除地块', 600, HYPOTHETICAL),
    ],
  },
  // r2
  {
    c: 0,
    r: 2,
    compound: 'xiguan',
    households: 60,
    rows: 4,
    cols: 3,
    slots: [...Array<Slot>(10).fill('bungalow'), freed('西关楼院拆除违建空地', 400, HYPOTHETICAL), null],
  },
  { c: 1, r: 2, compound: 'yuanding', households: 60, rows: 2, cols: 2, slots: ['w5', 'w5', null, null] },
  {
    c: 2,
    r: 2,
    compound: 'donghu',
    households: 381,
    rows: 3,
    cols: 3,
    slots: [...W6X4, freed('东湖小区原平房区拆除地块', 1800, `${RENEWAL}：拆除20余间平房`), ...W6X4],
  },
  {
    c: 3,
    r: 2,
    compound: 'donghu',
    households: 380,
    rows: 3,
    cols: 3,
    slots: [...W6X4, freed('东湖小区原旧楼拆除地块', 900, `${RENEWAL}：拆除1栋旧楼`), ...W6X4],
  },
  {
    c: 4,
    r: 2,
    rows: 2,
    cols: 2,
    slots: [
      b('北街街道办事处', 'public', 4, 44, 16, ['street_office', '北街街道办事处']),
      b('北街司法所', 'public', 2, 24, 12),
      freed('原水务公司车库拆除地块', 700, HYPOTHETICAL),
      null,
    ],
  },
  {
    c: 5,
    r: 2,
    rows: 2,
    cols: 2,
    slots: [
      b('东湖东路公厕', 'public', 1, 10, 6, ['public_toilet', '东湖东路公厕']),
      b('东湖东路商铺', 'commercial', 2, 30, 12),
      null,
      null,
    ],
  },
  // r1
  { c: 0, r: 1, compound: 'ganquan', households: 180, rows: 2, cols: 3, slots: ['w6', 'w6', 'w6', 'w6', 'w6', null] },
  { c: 1, r: 1, rows: 1, cols: 1, slots: [b('北街小学', 'public', 4, 80, 30, ['primary_school', '北街小学'])] },
  {
    c: 2,
    r: 1,
    rows: 2,
    cols: 2,
    slots: [
      pt('park', '北街文化广场'),
      b('润泽街公厕', 'public', 1, 10, 6, ['public_toilet', '润泽街公厕']),
      b('北街快递驿站', 'commercial', 1, 16, 10, ['parcel_locker', '北街快递驿站']),
      null,
    ],
  },
  { c: 3, r: 1, compound: 'tielu', households: 36, rows: 3, cols: 2, slots: Array<Slot>(6).fill('bungalow') },
  { c: 4, r: 1, compound: 'shuiwu', households: 154, rows: 2, cols: 3, slots: ['w6', 'w6', 'w6', 'w6', 'w6', null] },
  { c: 5, r: 1, compound: 'runze', households: 288, rows: 2, cols: 2, slots: ['t18', 't18', 't18', 't18'] },
  // r0 — south edge, towards the Drum Tower
  {
    c: 0,
    r: 0,
    compound: 'gulou',
    households: 116,
    rows: 2,
    cols: 2,
    slots: ['t11', 't11', 't11', pt('fitness', '鼓楼北苑健身点')],
  },
  {
    c: 1,
    r: 0,
    rows: 2,
    cols: 2,
    slots: [
      b('北街商业楼', 'commercial', 3, 40, 16, ['convenience_store', '北街商业楼便利店']),
      b('北街饭店', 'commercial', 2, 30, 14),
      null,
      null,
    ],
  },
  {
    c: 2,
    r: 0,
    rows: 1,
    cols: 2,
    slots: [pt('park', '鼓楼北广场'), b('鼓楼北公厕', 'public', 1, 10, 6, ['public_toilet', '鼓楼北公厕'])],
  },
  {
    c: 3,
    r: 0,
    rows: 1,
    cols: 1,
    slots: [b('东湖购物中心', 'commercial', 3, 90, 40, ['supermarket', '东湖购物中心超市'])],
  },
  {
    c: 4,
    r: 0,
    rows: 2,
    cols: 2,
    slots: [
      b('北街第二幼儿园', 'public', 2, 36, 16, ['kindergarten', '北街第二幼儿园']),
      b('南湖便利店', 'commercial', 1, 16, 10, ['convenience_store', '南湖便利店']),
      null,
      null,
    ],
  },
  { c: 5, r: 0, rows: 2, cols: 2, slots: [b('东湖东路酒店', 'commercial', 8, 40, 16), null, null, null] },
];
