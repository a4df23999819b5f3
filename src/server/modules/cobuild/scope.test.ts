/**
 * Scope of every /api/cobuild/ and /api/public/cobuild/ route: the list must name each route (the completeness
 * check fails on a new one), and each is sent by four users of the demo community at another community's real
 * objects (made by the district admin through the API) — refused with 403/404 and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, type OtherIds } from '../../testing/fixtures.ts';
import { addOtherCase } from '../cases/testing/other.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { PNG } from './testing/fixtures.ts';

let t: TestApp;
const sessions: Record<string, Session> = {};
/** The other community's objects. */
const x = { unit: '', need: '', project: '', evidence: '', activity: '', volunteer: '', caseId: '', adult: '' };

type Case = { method: 'GET' | 'POST'; url: () => string; body?: unknown | (() => unknown) };
const C = OTHER_COMMUNITY;
const cases: Record<string, Case> = {
  'GET /api/cobuild/units': { method: 'GET', url: () => `/api/cobuild/units?code=${C}` },
  'POST /api/cobuild/units': {
    method: 'POST',
    url: () => '/api/cobuild/units',
    body: { communityCode: C, name: '入侵单位', kind: 'firm', contactName: 'x' },
  },
  'GET /api/cobuild/units/:id': { method: 'GET', url: () => `/api/cobuild/units/${x.unit}` },
  'POST /api/cobuild/units/:id/commitments': {
    method: 'POST',
    url: () => `/api/cobuild/units/${x.unit}/commitments`,
    body: { year: 2026, title: '入侵' },
  },
  'GET /api/cobuild/resources': { method: 'GET', url: () => `/api/cobuild/resources?code=${C}` },
  'POST /api/cobuild/resources': {
    method: 'POST',
    url: () => '/api/cobuild/resources',
    body: { communityCode: C, unitId: null, kind: 'goods', category: 'other', title: '入侵' },
  },
  'GET /api/cobuild/members': { method: 'GET', url: () => `/api/cobuild/members?code=${C}` },
  'POST /api/cobuild/members': {
    method: 'POST',
    url: () => '/api/cobuild/members',
    body: () => ({ residentId: x.adult, unitId: null, employer: '入侵' }),
  },
  'GET /api/cobuild/needs': { method: 'GET', url: () => `/api/cobuild/needs?code=${C}` },
  'POST /api/cobuild/needs': {
    method: 'POST',
    url: () => '/api/cobuild/needs',
    body: { communityCode: C, category: 'other', title: '入侵' },
  },
  'POST /api/cobuild/needs/from-case': {
    method: 'POST',
    url: () => '/api/cobuild/needs/from-case',
    body: () => ({ caseId: x.caseId, category: 'other', title: '入侵' }),
  },
  'GET /api/cobuild/needs/:id': { method: 'GET', url: () => `/api/cobuild/needs/${x.need}` },
  'GET /api/cobuild/needs/:id/matches': { method: 'GET', url: () => `/api/cobuild/needs/${x.need}/matches` },
  'POST /api/cobuild/needs/:id/claim': {
    method: 'POST',
    url: () => `/api/cobuild/needs/${x.need}/claim`,
    body: { claimant: { kind: 'team', name: '入侵' } },
  },
  'GET /api/cobuild/projects': { method: 'GET', url: () => `/api/cobuild/projects?code=${C}` },
  'GET /api/cobuild/projects/:id': { method: 'GET', url: () => `/api/cobuild/projects/${x.project}` },
  'POST /api/cobuild/projects/:id/progress': {
    method: 'POST',
    url: () => `/api/cobuild/projects/${x.project}/progress`,
    body: { progress: 99, note: '入侵' },
  },
  'POST /api/cobuild/projects/:id/evidence': {
    method: 'POST',
    url: () => `/api/cobuild/projects/${x.project}/evidence`,
    body: { kind: 'photo', image: PNG },
  },
  'GET /api/cobuild/evidence/:id': { method: 'GET', url: () => `/api/cobuild/evidence/${x.evidence}` },
  'POST /api/cobuild/projects/:id/complete': {
    method: 'POST',
    url: () => `/api/cobuild/projects/${x.project}/complete`,
    body: { summary: '入侵' },
  },
  'GET /api/cobuild/volunteers': { method: 'GET', url: () => `/api/cobuild/volunteers?code=${C}` },
  'GET /api/cobuild/volunteers/:id/hours': { method: 'GET', url: () => `/api/cobuild/volunteers/${x.volunteer}/hours` },
  'GET /api/cobuild/volunteers/:id/certificate': {
    method: 'GET',
    url: () => `/api/cobuild/volunteers/${x.volunteer}/certificate?year=2026`,
  },
  'POST /api/cobuild/volunteers/:id/redemptions': {
    method: 'POST',
    url: () => `/api/cobuild/volunteers/${x.volunteer}/redemptions`,
    body: { minutes: 1, service: '入侵' },
  },
  'GET /api/cobuild/activities': { method: 'GET', url: () => `/api/cobuild/activities?code=${C}` },
  'POST /api/cobuild/activities': {
    method: 'POST',
    url: () => '/api/cobuild/activities',
    body: {
      communityCode: C,
      title: '入侵',
      placeName: 'x',
      lon: 100.485,
      lat: 38.935,
      radiusM: 100,
      startsAt: '2026-12-01T01:00:00Z',
      endsAt: '2026-12-01T02:00:00Z',
      capacity: 5,
    },
  },
  'GET /api/cobuild/activities/:id': { method: 'GET', url: () => `/api/cobuild/activities/${x.activity}` },
  'POST /api/cobuild/activities/:id/signup': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/signup`,
  },
  'POST /api/cobuild/activities/:id/cancel': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/cancel`,
  },
  'GET /api/cobuild/activities/:id/code': { method: 'GET', url: () => `/api/cobuild/activities/${x.activity}/code` },
  'POST /api/cobuild/activities/:id/check': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/check`,
    body: { action: 'in', code: 'ABCDEFGH', lon: 100.485, lat: 38.935 },
  },
  'POST /api/cobuild/activities/:id/attendance': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/attendance`,
    body: () => ({ volunteerId: x.volunteer, action: 'in' }),
  },
  'POST /api/cobuild/activities/:id/hours': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/hours`,
    body: () => ({ volunteerId: x.volunteer, minutes: 600, note: '入侵' }),
  },
  'POST /api/cobuild/activities/:id/close': {
    method: 'POST',
    url: () => `/api/cobuild/activities/${x.activity}/close`,
  },
};
/** Routes acting only on the caller's own volunteer record (no id or place to tamper with). */
const own = new Set([
  'GET /api/cobuild/me',
  'POST /api/cobuild/me/volunteer',
  'GET /api/cobuild/me/hours',
  'GET /api/cobuild/me/certificate',
]);
/** Public routes: tested below for published-only, masked output. */
const publicRoutes = new Set(['GET /api/public/cobuild/:code/units', 'GET /api/public/cobuild/units/:id']);
const writes = async () =>
  Number(
    (
      await sql<{ n: number | string }>`select count(*) as n from audit_log where action like 'cobuild.%'`.execute(
        t.handle.db,
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  t = await testApp();
  const o: OtherIds = await addOtherCommunity(t.handle.db);
  x.adult = o.adult;
  x.caseId = (await addOtherCase(t.handle.db)).caseId;
  const admin = await login(t.app, 'gz_admin');
  const post = async (url: string, body: unknown) => {
    const r = await admin.request('POST', url, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  x.unit = (
    await post('/api/cobuild/units', {
      communityCode: C,
      name: '他社区单位',
      kind: 'school',
      contactName: '甲',
      published: false,
    })
  ).id;
  x.need = (await post('/api/cobuild/needs', { communityCode: C, category: 'elderly', title: '他社区需求' })).need.id;
  const other = (await post('/api/cobuild/needs', { communityCode: C, category: 'elderly', title: '他社区项目' })).need
    .id;
  x.project = (await post(`/api/cobuild/needs/${other}/claim`, { claimant: { kind: 'unit', unitId: x.unit } })).id;
  x.evidence = (
    await post(`/api/cobuild/projects/${x.project}/evidence`, { kind: 'photo', image: PNG })
  ).evidence[0].id;
  x.activity = (await post('/api/cobuild/activities', cases['POST /api/cobuild/activities']!.body)).activity.id;
  x.volunteer = uuidv7();
  await t.handle.db
    .insertInto('cobuild_volunteers')
    .values({
      id: x.volunteer,
      community_code: C,
      resident_id: o.adult,
      account_id: o.account,
      name: '王五',
      skills: '[]',
      created_at: new Date(),
    })
    .execute();
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) sessions[u] = await login(t.app, u);
  expect((await sessions.resident_silu!.request('POST', '/api/cobuild/me/volunteer', { skills: [] })).statusCode).toBe(
    201,
  );
}, 120_000);
afterAll(() => t?.close());

describe('cobuild scope', () => {
  it('lists every route of its prefixes', () => {
    const mine = t.app.routeList
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => / \/api\/(public\/)?cobuild\//.test(k));
    expect(mine.filter((k) => !(k in cases) && !own.has(k) && !publicRoutes.has(k))).toEqual([]);
    expect(mine.length).toBe(Object.keys(cases).length + own.size + publicRoutes.size);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    for (const [route, c] of Object.entries(cases)) {
      it(`${user}: ${route} on another community is refused`, async () => {
        const before = await writes();
        const body = typeof c.body === 'function' ? c.body() : c.body;
        const r = await sessions[user]!.request(c.method, c.url(), body);
        expect([403, 404], r.body).toContain(r.statusCode);
        expect(r.body).not.toMatch(/他社区|王五/);
        expect(await writes()).toBe(before);
      });
    }
  }

  it('the public page shows nothing of an unpublished unit and only published fields of others', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/public/cobuild/${C}/units` });
    expect(list.statusCode).toBe(200);
    expect(list.json().units).toEqual([]);
    const one = await t.app.inject({ method: 'GET', url: `/api/public/cobuild/units/${x.unit}` });
    expect(one.statusCode).toBe(404);
    const staff = await login(t.app, 'dh_staff');
    await staff.request('POST', '/api/cobuild/units', {
      communityCode: '620702004006',
      name: '公开单位',
      kind: 'hospital',
      contactName: '赵医生',
      contactPhone: '13800001111',
      address: '东湖路 1 号',
    });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/cobuild/620702004006/units' })).json();
    expect(Object.keys(pub.units[0]).sort()).toEqual(['description', 'id', 'kind', 'name', 'projects', 'projectsDone']);
    expect(JSON.stringify(pub)).not.toMatch(/赵医生|13800001111|东湖路/);
  });
});
