/**
 * The privacy issue, items 2–5, through the API: masked data cannot be recomputed, search applies the
 * visibility of children before matching, no existence oracles (duplicate ID numbers, LIKE wildcards), and
 * reads of personal data are audited and can be filtered by the auditor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, testApp, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, type OtherIds } from '../../testing/fixtures.ts';
import { SILU_POINT } from '../cases/testing/demo.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { idCheckChar, makeIdNumber } from './domain/idNumber.ts';
import { parseCsv } from '../../../shared/csv.ts';
import { toCsv } from './domain/csv.ts';

const demo = generateDemoCommunity();
const C = demo.community.code;
const G3 = demo.grids[2]!.code;
const TODAY = '2026-11-27'; // the harness clock, Asia/Shanghai
let t: TestApp;
let other: OtherIds;
let staff: Session, street: Session, worker: Session, auditor: Session, resident: Session;

interface R {
  id: string;
  name: string;
  householdId: string;
  idNumber: string | null;
  birthDate: string | null;
  age: number | null;
  gender: 'male' | 'female' | null;
  protected: boolean;
  masked: boolean;
  version: number;
}
type Audit = { action: string; entity: string; entityId: string | null; read: boolean; actorRole: string };

const list = async (s: Session, q = '') =>
  (await s.request('GET', `/api/residents?code=${G3}&pageSize=200${q}`)).json() as { total: number; items: R[] };
const audits = async (q: string) =>
  (await auditor.request('GET', `/api/audit?pageSize=200${q}`)).json().items as Audit[];

/** Every 18-character ID number consistent with what a view shows, knowing the place code (as anyone does). */
function candidates(v: R, region: string): string[] {
  const shown = v.idNumber!;
  const fits = (id: string, from: number, to: number) => {
    for (let i = from; i < to; i++) if (shown[i] !== '*' && shown[i] !== id[i]) return false;
    return true;
  };
  const seqs = [...Array(1000).keys()]
    .map((n) => String(n).padStart(3, '0'))
    .filter((q) => fits(`${'-'.repeat(14)}${q}`, 14, 17));
  const out: string[] = [];
  const [ty, tm, td] = TODAY.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(ty - (v.age ?? 0) - 1, tm - 1, td + 1));
  const last = new Date(Date.UTC(ty - (v.age ?? 0), tm - 1, td));
  for (; day <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
    if (v.birthDate !== null && birth !== v.birthDate.replace(/-/g, '')) continue;
    if (!fits(region + birth, 0, 14)) continue;
    for (const seq of seqs) {
      const first17 = region + birth + seq;
      const id = first17 + idCheckChar(first17);
      if (fits(id, 17, 18)) out.push(id);
    }
  }
  return out;
}

beforeAll(async () => {
  t = await testApp();
  other = await addOtherCommunity(t.handle.db);
  [staff, street, worker, auditor, resident] = await Promise.all([
    login(t.app, 'dh_staff'),
    login(t.app, 'bj_street'),
    login(t.app, 'grid03'),
    login(t.app, 'auditor'),
    login(t.app, 'resident_silu'),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('item 2: masked ID numbers cannot be recomputed', () => {
  it('a masked view shows the last 4 and an age, and at least 10 numbers fit what is shown', async () => {
    const truth = new Map((await list(staff)).items.map((r) => [r.id, r.idNumber]));
    const masked = (await list(street)).items.filter((r) => r.idNumber !== null).slice(0, 25);
    expect(masked.length).toBeGreaterThan(10);
    for (const v of masked) {
      expect(v).toMatchObject({ masked: true, birthDate: null });
      const real = truth.get(v.id)!;
      const fits = candidates(v, real.slice(0, 6));
      expect(fits).toContain(real);
      expect(fits.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('household pages of masked roles show no birth date either', async () => {
    const h = (await list(staff)).items.find((r) => !r.protected)!.householdId;
    for (const s of [street, auditor]) {
      const rs = (await s.request('GET', `/api/households/${h}`)).json().residents as R[];
      expect(rs.every((r) => r.birthDate === null && (r.idNumber === null || /^\*{14}/.test(r.idNumber)))).toBe(true);
    }
  });

  it('audit rows hold no clear ID number, and show an age and masked fields to the auditor', async () => {
    const h = (await list(staff)).items[0]!.householdId;
    const idNumber = makeIdNumber('620702', '19700305', 123);
    const add = (name: string, birthDate: string, id: string | null) =>
      staff.request('POST', `/api/households/${h}/residents`, {
        name,
        gender: 'male',
        phone: '13800001234',
        idNumber: id,
        birthDate,
        relation: '其他',
        tags: [],
      });
    const adult = (await add('审计甲', '1970-03-05', idNumber)).json().resident.id as string;
    const child = (await add('审计小童', '2018-03-05', null)).json().resident.id as string;
    const stored = await t.handle.db.selectFrom('audit_log').selectAll().where('entity_id', '=', adult).execute();
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    const shown = (await auditor.request('GET', '/api/audit?entity=resident&pageSize=20')).json().items as {
      entityId: string;
      after: Record<string, unknown>;
    }[];
    const a = shown.find((e) => e.entityId === adult)!.after;
    expect(a).toMatchObject({ id_number: `**************${idNumber.slice(-4)}`, phone: '138****1234', age: 56 });
    expect(a).not.toHaveProperty('birth_date');
    const c = shown.find((e) => e.entityId === child)!.after;
    expect(c).toMatchObject({ name: '审***', age: 8 });
  });
});

describe('item 3: search applies the children rule before matching', () => {
  it('a grid worker or street staff cannot find a child by name or tag; community staff can', async () => {
    const kid = (await list(staff)).items.find((r) => r.age !== null && r.age < 14)!;
    const byName = `&q=${encodeURIComponent(kid.name)}`;
    expect((await list(staff, byName)).items.map((r) => r.id)).toContain(kid.id);
    for (const s of [worker, street]) {
      for (const q of [byName, `&tag=${encodeURIComponent('儿童')}`, '']) {
        const r = await list(s, q);
        expect(r.items.some((x) => x.id === kid.id || x.protected)).toBe(false);
      }
      expect((await list(s, byName)).total).toBe(0);
    }
  });
});

describe('item 4: no existence oracles', () => {
  it('% and _ match only themselves in resident, household and case searches', async () => {
    expect((await list(staff, '&q=%25')).total).toBe(0);
    expect((await list(staff, '&q=_')).total).toBe(0);
    const hs = (await staff.request('GET', `/api/households?code=${C}&q=%25`)).json();
    expect(hs.total).toBe(0);
    const h = (await list(staff)).items[0]!.householdId;
    const body = { name: '百分%号', gender: 'female', phone: null, idNumber: null, birthDate: '1990-01-01' };
    await staff.request('POST', `/api/households/${h}/residents`, { ...body, relation: '其他', tags: [] });
    expect((await list(staff, '&q=%25')).items.map((r) => r.name)).toEqual(['百分%号']);
    const c = await resident.request('POST', '/api/cases', {
      categoryCode: 'X01',
      description: '楼道灯不亮',
      location: SILU_POINT,
    });
    expect(c.statusCode).toBe(201);
    expect((await staff.request('GET', '/api/cases?q=%E7%81%AF')).json().total).toBeGreaterThan(0);
    expect((await staff.request('GET', '/api/cases?q=%25')).json().total).toBe(0);
  });

  it('a duplicate ID number out of scope answers like any other: stale versions get CONFLICT first', async () => {
    const r = (await list(worker)).items.find((x) => !x.protected && !x.masked)!;
    const elsewhere = '62070219800101001X'; // registered in the other community only
    const fresh = makeIdNumber('620702', '19800101', 777);
    const stale = (id: string) => worker.request('PATCH', `/api/residents/${r.id}`, { version: 99, idNumber: id });
    const [a, b] = [await stale(elsewhere), await stale(fresh)];
    expect([a.statusCode, a.json()]).toEqual([b.statusCode, b.json()]);
    expect(a.json().error.code).toBe('CONFLICT');
    const inScope = (await list(staff)).items.find((x) => x.idNumber && x.id !== r.id)!.idNumber!;
    const dup = (id: string) => worker.request('PATCH', `/api/residents/${r.id}`, { version: r.version, idNumber: id });
    const [x, y] = [await dup(elsewhere), await dup(inScope)];
    expect([x.statusCode, x.json()]).toEqual([y.statusCode, y.json()]);
    expect(x.json().error.code).toBe('DUPLICATE_ID_NUMBER');
    const refused = (await audits('&entity=resident')).filter((e) => e.action === 'refuse');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    const stored = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'refuse').execute();
    expect(JSON.stringify(stored)).not.toContain(elsewhere);
    expect(other.adult).toBeTruthy();
  });
  it('a ledger import names a number registered elsewhere like a single add does, masked, not where', async () => {
    const header = parseCsv((await staff.request('GET', '/api/registry/template.csv')).body)[0]!;
    const elsewhere = '62070219800101001X';
    const household = ['', '东湖小区1号楼', '9', '903', '60', '测绘', '周十', ''];
    const row = [...household, '周十', '男', elsewhere, '1980-01-01'];
    const csv = toCsv([header, [...row, '户主', '13800000009', '']]);
    const r = await staff.request('POST', `/api/registry/import?community=${C}`, csv, { 'content-type': 'text/csv' });
    expect(r.statusCode).toBe(400);
    const text = JSON.stringify(r.json());
    expect(text).toContain('身份证号已登记');
    expect(text).not.toContain(elsewhere);
    expect(text).not.toContain('管辖');
  });
});

describe('item 5: reads of personal data are audited and filterable', () => {
  it('export, unmasked household pages, number searches, reporters and patrol tracks leave read rows', async () => {
    expect((await staff.request('GET', `/api/registry/export.csv?community=${C}`)).statusCode).toBe(200);
    const r = (await list(worker)).items.find((x) => x.idNumber && !x.masked)!;
    expect((await worker.request('GET', `/api/households/${r.householdId}`)).statusCode).toBe(200);
    expect((await list(worker, `&q=${r.idNumber}`)).items.map((x) => x.id)).toEqual([r.id]);
    const before = (await audits('&kind=read')).length;
    await street.request('GET', `/api/households/${r.householdId}`); // masked: not a read of sensitive data
    expect((await audits('&kind=read')).length).toBe(before);
    const cs = (await staff.request('GET', '/api/cases?pageSize=5')).json().items as { id: string }[];
    await staff.request('GET', `/api/cases/${cs[0]!.id}`);
    expect((await staff.request('GET', `/api/cases/${cs[0]!.id}/history`)).statusCode).toBe(200);
    const p = (await worker.request('POST', '/api/cases/patrols')).json().patrol.id as string;
    expect((await worker.request('GET', `/api/cases/patrols/${p}`)).statusCode).toBe(200);

    const reads = await audits('&kind=read');
    expect(reads.every((e) => e.action === 'read' && e.read)).toBe(true);
    const entities = new Set(reads.map((e) => e.entity));
    for (const e of ['ledger', 'household', 'resident', 'case.reporter', 'case.history', 'patrol'])
      expect(entities).toContain(e);
    const search = (await auditor.request('GET', '/api/audit?kind=read&entity=resident&pageSize=50')).json().items as {
      after: { query: { q: string } };
    }[];
    expect(search.some((e) => e.after.query.q === `**************${r.idNumber!.slice(-4)}`)).toBe(true);
    expect(JSON.stringify(await t.handle.db.selectFrom('audit_log').selectAll().execute())).not.toContain(r.idNumber!);
    expect((await audits('&kind=write')).some((e) => e.action === 'read')).toBe(false);
  });
});
