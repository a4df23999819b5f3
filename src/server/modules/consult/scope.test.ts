/**
 * Scope of every /api/consult/ and /api/public/consult/ route: each one is listed here (completeness), and each is
 * sent by four users of the demo community at the other community's real objects — refused, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, type OtherIds } from '../../testing/fixtures.ts';
import { addOtherConsult, type OtherConsult } from './testing/other.ts';
import { scanJpeg } from './testing/setup.ts';

let t: TestApp;
let o: OtherIds;
let c: OtherConsult;
let scan = '';
const sessions: Record<string, Session> = {};

type Case = { method: 'GET' | 'POST'; url: () => string; body?: () => unknown };
const cases: Record<string, Case> = {
  'GET /api/consult/topics/:id': { method: 'GET', url: () => `/api/consult/topics/${c.topic}` },
  'POST /api/consult/topics': {
    method: 'POST',
    url: () => '/api/consult/topics',
    body: () => ({
      communityCode: OTHER_COMMUNITY,
      scope: { kind: 'building', id: o.building },
      title: '入侵',
      body: '入侵',
    }),
  },
  'POST /api/consult/topics/:id/stage': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/stage`,
    body: () => ({ to: 'acceptance' }),
  },
  'POST /api/consult/topics/:id/comments': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/comments`,
    body: () => ({ body: '入侵', parentId: c.comment }),
  },
  'POST /api/consult/topics/:id/support': { method: 'POST', url: () => `/api/consult/topics/${c.topic}/support` },
  'POST /api/consult/topics/:id/proposals': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/proposals`,
    body: () => ({ title: '入侵', body: '入侵', alternatives: [] }),
  },
  'POST /api/consult/topics/:id/meetings': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/meetings`,
    body: () => ({
      kind: 'council',
      heldAt: '2026-11-20T00:00:00Z',
      agenda: ['x'],
      households: [o.household],
      minutes: 'x',
      decisions: [],
    }),
  },
  'POST /api/consult/topics/:id/drawings': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/drawings`,
    body: () => ({ title: 'x', note: '', filename: 'x.jpg', data: scan }),
  },
  'GET /api/consult/drawings/:id': { method: 'GET', url: () => `/api/consult/drawings/${c.drawing}` },
  'POST /api/consult/topics/:id/votes': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/votes`,
    body: () => ({
      title: 'x',
      kind: 'households',
      matter: 'ordinary',
      secret: false,
      closesAt: '2027-01-01T00:00:00Z',
    }),
  },
  'POST /api/consult/votes/:id/ballot': {
    method: 'POST',
    url: () => `/api/consult/votes/${c.vote}/ballot`,
    body: () => ({ choice: 'yes' }),
  },
  'POST /api/consult/votes/:id/paper': {
    method: 'POST',
    url: () => `/api/consult/votes/${c.vote}/paper`,
    body: () => ({ householdId: o.household, serial: 'X-1', choice: 'yes', scan }),
  },
  'POST /api/consult/votes/:id/close': { method: 'POST', url: () => `/api/consult/votes/${c.vote}/close` },
  'GET /api/consult/votes/:id/tally': { method: 'GET', url: () => `/api/consult/votes/${c.vote}/tally` },
  'POST /api/consult/votes/:id/receipt': {
    method: 'POST',
    url: () => `/api/consult/votes/${c.vote}/receipt`,
    body: () => ({ code: 'ABCDEFGHIJ' }),
  },
  'POST /api/consult/topics/:id/project': {
    method: 'POST',
    url: () => `/api/consult/topics/${c.topic}/project`,
    body: () => ({
      title: 'x',
      budgetFen: 1,
      contractor: 'x',
      lon: 100.48,
      lat: 38.93,
      milestones: [0, 1, 2].map(() => ({ startsOn: '2026-12-01', dueOn: '2026-12-31' })),
    }),
  },
  'POST /api/consult/projects/:id/milestones/:seq': {
    method: 'POST',
    url: () => `/api/consult/projects/${c.project}/milestones/1`,
    body: () => ({ progress: 100 }),
  },
  'POST /api/consult/projects/:id/photos': {
    method: 'POST',
    url: () => `/api/consult/projects/${c.project}/photos`,
    body: () => ({ phase: 'after', filename: 'x.jpg', data: scan }),
  },
  'GET /api/consult/photos/:id': { method: 'GET', url: () => `/api/consult/photos/${c.photo}` },
  // public: the other community's topic is not published, so nothing of it is served
  'GET /api/public/consult/:community/topics': {
    method: 'GET',
    url: () => `/api/public/consult/${OTHER_COMMUNITY}/topics`,
  },
  'GET /api/public/consult/topics/:id': { method: 'GET', url: () => `/api/public/consult/topics/${c.topic}` },
  'GET /api/public/consult/votes/:id/tally.json': {
    method: 'GET',
    url: () => `/api/public/consult/votes/${c.vote}/tally.json`,
  },
  'GET /api/public/consult/drawings/:id': { method: 'GET', url: () => `/api/public/consult/drawings/${c.drawing}` },
  'GET /api/public/consult/photos/:id': { method: 'GET', url: () => `/api/public/consult/photos/${c.photo}` },
};
/** Routes with no id and no place: they list only what the caller's own scope holds. */
const unscoped = new Set(['GET /api/consult/topics']);

const COUNTED = [
  'consult_topics',
  'consult_stage_dates',
  'consult_comments',
  'consult_supports',
  'consult_proposals',
  'consult_meetings',
  'consult_drawings',
  'consult_votes',
  'consult_participants',
  'consult_ballots',
  'consult_projects',
  'consult_project_photos',
] as const;
async function counts() {
  const out: Record<string, unknown> = {};
  for (const table of COUNTED) {
    out[table] = (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n;
  }
  out.milestones = await t.handle.db.selectFrom('consult_milestones').selectAll().orderBy('seq').execute();
  out.topic = await t.handle.db.selectFrom('consult_topics').selectAll().where('id', '=', c.topic).execute();
  return JSON.stringify(out);
}
let before = '';

beforeAll(async () => {
  t = await testApp();
  o = await addOtherCommunity(t.handle.db);
  c = await addOtherConsult(t.handle.db, o);
  scan = await scanJpeg();
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) sessions[u] = await login(t.app, u);
  before = await counts();
}, 120_000);
afterAll(async () => t?.close());

describe('consult scope', () => {
  it('every consult route is listed here', () => {
    const mine = t.app.routeList
      .filter((r) => r.url.startsWith('/api/consult/') || r.url.startsWith('/api/public/consult/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !k.startsWith('HEAD '));
    const missing = mine.filter((k) => !(k in cases) && !unscoped.has(k));
    expect(missing).toEqual([]);
    expect(mine.length).toBe(Object.keys(cases).length + unscoped.size);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    it(`${user}: every route aimed at the other community is refused`, async () => {
      const s = sessions[user]!;
      for (const [route, k] of Object.entries(cases)) {
        const r = await s.request(k.method, k.url(), k.body?.());
        if (route === 'GET /api/public/consult/:community/topics') {
          expect(r.json()).toEqual({ items: [] });
          continue;
        }
        expect([403, 404], `${route}: ${r.body}`).toContain(r.statusCode);
        expect(r.body).not.toContain('他社区');
      }
      const mine = await s.request('GET', '/api/consult/topics');
      expect(mine.body).not.toContain('他社区');
    });
  }

  it('nothing of the other community was written', async () => {
    expect(await counts()).toBe(before);
  });
});
