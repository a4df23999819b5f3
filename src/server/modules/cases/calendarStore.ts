/**
 * The working calendar's year tables in the database: loading them into the module's calendar (at start, after
 * an import here, and when another instance announces an import), importing a year (district admins, or the
 * CLI), and the status staff see (which years are known, and a warning when this or next year is not).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit, type AuditActor } from '../../platform/audit.ts';
import { shanghaiDate } from '../../../shared/time.ts';
import { withSchedules, type WorkCalendar } from './domain/calendar.ts';
import { calendarWarning, checkYearSchedule, type CalendarWarning } from './domain/calendarYears.ts';
import type { YearSchedule } from './domain/holidays.ts';
import * as repo from './repository/calendar.ts';

/** Every year table in the database, oldest first. */
async function loadSchedules(db: Kysely<Database>): Promise<YearSchedule[]> {
  const rows = await repo.calendarYears(db);
  return rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, provisional: r.provisional }));
}

/** The calendar with its year tables replaced by the database's. */
export async function loadCalendar(db: Kysely<Database>, base: WorkCalendar): Promise<WorkCalendar> {
  return withSchedules(base, await loadSchedules(db));
}

/** A year table to import (as in the JSON file or the request body). */
export interface YearInput {
  holidays: string[];
  workdays: string[];
  provisional?: boolean | undefined;
}

/**
 * Validates and stores one year (replacing it if present) with an audit row, in one transaction.
 * @throws AppError CALENDAR_BAD_YEAR naming the first bad date.
 */
export async function importYear(
  db: Kysely<Database>,
  actor: AuditActor | null,
  year: number,
  input: YearInput,
  source: string,
  now: Date,
): Promise<YearSchedule> {
  const r = checkYearSchedule(year, input);
  if (!r.ok) {
    throw new AppError('CALENDAR_BAD_YEAR', {
      params: { year, date: r.problem.date.slice(0, 40), reason: r.problem.reason },
      details: r.problem,
    });
  }
  const s = r.schedule;
  await db.transaction().execute(async (trx) => {
    const before = await repo.calendarYear(trx, year);
    const values = {
      holidays: JSON.stringify(s.holidays),
      workdays: JSON.stringify(s.workdays),
      provisional: s.provisional,
      source,
      updated_at: now,
    };
    await repo.upsertCalendarYear(trx, year, values);
    await audit(trx, actor, {
      action: before ? 'calendar.update' : 'calendar.create',
      entity: 'calendar_year',
      entityId: String(year),
      scopeCode: null,
      before: before ? { holidays: before.holidays, workdays: before.workdays, provisional: before.provisional } : null,
      after: { holidays: s.holidays, workdays: s.workdays, provisional: s.provisional, source },
    });
  });
  return s;
}

/** What the staff console shows: the known years and the warning, if any. */
export function calendarStatus(
  cal: WorkCalendar,
  now: Date,
): { years: { year: number; provisional: boolean }[]; warning: CalendarWarning | null } {
  const years = [...(cal.years ?? new Map<number, boolean>()).entries()]
    .map(([year, provisional]) => ({ year, provisional }))
    .sort((a, b) => a.year - b.year);
  return { years, warning: calendarWarning(years, shanghaiDate(now)) };
}
