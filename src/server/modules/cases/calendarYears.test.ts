/**
 * The working calendar's year tables live in the database: staff are warned when next year's table is
 * provisional or missing; district admins import a year; deadlines use the imported table at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { isWorkingDay } from './domain/calendar.ts';
import { DEFAULT_SCHEDULES } from './domain/holidays.ts';

let t: TestApp;
let admin: Session;
let staff: Session;
beforeAll(async () => {
  t = await testApp(); // clock: 2026-11-27
  admin = await login(t.app, 'gz_admin');
  staff = await login(t.app, 'dh_staff');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const y2027 = {
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-20'],
};

describe('calendar years', () => {
  it('migration 0010 seeded exactly the built-in years (it keeps its own frozen copy of them)', async () => {
    const rows = await t.handle.db
      .selectFrom('calendar_years')
      .select(['year', 'holidays', 'workdays', 'provisional', 'source'])
      .orderBy('year')
      .execute();
    expect(rows).toEqual(DEFAULT_SCHEDULES.map((s) => ({ ...s, source: 'built-in' })));
  });

  it('the built-in years are in the database, and staff see that 2027 is only provisional', async () => {
    const r = await staff.request('GET', '/api/cases/calendar/status');
    expect(r.statusCode).toBe(200);
    expect(r.json().warning).toEqual({ year: 2027, state: 'provisional' });
    expect(r.json().years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const resident = await login(t.app, 'resident_silu');
    expect((await resident.request('GET', '/api/cases/calendar/status')).statusCode).toBe(403);
  });

  it('only a district admin imports a year, and a bad table is refused naming the date', async () => {
    expect((await staff.request('PUT', '/api/cases/calendar/2027', y2027)).statusCode).toBe(403);
    const bad = await admin.request('PUT', '/api/cases/calendar/2027?lang=en', { ...y2027, workdays: ['2027-02-03'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CALENDAR_BAD_YEAR');
    expect(bad.json().error.message).toContain('2027-02-03');
  });

  it('an imported year is used by deadlines at once, clears the warning, and is audited', async () => {
    const cal0 = t.app.cases.module.opts.calendar;
    expect(isWorkingDay(cal0, '2027-02-11')).toBe(true); // the provisional table lacked it
    const r = await admin.request('PUT', '/api/cases/calendar/2027', y2027);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status.warning).toBeNull();
    const cal = t.app.cases.module.opts.calendar;
    expect(isWorkingDay(cal, '2027-02-11')).toBe(false);
    expect(isWorkingDay(cal, '2027-02-20')).toBe(true); // a Saturday made a working day
    const year = (await staff.request('GET', '/api/cases/calendar?year=2027')).json();
    expect(year).toMatchObject({ provisional: false, known: true, workdays: ['2027-02-20'] });
    const a = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'calendar_year').execute();
    expect(a.map((x) => [x.action, x.entity_id])).toEqual([['calendar.update', '2027']]);
  });

  it('a year with no table is reported as missing (deadlines would count Monday–Friday)', async () => {
    t.clock.advance(400 * 86_400_000); // 2028
    staff = await login(t.app, 'dh_staff'); // the old session has expired by then
    const r = (await staff.request('GET', '/api/cases/calendar/status')).json();
    expect(r.warning).toEqual({ year: 2028, state: 'missing' });
    expect((await staff.request('GET', '/api/cases/calendar?year=2028')).json()).toMatchObject({ known: false });
    expect((await staff.request('GET', '/api/cases/calendar')).json()).toMatchObject({ year: 2028, known: false });
  });
});
