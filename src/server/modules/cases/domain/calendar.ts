/**
 * The working calendar and deadline arithmetic (pure). Working time is counted in Asia/Shanghai (UTC+8, no
 * daylight saving since 1991) over configurable daily periods on working days: Monday–Friday unless a public
 * holiday, plus 调休 make-up weekend days. Invariants (property-tested): results are monotone in the start
 * instant, never fall outside working time for working units, and skip holidays and weekends.
 */
import { DEFAULT_SCHEDULES, type YearSchedule } from './holidays.ts';
import { shanghaiDate, shanghaiMidnightMs } from '../../../../shared/time.ts';
const DAY_MS = 86_400_000;

/** A working calendar: holiday and make-up tables plus the daily working periods. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** Daily periods in minutes after local midnight, sorted and disjoint, e.g. [[510, 720], [870, 1080]]. */
  periods: readonly (readonly [number, number])[];
  /** The years whose tables the calendar holds (year → provisional); a year not here counts Monday–Friday. */
  years?: ReadonlyMap<number, boolean>;
}

/** A time limit: an amount in working hours, working days or natural (clock) hours. */
export interface Limit {
  amount: number;
  unit: 'work_hours' | 'work_days' | 'hours';
}

/** Parses 'HH:MM' to minutes after midnight. */
function hm(s: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad time ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Builds a calendar from schedules and 'HH:MM' periods (defaults: 2024–2027, 08:30–12:00 and 14:30–18:00). */
export function makeCalendar(
  schedules: readonly YearSchedule[] = DEFAULT_SCHEDULES,
  periods: readonly [string, string][] = [
    ['08:30', '12:00'],
    ['14:30', '18:00'],
  ],
): WorkCalendar {
  const p = periods.map(([a, b]) => [hm(a), hm(b)] as const).sort((x, y) => x[0] - y[0]);
  for (let i = 0; i < p.length; i++) {
    if (p[i]![0] >= p[i]![1] || (i > 0 && p[i - 1]![1] > p[i]![0]))
      throw new Error('working periods must be increasing and disjoint');
  }
  return withSchedules({ holidays: new Set(), workdays: new Set(), periods: p }, schedules);
}

/** The same working hours over other year tables (e.g. the tables read from the database). */
export function withSchedules(cal: WorkCalendar, schedules: readonly YearSchedule[]): WorkCalendar {
  return {
    holidays: new Set(schedules.flatMap((s) => s.holidays)),
    workdays: new Set(schedules.flatMap((s) => s.workdays)),
    periods: cal.periods,
    years: new Map(schedules.map((s) => [s.year, s.provisional])),
  };
}

/** The local (Asia/Shanghai) date of an instant as 'YYYY-MM-DD'. */
export function localDate(t: Date | number): string {
  return shanghaiDate(t);
}

/** UTC ms of local midnight of a local date. */
function midnightMs(date: string): number {
  return shanghaiMidnightMs(date);
}

/** True when a local date is a working day. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** True when an instant lies inside working time (periods are half-open [start, end)). */
export function isWorkingTime(cal: WorkCalendar, t: Date): boolean {
  const d = localDate(t);
  if (!isWorkingDay(cal, d)) return false;
  const min = (t.getTime() - midnightMs(d)) / 60_000;
  return cal.periods.some(([a, b]) => min >= a && min < b);
}

/**
 * Adds working minutes to an instant: walks forward through the working periods of working days.
 * A deadline that is used up exactly at the end of a period lands on that end. `minutes` must be > 0.
 * Gives up (throws) after 3 years without working time, which only a broken calendar can cause.
 */
export function addWorkingMinutes(cal: WorkCalendar, start: Date, minutes: number): Date {
  if (!(minutes > 0)) throw new Error('minutes must be positive');
  let left = minutes * 60_000;
  let day = localDate(start);
  for (let i = 0; i < 1100; i++) {
    const mid = midnightMs(day);
    if (isWorkingDay(cal, day)) {
      for (const [a, b] of cal.periods) {
        const from = Math.max(mid + a * 60_000, start.getTime());
        const to = mid + b * 60_000;
        if (to <= from) continue;
        if (to - from >= left) return new Date(from + left);
        left -= to - from;
      }
    }
    day = localDate(mid + DAY_MS);
  }
  throw new Error('no working time within 3 years');
}

/**
 * Adds working days: the deadline is the end of the working day that is the `days`-th working day after the
 * start's local date (a case reported on Friday with 1 working day is due at Monday's close).
 */
export function addWorkingDays(cal: WorkCalendar, start: Date, days: number): Date {
  if (!(days > 0) || !Number.isInteger(days)) throw new Error('days must be a positive integer');
  const end = cal.periods[cal.periods.length - 1]![1];
  let day = localDate(start);
  let left = days;
  for (let i = 0; i < 1100; i++) {
    day = localDate(midnightMs(day) + DAY_MS);
    if (isWorkingDay(cal, day) && --left === 0) return new Date(midnightMs(day) + end * 60_000);
  }
  throw new Error('no working day within 3 years');
}

/** The deadline of a limit counted from `start`. */
export function deadline(cal: WorkCalendar, start: Date, limit: Limit): Date {
  switch (limit.unit) {
    case 'hours':
      return new Date(start.getTime() + limit.amount * 3_600_000);
    case 'work_hours':
      return addWorkingMinutes(cal, start, limit.amount * 60);
    case 'work_days':
      return addWorkingDays(cal, start, limit.amount);
  }
}

/** The calendar's tables for one year, for display. */
export function yearTable(cal: WorkCalendar, year: number) {
  const y = String(year);
  return {
    year,
    holidays: [...cal.holidays].filter((d) => d.startsWith(y)).sort(),
    workdays: [...cal.workdays].filter((d) => d.startsWith(y)).sort(),
    hours: cal.periods.map(([a, b]) => [fmt(a), fmt(b)]),
    provisional: cal.years?.get(year) ?? true,
    /** False when the calendar has no table for the year: deadlines then count Monday–Friday only. */
    known: cal.years?.has(year) ?? false,
  };
}

const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
