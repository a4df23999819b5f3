/** Two app instances on one PostgreSQL: a holiday table imported on A is used by B's deadlines too. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type DbHandle } from '../../platform/db/connect.ts';
import { PgBus } from '../../platform/events/bus.ts';
import { freshDb, login, TEST_PG_URL, TestClock } from '../../testing/harness.ts';
import { seedDemo } from '../../demo.ts';
import { isWorkingDay } from './domain/calendar.ts';

describe.skipIf(!TEST_PG_URL)('calendar import across instances (PostgreSQL)', () => {
  let h: DbHandle, h2: DbHandle, a: FastifyInstance, b: FastifyInstance;
  beforeAll(async () => {
    h = await freshDb();
    const clock = new TestClock();
    await seedDemo(h.db, clock.now());
    h2 = await openPostgres(h.url!, 5);
    const config = loadConfig({});
    const app = async (hd: DbHandle) =>
      buildApp({
        db: hd.db,
        engine: 'postgres',
        config,
        clock: clock.now,
        events: await PgBus.connect(h.url!),
        casesOptions: { schedulerIntervalMs: 0 },
      });
    a = await app(h);
    b = await app(h2);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await a?.cases.module.bus.close();
    await b?.cases.module.bus.close();
    await h2?.close();
    await h?.close();
  });

  it('B reloads its calendar when A imports a year', async () => {
    expect(isWorkingDay(b.cases.module.opts.calendar, '2027-02-11')).toBe(true);
    const admin = await login(a, 'gz_admin');
    const r = await admin.request('PUT', '/api/cases/calendar/2027', {
      holidays: ['2027-01-01', '2027-02-11'],
      workdays: ['2027-02-20'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const until = Date.now() + 10_000;
    while (isWorkingDay(b.cases.module.opts.calendar, '2027-02-11') && Date.now() < until) {
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(isWorkingDay(b.cases.module.opts.calendar, '2027-02-11')).toBe(false);
    expect(b.cases.module.opts.calendar.years?.get(2027)).toBe(false);
  });
});
