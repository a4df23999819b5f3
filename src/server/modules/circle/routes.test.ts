import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';

const CODE = '620702004006';
let t: TestApp;
let staff: Session;

type Share = { households: number; people: number; elderly: number; children: number };
type Row = { category: string; profile: string; threshold: string; share: Share };

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('coverage on the demo community (its own roads)', () => {
  let body: {
    rows: Row[];
    totals: Share;
    gaps: { category: string; status: string }[];
    categories: { id: string; facilities: number }[];
    farFacilities: unknown[];
    homes: number;
    ms: number;
  };
  beforeAll(async () => {
    const r = await staff.request('GET', `/api/circle/${CODE}/coverage`);
    expect(r.statusCode, r.body).toBe(200);
    body = r.json();
  });
  it('counts the registry population', () => {
    expect(body.totals.households).toBeGreaterThanOrEqual(3329);
    expect(body.totals.elderly).toBeGreaterThan(1000);
    expect(body.categories.filter((c) => c.facilities > 0).length).toBeGreaterThanOrEqual(17);
    expect(body.farFacilities).toEqual([]);
  });
  it('gives sane shares: monotone in minutes, elderly profile never above standard, the deliberate gaps show', () => {
    const get = (c: string, p: string, th: string) =>
      body.rows.find((r) => r.category === c && r.profile === p && r.threshold === th)!.share;
    for (const c of ['elderly_day_care', 'wet_market', 'primary_school', 'kindergarten']) {
      expect(get(c, 'standard', 'min5').households).toBeLessThanOrEqual(get(c, 'standard', 'min10').households);
      expect(get(c, 'standard', 'min10').households).toBeLessThanOrEqual(get(c, 'standard', 'min15').households);
      for (const th of ['min5', 'min10', 'min15', 'gb'])
        expect(get(c, 'elderly', th).elderly).toBeLessThanOrEqual(get(c, 'standard', th).elderly + 1e-9);
    }
    const dc = get('elderly_day_care', 'elderly', 'gb').elderly;
    expect(dc).toBeGreaterThan(0.05);
    expect(dc).toBeLessThan(0.8);
    expect(get('elderly_day_care', 'standard', 'min15').households).toBeGreaterThan(0.9);
    expect(get('nursery', 'standard', 'min15').households).toBe(0);
    expect(body.gaps.find((g) => g.category === 'nursery')?.status).toBe('absent');
    expect(body.gaps.find((g) => g.category === 'elderly_day_care')?.status).toBe('partial');
  });
});

describe('per-building nearest, walking area, sites, what-if, report', () => {
  it('gives each building its nearest facility per category (m, min); residents see only their own', async () => {
    const res = await login(t.app, 'resident_silu');
    const own = await t.handle.db
      .selectFrom('households')
      .select('building_id')
      .where('id', '=', res.account.householdId!)
      .executeTakeFirstOrThrow();
    const r = await res.request('GET', `/api/circle/${CODE}/buildings/${own.building_id}/nearest`);
    expect(r.statusCode, r.body).toBe(200);
    const dc = r
      .json()
      .nearest.find(
        (n: { category: string; profile: string }) => n.category === 'elderly_day_care' && n.profile === 'elderly',
      );
    expect(dc.metres).toBeGreaterThan(0);
    expect(dc.minutes).toBeCloseTo(dc.metres / 0.9 / 60, 0);
    const other = await t.handle.db
      .selectFrom('buildings')
      .select('id')
      .where('community_code', '=', CODE)
      .where('id', '!=', own.building_id!)
      .executeTakeFirstOrThrow();
    expect((await res.request('GET', `/api/circle/${CODE}/buildings/${other.id}/nearest`)).statusCode).toBe(403);
    expect((await res.request('GET', `/api/circle/${CODE}/coverage`)).statusCode).toBe(403);
    expect((await staff.request('GET', `/api/circle/${CODE}/buildings/${other.id}/nearest`)).statusCode).toBe(200);
  });

  it('draws the walking area of a facility from the reached edges', async () => {
    const lay = (
      await staff.request('GET', `/api/circle/${CODE}/layer?category=elderly_day_care&profile=elderly`)
    ).json();
    expect(lay.homes.features.length).toBeGreaterThan(50);
    const f = lay.facilities[0];
    const r = await staff.request('GET', `/api/circle/${CODE}/area?facility=${f.id}&minutes=5&profile=elderly`);
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.limitM).toBe(270);
    expect(a.lines.coordinates.length).toBeGreaterThan(3);
    expect(a.polygon.coordinates.length).toBeGreaterThan(0);
    const big = (await staff.request('GET', `/api/circle/${CODE}/area?lon=${f.lon}&lat=${f.lat}&minutes=10`)).json();
    expect(big.reachedEdges).toBeGreaterThan(a.reachedEdges);
  });

  it('suggests where a second elderly day-care centre covers the most uncovered elderly; greedy ≤ exact', async () => {
    for (const candidates of ['freed', 'any'] as const) {
      const r = await staff.request('POST', `/api/circle/${CODE}/sites`, {
        category: 'elderly_day_care',
        k: 2,
        candidates,
        profile: 'elderly',
        weights: { base: 'none', elderly: 1, children: 0 },
      });
      expect(r.statusCode, r.body).toBe(200);
      const s = r.json();
      expect(s.picks.length).toBeGreaterThan(0);
      expect(s.picks[0].gain.elderly).toBeGreaterThan(10);
      expect(s.picks[0].weight).toBeGreaterThanOrEqual(s.picks[1]?.weight ?? 0);
      expect(s.exact).not.toBeNull();
      expect(s.greedy.covered).toBeLessThanOrEqual(s.exact.covered + 1e-6);
      expect(s.exact.gapPct).toBeGreaterThanOrEqual(0);
    }
  });

  it('what-if: adding never lowers coverage, removing never raises it', async () => {
    const lay = (
      await staff.request('GET', `/api/circle/${CODE}/layer?category=elderly_day_care&profile=elderly`)
    ).json();
    const home = lay.homes.features.find(
      (f: { properties: { covered: boolean; elderly: number } }) => !f.properties.covered && f.properties.elderly > 0,
    );
    const [lon, lat] = home.geometry.type === 'Point' ? home.geometry.coordinates : home.geometry.coordinates[0][0];
    const add = (
      await staff.request('POST', `/api/circle/${CODE}/whatif`, {
        category: 'elderly_day_care',
        profile: 'elderly',
        add: { lon, lat },
      })
    ).json();
    for (const k of ['min5', 'min10', 'min15', 'gb'])
      expect(add.after[k].covered.elderly).toBeGreaterThanOrEqual(add.before[k].covered.elderly);
    expect(add.after.gb.covered.elderly).toBeGreaterThan(add.before.gb.covered.elderly);
    const rem = (
      await staff.request('POST', `/api/circle/${CODE}/whatif`, {
        category: 'elderly_day_care',
        profile: 'elderly',
        remove: lay.facilities[0].id,
      })
    ).json();
    for (const k of ['min5', 'min10', 'min15', 'gb'])
      expect(rem.after[k].covered.elderly).toBeLessThanOrEqual(rem.before[k].covered.elderly);
    expect(rem.after.gb.covered.elderly).toBe(0);
    // Refusals survive the trip to the worker pool: a point far from any path, an unknown facility.
    const far = await staff.request('POST', `/api/circle/${CODE}/whatif`, {
      category: 'elderly_day_care',
      profile: 'elderly',
      add: { lon: lon + 0.2, lat },
    });
    expect([far.statusCode, far.json().error.code]).toEqual([422, 'CIRCLE_POINT_FAR']);
    const unknown = await staff.request('POST', `/api/circle/${CODE}/whatif`, {
      category: 'elderly_day_care',
      profile: 'elderly',
      remove: 'no-such-facility',
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'CIRCLE_UNKNOWN_FACILITY']);
  });

  it('prints the 一老一小 report as a PDF', async () => {
    const r = await staff.request('GET', `/api/circle/${CODE}/report.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.rawPayload.length).toBeGreaterThan(10_000);
  });
});
