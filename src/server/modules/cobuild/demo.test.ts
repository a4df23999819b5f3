/** The demo story: fast, a year of activity, the open need the browser test claims, ledger = balances. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, testApp, type TestApp } from '../../testing/harness.ts';
import { overviewTiles, seedDemoCobuild } from './index.ts';
import { C } from './testing/fixtures.ts';

let t: TestApp;
let ms = 0;
beforeAll(async () => {
  t = await testApp();
  const start = performance.now();
  await seedDemoCobuild(t.handle.db, t.clock.now());
  ms = performance.now() - start;
}, 120_000);
afterAll(() => t?.close());

describe('cobuild demo story', () => {
  it('seeds a year of units, needs, projects and activities within a generous budget', async () => {
    expect(ms).toBeLessThan(15_000); // ~1 s measured on PGlite; a busy 2-core machine gets room
    const staff = await login(t.app, 'dh_staff');
    const units = (await staff.request('GET', `/api/cobuild/units?code=${C}`)).json().units;
    expect(units).toHaveLength(8);
    const needs = (await staff.request('GET', `/api/cobuild/needs?code=${C}&status=open`)).json().needs;
    expect(needs.map((n: { title: string }) => n.title)).toContain('陪伴独居老人读报');
    const projects = (await staff.request('GET', `/api/cobuild/projects?code=${C}`)).json().projects;
    expect(projects.filter((p: { status: string }) => p.status === 'done')).toHaveLength(7);
    const acts = (await staff.request('GET', `/api/cobuild/activities?code=${C}`)).json().activities;
    expect(acts.length).toBe(26);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/cobuild/${C}/units` })).json();
    expect(pub.units.reduce((s: number, u: { projectsDone: number }) => s + u.projectsDone, 0)).toBe(7);
  });

  it('keeps every balance equal to its ledger sum, and a second run adds nothing', async () => {
    const bad = await sql<{ id: string }>`
      select v.id from cobuild_volunteers v
      left join (select volunteer_id, sum(minutes) as s from cobuild_hours group by volunteer_id) h
        on h.volunteer_id = v.id
      where v.balance_minutes <> coalesce(h.s, 0)`.execute(t.handle.db);
    expect(bad.rows).toEqual([]);
    await seedDemoCobuild(t.handle.db, t.clock.now());
    const n = await sql<{ n: number | string }>`select count(*) as n from cobuild_units`.execute(t.handle.db);
    expect(Number(n.rows[0]?.n)).toBe(8);
  });

  it('gives the overview its tiles: hours this month and projects open and done', async () => {
    const tiles = await overviewTiles(t.handle.db, C, t.clock.now());
    expect(tiles.map((x) => x.key)).toEqual([
      'cobuild.volunteerHoursMonth',
      'cobuild.projectsOpen',
      'cobuild.projectsDone',
    ]);
    expect(tiles[1]!.value).toBe(3);
    expect(tiles[2]!.value).toBe(7);
    expect(typeof tiles[0]!.value).toBe('number');
    for (const x of tiles) expect(x.href).toMatch(/^\/cobuild\//);
  });
});
