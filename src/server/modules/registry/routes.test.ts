import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity } from '../../testing/fixtures.ts';
import { generateDemoCommunity } from './demo/generate.ts';

const demo = generateDemoCommunity();
const C = demo.community.code;
const G3 = demo.grids[2]!.code;
let t: TestApp;
let staff: Session, street: Session, worker: Session, elder: Session;

interface R {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  protected: boolean;
  age: number | null;
  householdId: string;
  version: number;
  gridCode: string;
}

beforeAll(async () => {
  t = await testApp();
  await addOtherCommunity(t.handle.db); // a second community, so scope checks have something to keep out
  [staff, street, worker, elder] = await Promise.all([
    login(t.app, 'dh_staff'),
    login(t.app, 'bj_street'),
    login(t.app, 'grid03'),
    login(t.app, 'resident_elder'),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('places and map', () => {
  it('shows the demo community with its real totals', async () => {
    const r = await staff.request('GET', `/api/places/${C}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.place).toMatchObject({
      code: C,
      kind: 'community',
      name: '东湖社区',
      parentCode: '620702004',
      isDemo: true,
    });
    expect((await staff.request('GET', `/api/places/${C}/map`)).json().community).toMatchObject({
      isDemo: true,
      name: '东湖社区',
    });
    expect(body.children).toHaveLength(8);
    expect(body.stats).toMatchObject({ households: 3329, residents: 6570 });
  });

  it('serves the map layers as GeoJSON', async () => {
    const r = await worker.request('GET', `/api/places/${C}/map`);
    expect(r.statusCode).toBe(200);
    const m = r.json();
    expect(m.grids.features).toHaveLength(8);
    expect(m.grids.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(G3);
    expect(m.buildings.features.length).toBeGreaterThan(50);
    expect(m.roads.features.length).toBeGreaterThan(10);
    expect(
      m.facilities.features.some((f: { properties: { name: string } }) => f.properties.name.includes('日间照料')),
    ).toBe(true);
    expect(
      m.compounds.features.some(
        (f: { properties: { name: string; formerSanwu: boolean } }) =>
          f.properties.name === '东湖小区' && f.properties.formerSanwu,
      ),
    ).toBe(true);
  });

  it('gives a grid card with the worker and 一老一小 counts', async () => {
    const g = (await worker.request('GET', `/api/grids/${G3}`)).json();
    expect(g.workers[0].displayName).toBe(demo.grids[2]!.worker.name);
    expect(g.stats.households).toBeGreaterThanOrEqual(300);
    expect(g.stats.households).toBeLessThanOrEqual(500);
    expect(g.stats.elderly).toBeGreaterThan(0);
    expect(g.stats.children).toBeGreaterThan(0);
  });
});

describe('API description', () => {
  it('publishes an OpenAPI 3 document covering the routes, and a browsable page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/households/{id}',
        '/api/places/{code}/map',
        '/api/registry/import',
        '/healthz',
      ]),
    );
    expect(doc.paths['/api/households/{id}'].patch.requestBody).toBeDefined();
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('privacy by role', () => {
  async function firstAdultAndChild(s: Session, code: string) {
    const list = (await s.request('GET', `/api/residents?code=${code}&pageSize=200`)).json().items as R[];
    return list;
  }

  it('community staff see phone and ID numbers; street staff see them masked', async () => {
    const a = await firstAdultAndChild(staff, G3);
    const b = await firstAdultAndChild(street, G3);
    const adultA = a.find((r) => r.phone && !r.protected)!;
    const adultB = b.find((r) => r.id === adultA.id)!;
    expect(adultA.phone).toMatch(/^1\d{10}$/);
    expect(adultA.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(adultB.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    // Masking rule changed (privacy item 2): only the last 4 are kept, and no birth date beside them.
    expect(adultB.idNumber).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(adultB).toMatchObject({ birthDate: null, age: adultA.age, masked: true });
  });

  it('children under 14 are visible only to community staff of their community', async () => {
    const kids = (await firstAdultAndChild(staff, G3)).filter((r) => r.age !== null && r.age < 14);
    expect(kids.length).toBeGreaterThan(0);
    const kid = kids[0]!;
    for (const s of [worker, street]) {
      const h = (await s.request('GET', `/api/households/${kid.householdId}`)).json();
      const seen = h.residents.find((r: R) => r.id === kid.id);
      expect(seen).toMatchObject({ protected: true, phone: null, idNumber: null, age: null });
      expect(seen.name).not.toBe(kid.name);
    }
    const own = (await staff.request('GET', `/api/households/${kid.householdId}`))
      .json()
      .residents.find((r: R) => r.id === kid.id);
    expect(own).toMatchObject({ protected: false, name: kid.name });
  });

  it('a resident sees their own household unmasked and nothing else', async () => {
    const me = (await elder.request('GET', '/api/auth/me')).json().account;
    const own = await elder.request('GET', `/api/households/${me.householdId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().residents[0].masked).toBe(false);
    const list = await elder.request('GET', `/api/residents?code=${G3}`);
    expect(list.statusCode).toBe(403);
  });
});

describe('editing', () => {
  it('edits a resident with optimistic versions: the second writer with a stale version gets 409', async () => {
    const r = ((await worker.request('GET', `/api/residents?code=${G3}&pageSize=50`)).json().items as R[]).find(
      (x) => !x.protected,
    )!;
    const ok = await worker.request('PATCH', `/api/residents/${r.id}`, { version: r.version, phone: '13700001111' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().resident.phone).toBe('13700001111');
    const stale = await staff.request('PATCH', `/api/residents/${r.id}`, { version: r.version, phone: '13700002222' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('two concurrent edits of one household: exactly one wins', async () => {
    const h = (await staff.request('GET', `/api/households?code=${G3}&pageSize=1`)).json().items[0];
    const d = (await staff.request('GET', `/api/households/${h.id}`)).json().household;
    const rs = await Promise.all([
      staff.request('PATCH', `/api/households/${h.id}`, { version: d.version, ownerName: '甲' }),
      worker.request('PATCH', `/api/households/${h.id}`, { version: d.version, ownerName: '乙' }),
    ]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('adds a resident, refuses a bad ID number and a duplicate one, and audits the write', async () => {
    const h = (await staff.request('GET', `/api/households?code=${G3}&pageSize=1`)).json().items[0];
    const body = {
      name: '李新',
      gender: 'female',
      phone: '13800138000',
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      relation: '其他',
      tags: ['党员'],
    };
    const bad = await staff.request('POST', `/api/households/${h.id}/residents`, {
      ...body,
      idNumber: '110105194912310021',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_ID_NUMBER');
    const ok = await staff.request('POST', `/api/households/${h.id}/residents`, body);
    expect(ok.statusCode).toBe(201);
    const dup = await staff.request('POST', `/api/households/${h.id}/residents`, body);
    expect(dup.json().error.code).toBe('DUPLICATE_ID_NUMBER');
    const auditor = await login(t.app, 'auditor');
    const log = (await auditor.request('GET', '/api/audit?entity=resident&pageSize=5')).json();
    const entry = log.items.find((e: { entityId: string }) => e.entityId === ok.json().resident.id);
    expect(entry).toMatchObject({ action: 'create', actorRole: 'community_staff' });
    expect(entry.after.phone).toBe('138****8000');
  });

  it('the audit log is append-only, even for the database owner', async () => {
    await expect(t.handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.handle.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
  });
});

describe('bad input: a clear 4xx, never a 5xx', () => {
  const cases: [string, 'GET' | 'POST' | 'PATCH', string, unknown, Record<string, string>?, string?][] = [
    [
      'malformed JSON',
      'POST',
      '/api/households/00000000-0000-7000-8000-000000000000/residents',
      '{"name": ',
      { 'content-type': 'application/json' },
      'INVALID_JSON',
    ],
    [
      'wrong types',
      'PATCH',
      '/api/residents/00000000-0000-7000-8000-000000000000',
      { version: 'one' },
      undefined,
      'VALIDATION_FAILED',
    ],
    [
      'unknown fields',
      'PATCH',
      '/api/residents/00000000-0000-7000-8000-000000000000',
      { version: 1, hacked: true },
      undefined,
      'VALIDATION_FAILED',
    ],
    ['bad uuid', 'GET', '/api/households/not-a-uuid', undefined, undefined, 'VALIDATION_FAILED'],
    ['bad code', 'GET', '/api/places/12ab', undefined, undefined, 'VALIDATION_FAILED'],
    [
      'oversize body',
      'POST',
      '/api/households/00000000-0000-7000-8000-000000000000/residents',
      JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      { 'content-type': 'application/json' },
      'BODY_TOO_LARGE',
    ],
    [
      'bad phone',
      'PATCH',
      '/api/residents/00000000-0000-7000-8000-000000000000',
      { version: 1, phone: '12345' },
      undefined,
      'VALIDATION_FAILED',
    ],
    ['unknown id', 'GET', '/api/households/00000000-0000-7000-8000-000000000000', undefined, undefined, 'NOT_FOUND'],
    ['unknown route', 'GET', '/api/nothing-here', undefined, undefined, 'ROUTE_NOT_FOUND'],
    [
      'wrong content type',
      'POST',
      '/api/households/00000000-0000-7000-8000-000000000000/residents',
      'name=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ];
  it.each(cases)('%s', async (_n, method, url, payload, headers, code) => {
    const r = await staff.request(method, `${url}${url.includes('?') ? '&' : '?'}lang=en`, payload, headers);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(r.json().error.code).toBe(code);
    expect(typeof r.json().error.message).toBe('string');
  });

  it('messages follow the language, validation details included', async () => {
    const r = await staff.request('GET', '/api/households/00000000-0000-7000-8000-000000000000');
    expect(r.json().error.message).toBe('未找到');
    const zh = await staff.request('PATCH', '/api/residents/00000000-0000-7000-8000-000000000000', {
      version: 'one',
      hacked: 1,
    });
    expect(zh.json().error.message).toMatch(/^输入有误：.*无效输入.*未知的键/);
    const en = await staff.request('PATCH', '/api/residents/00000000-0000-7000-8000-000000000000?lang=en', {
      version: 'one',
      hacked: 1,
    });
    expect(en.json().error.message).toMatch(/^Invalid input: .*expected number.*Unrecognized key/);
  });
});
