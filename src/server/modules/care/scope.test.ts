/**
 * Every /api/care/ route aimed at another community's real objects (a person on its care list, their visit,
 * its case) is refused for users of the demo community, and nothing there is written or leaked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, OTHER_GRID, type OtherIds } from '../../testing/fixtures.ts';
import { addOtherCase, type OtherCase } from '../cases/testing/other.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { syncCareList } from './index.ts';
import * as repo from './repository.ts';

let t: TestApp;
let o: OtherIds;
let oc: OtherCase;
let visitId: string;
const sessions: Record<string, Session> = {};

type Req = { method: 'GET' | 'POST' | 'PUT'; url: () => string; body?: unknown };
const routes: Record<string, Req> = {
  'GET /api/care/overdue': { method: 'GET', url: () => `/api/care/overdue?code=${OTHER_COMMUNITY}` },
  'GET /api/care/summary': { method: 'GET', url: () => `/api/care/summary?code=${OTHER_GRID}` },
  'GET /api/care/people': { method: 'GET', url: () => `/api/care/people?code=${OTHER_COMMUNITY}` },
  'GET /api/care/people/:residentId': { method: 'GET', url: () => `/api/care/people/${o.adult}` },
  'GET /api/care/people/:residentId/notes': { method: 'GET', url: () => `/api/care/people/${o.adult}/notes` },
  'PUT /api/care/people/:residentId/notes': {
    method: 'PUT',
    url: () => `/api/care/people/${o.adult}/notes`,
    body: { healthNote: '篡改', abilityNote: null },
  },
  'PUT /api/care/people/:residentId/plan': {
    method: 'PUT',
    url: () => `/api/care/people/${o.adult}/plan`,
    body: { intervalDays: 1 },
  },
  'POST /api/care/people/:residentId/carers': {
    method: 'POST',
    url: () => `/api/care/people/${o.adult}/carers`,
    body: { username: 'resident_silu' },
  },
  'POST /api/care/people/:residentId/visits': {
    method: 'POST',
    url: () => `/api/care/people/${o.adult}/visits`,
    body: { lon: 100.485, lat: 38.935, found: '入侵' },
  },
  'GET /api/care/visits/:visitId': { method: 'GET', url: () => `/api/care/visits/${visitId}` },
  'POST /api/care/visits/:visitId/case': {
    method: 'POST',
    url: () => `/api/care/visits/${visitId}/case`,
    body: { categoryCode: 'X07' },
  },
  'GET /api/care/cases/:caseId/carers': { method: 'GET', url: () => `/api/care/cases/${oc.caseId}/carers` },
  // no id: acts on the caller's own community only (checked below)
  'POST /api/care/sync': { method: 'POST', url: () => '/api/care/sync' },
};

beforeAll(async () => {
  t = await testApp();
  o = await addOtherCommunity(t.handle.db);
  oc = await addOtherCase(t.handle.db);
  await t.handle.db.updateTable('residents').set({ tags: '["独居老人"]' }).where('id', '=', o.adult).execute();
  await syncCareList(t.handle, OTHER_COMMUNITY, t.clock.now());
  await repo.setNotes(t.handle.db, o.adult, { health_note: '糖尿病', ability_note: null }, t.clock.now());
  visitId = uuidv7();
  await repo.insertVisit(t.handle.db, {
    id: visitId,
    resident_id: o.adult,
    community_code: OTHER_COMMUNITY,
    grid_code: OTHER_GRID,
    visitor_id: o.account,
    visitor_role: 'grid_worker',
    visitor_name: '测试网格员',
    visited_at: t.clock.now(),
    lon: 100.485,
    lat: 38.935,
    found: '家中一切正常',
    follow_up: null,
    problem: false,
    case_id: null,
  });
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01', 'bj_street']) sessions[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('care routes are scoped', () => {
  it('every /api/care/ route is listed here', () => {
    const mine = t.app.routeList.filter((r) => r.url.startsWith('/api/care/')).map((r) => `${r.method} ${r.url}`);
    expect(mine.filter((k) => !(k in routes))).toEqual([]);
    expect(mine.length).toBe(Object.keys(routes).length);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    for (const [route, c] of Object.entries(routes)) {
      if (route === 'POST /api/care/sync') continue;
      it(`${user}: ${route} on another community is refused`, async () => {
        const r = await sessions[user]!.request(c.method, c.url(), c.body);
        expect([403, 404]).toContain(r.statusCode);
        expect(['FORBIDDEN', 'OUT_OF_SCOPE', 'NOT_FOUND', 'CARE_OUTSIDE_GRID']).toContain(r.json().error.code);
        expect(r.body).not.toContain('糖尿病');
        expect(r.body).not.toContain('王五');
      });
    }
  }

  it('sync touches only the caller’s community; others may not sync', async () => {
    expect((await sessions.grid03!.request('POST', '/api/care/sync')).statusCode).toBe(403);
    expect((await sessions.dh_staff!.request('POST', '/api/care/sync')).statusCode).toBe(200);
    expect((await repo.getSubject(t.handle.db, o.adult))?.active).toBe(true);
  });

  it('street staff above both communities see the person masked, never the notes', async () => {
    const r = await sessions.bj_street!.request('GET', `/api/care/people/${o.adult}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().person.masked).toBe(true);
    expect(r.json().visits[0].found).toBeNull();
    expect(r.body).not.toContain('王五');
    expect((await sessions.bj_street!.request('GET', `/api/care/people/${o.adult}/notes`)).statusCode).toBe(403);
  });

  it('nothing in the other community was written', async () => {
    const s = (await repo.getSubject(t.handle.db, o.adult))!;
    expect(s.override_days).toBeNull();
    expect((await repo.notesOf(t.handle.db, o.adult))?.health_note).toBe('糖尿病');
    expect(await repo.visitsOf(t.handle.db, o.adult, 10)).toHaveLength(1);
    expect((await repo.getVisit(t.handle.db, visitId))?.case_id).toBeNull();
    expect(await repo.carersOf(t.handle.db, [o.adult])).toEqual([]);
  });
});
