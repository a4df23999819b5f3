import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarWarning, checkYearSchedule } from './calendarYears.ts';
import { DEFAULT_SCHEDULES } from './holidays.ts';

describe('importable year tables', () => {
  it('accepts the built-in years as they are', () => {
    for (const s of DEFAULT_SCHEDULES) expect(checkYearSchedule(s.year, s)).toEqual({ ok: true, schedule: s });
  });
  it('refuses impossible dates, another year, a day in both lists and a weekday make-up day', () => {
    const c = (holidays: string[], workdays: string[] = []) => checkYearSchedule(2027, { holidays, workdays });
    expect(c(['2027-02-30'])).toMatchObject({ ok: false, problem: { reason: 'bad_date' } });
    expect(c(['2027-13-45'])).toMatchObject({ ok: false, problem: { reason: 'bad_date' } });
    expect(c(['2028-01-01'])).toMatchObject({ ok: false, problem: { reason: 'other_year' } });
    expect(c(['2027-02-06'], ['2027-02-06'])).toMatchObject({ ok: false, problem: { reason: 'both_lists' } });
    expect(c([], ['2027-02-03'])).toMatchObject({ ok: false, problem: { reason: 'workday_not_weekend' } });
    expect(c(['2027-01-01', '2027-01-01'], ['2027-02-20'])).toMatchObject({
      ok: true,
      schedule: { holidays: ['2027-01-01'], workdays: ['2027-02-20'], provisional: false },
    });
  });
  it('never throws on arbitrary strings, date-shaped or not', () => {
    const dateLike = fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    fc.assert(
      fc.property(fc.array(dateLike), fc.array(dateLike), (h, w) => {
        checkYearSchedule(2027, { holidays: h, workdays: w });
      }),
    );
  });
});

describe('calendar warning', () => {
  const years = [
    { year: 2026, provisional: false },
    { year: 2027, provisional: true },
  ];
  it('warns about next year when it is provisional or missing, and about this year first', () => {
    expect(calendarWarning(years, '2026-11-27')).toEqual({ year: 2027, state: 'provisional' });
    expect(calendarWarning(years, '2027-03-01')).toEqual({ year: 2027, state: 'provisional' });
    expect(calendarWarning([{ year: 2027, provisional: false }], '2027-03-01')).toEqual({
      year: 2028,
      state: 'missing',
    });
    expect(calendarWarning(years, '2028-01-02')).toEqual({ year: 2028, state: 'missing' });
    expect(calendarWarning([...years.slice(0, 1), { year: 2027, provisional: false }], '2026-05-01')).toBeNull();
  });
});
