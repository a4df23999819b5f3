/**
 * The overview: every /api/overview route is listed; users of the demo community cannot read another
 * community's numbers; the secretary's tiles carry each module's numbers with links; a street sees its
 * communities side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY } from '../../testing/fixtures.ts';
import { seedDemoCare } from '../care/index.ts';
import { seedDemoNotices } from '../notices/index.ts';

let t: TestApp;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await testApp();
  await addOtherCommunity(t.handle.db);
  await seedDemoCare(t.handle.db, t.clock.now());
  await seedDemoNotices(t.handle.db, t.clock.now());
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01', 'bj_street']) sessions[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Tile = { key: string; value: number | string; href: string };

describe('overview', () => {
  it('every /api/overview route is covered here', () => {
    const mine = t.app.routeList.filter((r) => r.url.startsWith('/api/overview')).map((r) => `${r.method} ${r.url}`);
    expect(mine).toEqual(['GET /api/overview/tiles']);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    it(`${user}: another community's overview is refused`, async () => {
      const r = await sessions[user]!.request('GET', `/api/overview/tiles?code=${OTHER_COMMUNITY}`);
      expect([403, 404]).toContain(r.statusCode);
      expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(r.json().error.code);
    });
  }

  it("the secretary's page shows cases, care and notice numbers, each with its link", async () => {
    const r = await sessions.dh_staff!.request('GET', '/api/overview/tiles');
    expect(r.statusCode).toBe(200);
    const tiles = r.json().tiles as Tile[];
    const by = new Map(tiles.map((x) => [x.key, x]));
    for (const k of [
      'cases.open',
      'cases.overdue',
      'cases.response',
      'care.overdue',
      'care.due',
      'notices.urgentUnread',
    ])
      expect(by.get(k)?.href).toMatch(/^\//);
    const summary = (await sessions.dh_staff!.request('GET', '/api/care/summary')).json();
    expect(by.get('care.overdue')!.value).toBe(summary.overdue);
    expect(by.get('notices.urgentUnread')!.value).toBeGreaterThan(0);
    expect(Number(by.get('cases.open')!.value)).toBeGreaterThan(0);
  });

  it('a street sees its communities side by side, and the street total adds them up', async () => {
    const r = await sessions.bj_street!.request('GET', '/api/overview/tiles');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { tiles: Tile[]; communities: { code: string; tiles: Tile[] }[] };
    expect(body.communities.map((c) => c.code)).toEqual(['620702004006', OTHER_COMMUNITY]);
    const sum = (k: string) =>
      body.communities.reduce((n, c) => n + Number(c.tiles.find((x) => x.key === k)!.value), 0);
    for (const k of ['care.overdue', 'cases.open', 'notices.urgentUnread'])
      expect(Number(body.tiles.find((x) => x.key === k)!.value)).toBe(sum(k));
  });
});
