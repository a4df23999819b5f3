/**
 * The household/resident ledger (台账) as a community office keeps it: one row per resident, with the
 * household's columns repeated; a household with nobody registered is a row with the person columns empty.
 * `readLedger` validates every row and returns either the whole content or every row error — never a part.
 */
import { validateIdNumber } from './idNumber.ts';
import { isPhone } from '../../../../shared/phone.ts';

/** Column headers, in order (zh-CN as the office writes them). */
export const LEDGER_COLUMNS = [
  '网格编码',
  '楼栋',
  '单元',
  '房号',
  '建筑面积(㎡)',
  '面积来源',
  '产权人',
  '产权人编号',
  '姓名',
  '性别',
  '公民身份号码',
  '出生日期',
  '与户主关系',
  '联系电话',
  '人员标签',
] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

const AREA_SOURCES = { 不动产登记: 'register', 测绘: 'survey', 合同: 'contract' } as const;
const AREA_SOURCE_LABEL = { register: '不动产登记', survey: '测绘', contract: '合同' } as const;
const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '兄弟姐妹', '其他'] as const;

/** Why a row was refused. */
export type RowErrorCode =
  | 'required'
  | 'bad_value'
  | 'bad_id_number'
  | 'id_mismatch'
  | 'duplicate_id'
  /** The ID number is registered (elsewhere): the same answer as a single add, never where it is. */
  | 'id_registered'
  | 'unknown_building'
  | 'grid_mismatch'
  | 'household_conflict'
  | 'out_of_scope'
  | 'bad_header';
export interface RowError {
  row: number;
  column: LedgerColumn | null;
  code: RowErrorCode;
  detail?: string;
}

export interface LedgerHousehold {
  buildingName: string;
  unit: string;
  room: string;
  areaCentiM2: number;
  areaSource: 'register' | 'survey' | 'contract';
  ownerName: string;
  ownerKey: string;
  gridCode: string;
}
export interface LedgerResident {
  householdKey: string;
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  birthDate: string;
  relation: string;
  phone: string | null;
  tags: string[];
}

/** What the rows must agree with: the community's buildings (name → grid) and which grids the importer may write. */
export interface LedgerContext {
  buildings: Map<string, { gridCode: string | null }>;
  mayWrite: (gridCode: string) => boolean;
  today: string;
}

/** The key of a household within a community. */
export const householdKey = (b: string, u: string, r: string) => `${b}\u0000${u}\u0000${r}`;

/** Validates all rows (first row = header). */
export function readLedger(
  rows: string[][],
  ctx: LedgerContext,
):
  | { ok: true; households: Map<string, LedgerHousehold>; residents: LedgerResident[] }
  | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const idx = new Map<LedgerColumn, number>();
  for (const col of LEDGER_COLUMNS) {
    const i = header.indexOf(col);
    if (i < 0) errors.push({ row: 1, column: col, code: 'bad_header' });
    else idx.set(col, i);
  }
  if (errors.length) return { ok: false, errors };
  const households = new Map<string, LedgerHousehold>();
  const residents: LedgerResident[] = [];
  const seenIds = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const get = (c: LedgerColumn) => (cells[idx.get(c)!] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    const err = (column: LedgerColumn | null, code: RowErrorCode, detail?: string) =>
      errors.push({ row: rowNo, column, code, ...(detail ? { detail } : {}) });
    const before = errors.length;
    const required = ['楼栋', '单元', '房号', '建筑面积(㎡)', '产权人'] as const;
    for (const c of required) if (!get(c)) err(c, 'required');
    const b = ctx.buildings.get(get('楼栋'));
    if (get('楼栋') && !b) err('楼栋', 'unknown_building', get('楼栋'));
    const grid = b?.gridCode ?? null;
    if (b && get('网格编码') && grid !== get('网格编码'))
      err('网格编码', 'grid_mismatch', `${get('网格编码')} ≠ ${grid ?? '—'}`);
    if (b && grid && !ctx.mayWrite(grid)) err('网格编码', 'out_of_scope', grid);
    const area = Number(get('建筑面积(㎡)'));
    if (get('建筑面积(㎡)') && !(Number.isFinite(area) && area > 0 && area < 100000))
      err('建筑面积(㎡)', 'bad_value', get('建筑面积(㎡)'));
    const srcLabel = get('面积来源') || '不动产登记';
    const source = AREA_SOURCES[srcLabel as keyof typeof AREA_SOURCES];
    if (!source) err('面积来源', 'bad_value', srcLabel);
    if (errors.length > before || !b) return;
    const key = householdKey(get('楼栋'), get('单元'), get('房号'));
    const h: LedgerHousehold = {
      buildingName: get('楼栋'),
      unit: get('单元'),
      room: get('房号'),
      areaCentiM2: Math.round(area * 100),
      areaSource: source!,
      ownerName: get('产权人'),
      ownerKey: get('产权人编号') || get('产权人'),
      gridCode: grid ?? '',
    };
    const prev = households.get(key);
    if (
      prev &&
      (prev.areaCentiM2 !== h.areaCentiM2 ||
        prev.ownerName !== h.ownerName ||
        prev.areaSource !== h.areaSource ||
        prev.ownerKey !== h.ownerKey)
    ) {
      err('产权人', 'household_conflict', key.replaceAll('\u0000', ' '));
      return;
    }
    households.set(key, prev ?? h);
    if (!get('姓名')) return; // a household with nobody registered
    const r = readPerson(get, err, ctx.today);
    if (!r) return;
    const first = seenIds.get(r.idNumber);
    if (first !== undefined) {
      err('公民身份号码', 'duplicate_id', `row ${first}`);
      return;
    }
    seenIds.set(r.idNumber, rowNo);
    residents.push({ householdKey: key, ...r });
  });
  return errors.length ? { ok: false, errors } : { ok: true, households, residents };
}

function readPerson(
  get: (c: LedgerColumn) => string,
  err: (c: LedgerColumn, code: RowErrorCode, d?: string) => void,
  today: string,
): Omit<LedgerResident, 'householdKey'> | null {
  let bad = false;
  const fail = (c: LedgerColumn, code: RowErrorCode, d?: string) => {
    bad = true;
    err(c, code, d);
  };
  const idNumber = get('公民身份号码').toUpperCase();
  const v = idNumber ? validateIdNumber(idNumber, today) : null;
  if (!idNumber) fail('公民身份号码', 'required');
  else if (!v?.ok) fail('公民身份号码', 'bad_id_number', v && !v.ok ? v.reason : undefined);
  const g = get('性别');
  const gender = g === '男' ? 'male' : g === '女' ? 'female' : null;
  if (!gender) fail('性别', 'bad_value', g);
  const birth = get('出生日期') || (v?.ok ? v.birthDate : '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth)) fail('出生日期', 'bad_value', birth);
  if (v?.ok && birth && birth !== v.birthDate) fail('出生日期', 'id_mismatch', `${birth} ≠ ${v.birthDate}`);
  if (v?.ok && gender && gender !== v.gender) fail('性别', 'id_mismatch');
  const relation = get('与户主关系') || '其他';
  if (!(RELATIONS as readonly string[]).includes(relation)) fail('与户主关系', 'bad_value', relation);
  const phone = get('联系电话').replace(/\s/g, '') || null;
  if (phone && !isPhone(phone)) fail('联系电话', 'bad_value', phone);
  if (bad) return null;
  const tags = get('人员标签')
    .split(/[、,，;；\s]+/)
    .filter(Boolean);
  return { name: get('姓名'), gender: gender!, idNumber, birthDate: birth, relation, phone, tags };
}

/** Turns households and residents back into ledger rows (header first), the inverse of `readLedger`. */
export function writeLedger(
  households: (LedgerHousehold & { residents: Omit<LedgerResident, 'householdKey'>[] })[],
): string[][] {
  const rows: string[][] = [[...LEDGER_COLUMNS]];
  for (const h of households) {
    const hh = [
      h.gridCode,
      h.buildingName,
      h.unit,
      h.room,
      (h.areaCentiM2 / 100).toFixed(2),
      AREA_SOURCE_LABEL[h.areaSource],
      h.ownerName,
      h.ownerKey,
    ];
    if (h.residents.length === 0) rows.push([...hh, '', '', '', '', '', '', '']);
    for (const r of h.residents)
      rows.push([
        ...hh,
        r.name,
        r.gender === 'male' ? '男' : '女',
        r.idNumber,
        r.birthDate,
        r.relation,
        r.phone ?? '',
        r.tags.join('、'),
      ]);
  }
  return rows;
}
