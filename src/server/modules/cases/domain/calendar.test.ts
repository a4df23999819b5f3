import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  addWorkingMinutes,
  deadline,
  isWorkingDay,
  isWorkingTime,
  localDate,
  makeCalendar,
} from './calendar.ts';

const cal = makeCalendar();
const at = (s: string) => new Date(s);
const instant = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-10-01T00:00:00Z') })
  .map((t) => new Date(t));

describe('working calendar', () => {
  it('knows holidays, weekends and 调休 make-up days', () => {
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday make-up day
    expect(isWorkingDay(cal, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // Spring Festival Monday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday make-up day
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2024-06-10')).toBe(false);
  });

  it('counts working hours across lunch and nights (Asia/Shanghai)', () => {
    // Friday 2026-11-27 10:00 local = 02:00Z; 4 working hours: 10:00–12:00 (2h) + 14:30–16:30.
    expect(deadline(cal, at('2026-11-27T02:00:00Z'), { amount: 4, unit: 'work_hours' }).toISOString()).toBe(
      '2026-11-27T08:30:00.000Z',
    );
    // Friday 17:00 + 2 working hours → Monday 09:30.
    expect(addWorkingMinutes(cal, at('2026-11-27T09:00:00Z'), 120).toISOString()).toBe('2026-11-30T01:30:00.000Z');
    // Before National Day: Wednesday 30 Sep 17:00 + 2h → Thursday 8 Oct 09:30 (1–7 Oct off).
    expect(addWorkingMinutes(cal, at('2026-09-30T09:00:00Z'), 120).toISOString()).toBe('2026-10-08T01:30:00.000Z');
    // Friday 9 Oct 17:00 + 2h → Saturday 10 Oct (make-up day) 09:30.
    expect(addWorkingMinutes(cal, at('2026-10-09T09:00:00Z'), 120).toISOString()).toBe('2026-10-10T01:30:00.000Z');
  });

  it('working days end at the close of the n-th working day after the report date', () => {
    expect(addWorkingDays(cal, at('2026-11-27T02:00:00Z'), 1).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(addWorkingDays(cal, at('2026-02-13T02:00:00Z'), 1).toISOString()).toBe('2026-02-14T10:00:00.000Z');
    expect(addWorkingDays(cal, at('2026-02-14T02:00:00Z'), 1).toISOString()).toBe('2026-02-24T10:00:00.000Z');
  });

  it('natural hours are plain clock time', () => {
    expect(deadline(cal, at('2026-10-01T02:00:00Z'), { amount: 2, unit: 'hours' }).toISOString()).toBe(
      '2026-10-01T04:00:00.000Z',
    );
  });

  it('property: deadlines are monotone in the start and strictly later', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 3000 }), (a, b, m) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const dx = addWorkingMinutes(cal, x, m),
          dy = addWorkingMinutes(cal, y, m);
        expect(dx.getTime()).toBeLessThanOrEqual(dy.getTime());
        expect(dx.getTime()).toBeGreaterThan(x.getTime());
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 30 }), (a, b, d) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(cal, x, d).getTime()).toBeLessThanOrEqual(addWorkingDays(cal, y, d).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('property: a working-hours deadline lands in working time on a working day (or at a period end)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 3000 }), (a, m) => {
        const d = addWorkingMinutes(cal, a, m);
        expect(isWorkingDay(cal, localDate(d))).toBe(true);
        expect(isWorkingTime(cal, d) || isWorkingTime(cal, new Date(d.getTime() - 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: more minutes never give an earlier deadline; days land on working days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, m, k) => {
        expect(addWorkingMinutes(cal, a, m).getTime()).toBeLessThanOrEqual(addWorkingMinutes(cal, a, m + k).getTime());
        expect(isWorkingDay(cal, localDate(addWorkingDays(cal, a, 1 + (k % 20))))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses overlapping working periods', () => {
    expect(() =>
      makeCalendar(undefined, [
        ['08:00', '12:00'],
        ['11:00', '13:00'],
      ]),
    ).toThrow();
  });
});
