/**
 * The yearly holiday tables as data: checking an imported year, and whether staff must be warned that a year's
 * table is missing (deadlines would silently count Monday–Friday) or only provisional. Pure.
 */
import type { YearSchedule } from './holidays.ts';

/** Why an imported year's table is refused. */
export type YearScheduleProblem =
  | { reason: 'bad_date'; date: string }
  | { reason: 'other_year'; date: string }
  | { reason: 'both_lists'; date: string }
  | { reason: 'workday_not_weekend'; date: string }
  | { reason: 'too_many'; date: string };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date (no 02-30, no month 13); never throws (an invalid Date has no ISO string). */
const isRealDate = (d: string) => {
  const t = ISO.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/**
 * Checks one year's table: real dates of that year, no date both off and a make-up working day, make-up days
 * on weekends (a weekday is a working day anyway), and at most 60 holidays. Returns the normalised (sorted,
 * de-duplicated) schedule or the first problem.
 */
export function checkYearSchedule(
  year: number,
  input: { holidays: readonly string[]; workdays: readonly string[]; provisional?: boolean },
): { ok: true; schedule: YearSchedule } | { ok: false; problem: YearScheduleProblem } {
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  for (const d of [...holidays, ...workdays]) {
    if (!isRealDate(d)) return { ok: false, problem: { reason: 'bad_date', date: d } };
    if (!d.startsWith(`${year}-`)) return { ok: false, problem: { reason: 'other_year', date: d } };
  }
  const off = new Set(holidays);
  for (const d of workdays) {
    if (off.has(d)) return { ok: false, problem: { reason: 'both_lists', date: d } };
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) return { ok: false, problem: { reason: 'workday_not_weekend', date: d } };
  }
  if (holidays.length > 60) return { ok: false, problem: { reason: 'too_many', date: holidays[60] ?? '' } };
  return { ok: true, schedule: { year, holidays, workdays, provisional: input.provisional ?? false } };
}

/** What staff are told about the calendar: the first year (this or next) whose table is missing or provisional. */
export interface CalendarWarning {
  year: number;
  state: 'missing' | 'provisional';
}

/**
 * The warning for `today` (a Shanghai date): this year's table missing or provisional, else next year's. Next
 * year is checked all year round, as deadlines set in December already run into January.
 */
export function calendarWarning(
  years: readonly Pick<YearSchedule, 'year' | 'provisional'>[],
  today: string,
): CalendarWarning | null {
  const y = Number(today.slice(0, 4));
  for (const year of [y, y + 1]) {
    const s = years.find((x) => x.year === year);
    if (!s) return { year, state: 'missing' };
    if (s.provisional) return { year, state: 'provisional' };
  }
  return null;
}
