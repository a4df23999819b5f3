/**
 * Case classes: national event (事件) and component (部件) classes with 2-digit 大类 + 2-digit 小类 codes
 * (CJJ/T 106, GB/T 30428.2 — a representative subset), plus the community's own classes. Each 小类 carries its
 * accept-by and resolve-by limits (docs/domain.md §3; local, configurable — these are defaults).
 */
import type { Limit } from './calendar.ts';

/** Where a class comes from. */
type CategoryKind = 'event' | 'component' | 'community';

/** One reportable class. `code` is E+4 digits (event), C+4 digits (component) or X+2 digits (community). */
export interface Category {
  code: string;
  kind: CategoryKind;
  majorCode: string;
  majorName: string;
  name: string;
  nameEn: string;
  acceptLimit: Limit;
  resolveLimit: Limit;
  /** Urgent classes get short natural-time limits and are flagged on every list. */
  urgent: boolean;
  /**
   * Sensitive classes (one-press help of an elderly person living alone, disputes between named neighbours) are
   * never shown on a public view and are not offered through Open311.
   */
  sensitive?: boolean;
}

const wh = (amount: number): Limit => ({ amount, unit: 'work_hours' });
const wd = (amount: number): Limit => ({ amount, unit: 'work_days' });
const h = (amount: number): Limit => ({ amount, unit: 'hours' });
/** Default accept-by limit (签收时限) for ordinary classes. */
export const DEFAULT_ACCEPT: Limit = wh(1);

type Row = [code: string, name: string, nameEn: string, resolve: Limit, accept?: Limit, urgent?: boolean];
const EVENT_MAJORS: Record<string, string> = {
  '01': '市容环境',
  '02': '宣传广告',
  '03': '施工管理',
  '04': '街面秩序',
  '05': '突发事件',
  '06': '其他事件',
};
const COMPONENT_MAJORS: Record<string, string> = {
  '01': '公用设施',
  '02': '道路交通',
  '03': '市容环境',
  '04': '园林绿化',
  '05': '房屋土地',
  '06': '其他设施',
};

const EVENTS: Row[] = [
  ['0101', '暴露垃圾', 'Exposed rubbish', wh(4)],
  ['0102', '积存垃圾渣土', 'Accumulated rubbish', wd(1)],
  ['0103', '道路不洁', 'Dirty road', wh(3)],
  ['0104', '乱堆物堆料', 'Materials piled on public space', wd(1)],
  ['0105', '焚烧垃圾', 'Burning rubbish', wh(2)],
  ['0201', '非法小广告', 'Illegal small ads', wd(1)],
  ['0202', '违规户外广告', 'Illegal outdoor advertising', wd(3)],
  ['0301', '施工扰民', 'Construction disturbance', wh(4)],
  ['0302', '违法建设', 'Illegal building', wd(15)],
  ['0303', '道路遗撒', 'Spillage from vehicles', wh(4)],
  ['0401', '占道经营', 'Street vending on the road', wh(4)],
  ['0402', '无照游商', 'Unlicensed hawkers', wh(4)],
  ['0403', '乱停车', 'Illegal parking', wh(2)],
  ['0501', '路面塌陷', 'Road collapse', h(2), h(0.25), true],
  ['0502', '水管爆裂', 'Burst water main', h(2), h(0.25), true],
  ['0503', '燃气泄漏', 'Gas leak', h(2), h(0.25), true],
  ['0601', '其他事件', 'Other event', wd(5)],
];
const COMPONENTS: Row[] = [
  ['0101', '井盖', 'Manhole cover', wd(1)],
  ['0102', '路灯', 'Street lamp', wd(2)],
  ['0103', '消防栓', 'Fire hydrant', wd(1)],
  ['0201', '交通标志牌', 'Traffic sign', wd(3)],
  ['0202', '护栏', 'Guard rail', wd(3)],
  ['0301', '公厕', 'Public toilet', wd(1)],
  ['0302', '垃圾箱', 'Litter bin', wd(1)],
  ['0401', '行道树', 'Street tree', wd(3)],
  ['0402', '绿地', 'Green space', wd(5)],
  ['0501', '房屋外立面', 'Building facade', wd(5)],
  ['0601', '其他设施', 'Other facility', wd(5)],
];
const COMMUNITY: Row[] = [
  ['01', '下水管道堵塞', 'Blocked sewer', wd(1)],
  ['02', '楼道照明', 'Stairwell lighting', wd(2)],
  ['03', '噪音扰民', 'Noise nuisance', wh(4)],
  ['04', '邻里纠纷', 'Neighbour dispute', wd(3)],
  ['05', '养老求助', 'Elderly help', h(2), h(0.25), true],
  ['06', '水电气暖', 'Water, power, gas, heating', h(24)],
  ['07', '其他', 'Other community matter', wd(5)],
];

/** Community classes about one person or household (see {@link Category.sensitive}). */
const SENSITIVE = new Set(['X04', 'X05']);

function build(kind: CategoryKind, prefix: string, rows: Row[], majors: Record<string, string> | null): Category[] {
  return rows.map(([code, name, nameEn, resolve, accept, urgent]) => {
    const major = majors ? code.slice(0, 2) : 'X';
    return {
      code: prefix + code,
      kind,
      majorCode: major,
      majorName: majors ? majors[major]! : '社区自定义',
      name,
      nameEn,
      acceptLimit: accept ?? DEFAULT_ACCEPT,
      resolveLimit: resolve,
      urgent: urgent ?? false,
      ...(SENSITIVE.has(prefix + code) ? { sensitive: true } : {}),
    };
  });
}

/** Default catalogue. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  ...build('event', 'E', EVENTS, EVENT_MAJORS),
  ...build('component', 'C', COMPONENTS, COMPONENT_MAJORS),
  ...build('community', 'X', COMMUNITY, null),
];

/** Code of the one-press urgent help class (养老求助). */
export const HELP_CATEGORY = 'X05';

/** Finds a class by code in a catalogue. */
export function findCategory(list: readonly Category[], code: string): Category | undefined {
  return list.find((c) => c.code === code);
}
