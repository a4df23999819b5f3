/**
 * Every /api/notices/ route aimed at another community's real notice (an urgent one, addressed to its household)
 * is refused for users of the demo community, and nothing there is written or leaked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, OTHER_GRID, type OtherIds } from '../../testing/fixtures.ts';
import { uuidv7 } from '../../platform/ids.ts';
import * as repo from './repository.ts';

let t: TestApp;
let o: OtherIds;
const noticeId = uuidv7();
const sessions: Record<string, Session> = {};

type Req = { method: 'GET' | 'POST'; url: () => string; body?: unknown };
const routes: Record<string, Req> = {
  'GET /api/notices/list': { method: 'GET', url: () => `/api/notices/list?code=${OTHER_COMMUNITY}` },
  'GET /api/notices/:id': { method: 'GET', url: () => `/api/notices/${noticeId}` },
  'POST /api/notices/:id/read': { method: 'POST', url: () => `/api/notices/${noticeId}/read` },
  'GET /api/notices/:id/walk': { method: 'GET', url: () => `/api/notices/${noticeId}/walk?grid=${OTHER_GRID}` },
  'POST /api/notices/:id/households/:householdId/told': {
    method: 'POST',
    url: () => `/api/notices/${noticeId}/households/${o.household}/told`,
  },
  'POST /api/notices/send': {
    method: 'POST',
    url: () => '/api/notices/send',
    body: { title: '入侵', body: '入侵', urgent: true, scope: { kind: 'grid', value: OTHER_GRID } },
  },
  // no id or code: the caller's own community or household only (checked below)
  'GET /api/notices/scopes': { method: 'GET', url: () => '/api/notices/scopes' },
  'GET /api/notices/mine': { method: 'GET', url: () => '/api/notices/mine' },
};
const OWN_ONLY = new Set(['GET /api/notices/scopes', 'GET /api/notices/mine']);

beforeAll(async () => {
  t = await testApp();
  o = await addOtherCommunity(t.handle.db);
  await repo.insertNotice(
    t.handle.db,
    {
      id: noticeId,
      community_code: OTHER_COMMUNITY,
      scope_kind: 'community',
      scope_value: OTHER_COMMUNITY,
      scope_label: '测试社区',
      title: '别的社区的紧急通知',
      body: '别的社区',
      urgent: true,
      sender_id: null,
      sender_name: '测试',
      households: 1,
      sent_at: t.clock.now(),
    },
    [
      {
        notice_id: noticeId,
        household_id: o.household,
        community_code: OTHER_COMMUNITY,
        grid_code: OTHER_GRID,
        building_id: o.building,
      },
    ],
  );
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) sessions[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('notice routes are scoped', () => {
  it('every /api/notices route is listed here', () => {
    const mine = t.app.routeList.filter((r) => r.url.startsWith('/api/notices')).map((r) => `${r.method} ${r.url}`);
    expect(mine.filter((k) => !(k in routes))).toEqual([]);
    expect(mine.length).toBe(Object.keys(routes).length);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    for (const [route, c] of Object.entries(routes)) {
      if (OWN_ONLY.has(route)) continue;
      it(`${user}: ${route} on another community is refused`, async () => {
        const r = await sessions[user]!.request(c.method, c.url(), c.body);
        expect([403, 404]).toContain(r.statusCode);
        expect(['FORBIDDEN', 'OUT_OF_SCOPE', 'NOT_FOUND']).toContain(r.json().error.code);
        expect(r.body).not.toContain('别的社区');
        expect(r.body).not.toContain('王五');
      });
    }
  }

  it('the own-only routes answer with the caller’s own community or household', async () => {
    const sc = await sessions.dh_staff!.request('GET', '/api/notices/scopes');
    expect(sc.json().communityCode).toBe('620702004006');
    expect(sc.body).not.toContain(OTHER_COMMUNITY);
    const mine = await sessions.resident_silu!.request('GET', '/api/notices/mine');
    expect(mine.body).not.toContain('别的社区');
    for (const u of ['grid03', 'shop01']) {
      expect((await sessions[u]!.request('GET', '/api/notices/scopes')).statusCode).toBe(403);
      expect((await sessions[u]!.request('GET', '/api/notices/mine')).statusCode).toBe(403);
    }
  });

  it('nothing in the other community was written', async () => {
    const h = await repo.addressed(t.handle.db, noticeId, o.household);
    expect(h).toMatchObject({ read_at: null, told_at: null });
    const list = await repo.noticesUnder(t.handle.db, OTHER_COMMUNITY, null, 10);
    expect(list.map((n) => n.id)).toEqual([noticeId]);
  });
});
