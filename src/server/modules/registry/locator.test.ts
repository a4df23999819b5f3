/**
 * Routing follows grid imports at once: one locator per app, dropped on every boundary import, on this instance
 * and (PostgreSQL, LISTEN/NOTIFY through the event bus) on every other instance sharing the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { FeatureCollection } from 'geojson';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type DbHandle } from '../../platform/db/connect.ts';
import { PgBus } from '../../platform/events/bus.ts';
import { freshDb, login, testApp, TEST_PG_URL, TestClock, type Session, type TestApp } from '../../testing/harness.ts';
import { seedDemo } from '../../demo.ts';
import { BOUNDARIES_CHANGED } from './locator.ts';
import { COMMUNITY, SILU_GRID, SILU_POINT } from '../cases/testing/demo.ts';

/** The community's grids with the boundaries of the 丝路嘉苑 grid and another grid swapped (still a tiling). */
async function swapped(staff: Session): Promise<{ fc: FeatureCollection; other: string }> {
  const fc = (await staff.request('GET', `/api/places/${COMMUNITY}/geojson?kind=grids`)).json() as FeatureCollection;
  const a = fc.features.find((f) => f.properties?.code === SILU_GRID.code)!;
  const b = fc.features.find((f) => f.properties?.code !== SILU_GRID.code)!;
  [a.geometry, b.geometry] = [b.geometry, a.geometry];
  return { fc, other: String(b.properties?.code) };
}

async function fileCase(s: Session): Promise<{ gridCode: string | null; handlerCode: string | null }> {
  const r = await s.request('POST', '/api/cases', {
    categoryCode: 'X01',
    description: '路灯不亮',
    location: SILU_POINT,
  });
  expect(r.statusCode).toBe(201);
  return r.json().case;
}

describe('one app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a case filed right after a grid import goes to the new grid', async () => {
    const staff = await login(t.app, 'dh_staff');
    const resident = await login(t.app, 'resident_silu');
    expect((await fileCase(resident)).gridCode).toBe(SILU_GRID.code); // warms the locator
    const { fc, other } = await swapped(staff);
    const imp = await staff.request('POST', `/api/places/${COMMUNITY}/geojson`, {
      kind: 'grids',
      crs: 'wgs84',
      featureCollection: fc,
    });
    expect(imp.statusCode).toBe(200);
    expect(await fileCase(resident)).toMatchObject({ gridCode: other, handlerCode: other });
    const located = await staff.request('GET', `/api/geo/locate?lon=${SILU_POINT.lon}&lat=${SILU_POINT.lat}`);
    expect(located.json().grid.code).toBe(other);
  });
});

describe.skipIf(!TEST_PG_URL)('two instances on one PostgreSQL', () => {
  let h: DbHandle, h2: DbHandle, a: FastifyInstance, b: FastifyInstance;
  beforeAll(async () => {
    h = await freshDb();
    const clock = new TestClock();
    await seedDemo(h.db, clock.now());
    h2 = await openPostgres(h.url!, 5);
    const config = loadConfig({});
    const opts = { config, clock: clock.now, casesOptions: { schedulerIntervalMs: 0 } };
    a = await buildApp({ db: h.db, engine: 'postgres', events: await PgBus.connect(h.url!), ...opts });
    b = await buildApp({ db: h2.db, engine: 'postgres', events: await PgBus.connect(h.url!), ...opts });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await a.cases.module.bus.close();
    await b.cases.module.bus.close();
    await h2.close();
    await h.close();
  });

  it('a grid import on A re-routes the cases filed on B', async () => {
    const staffA = await login(a, 'dh_staff');
    const residentB = await login(b, 'resident_silu');
    expect((await fileCase(residentB)).gridCode).toBe(SILU_GRID.code); // B's locator is warm (old grids)
    const heard = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('B never heard of the import')), 10_000);
      const off = b.cases.module.bus.subscribe((e) => {
        if (e.topic !== BOUNDARIES_CHANGED) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
    const { fc, other } = await swapped(staffA);
    const imp = await staffA.request('POST', `/api/places/${COMMUNITY}/geojson`, {
      kind: 'grids',
      crs: 'wgs84',
      featureCollection: fc,
    });
    expect(imp.statusCode).toBe(200);
    await heard;
    expect(await fileCase(residentB)).toMatchObject({ gridCode: other, handlerCode: other });
  });
});
