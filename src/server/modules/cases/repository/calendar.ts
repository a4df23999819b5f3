/** SQL of the working calendar's year tables (calendar_years). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every year table, oldest first. */
export function calendarYears(db: Db) {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

/** One year's table, if stored. */
export function calendarYear(db: Db, year: number) {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Stores one year's table (jsonb columns as JSON strings), replacing it when present. */
export async function upsertCalendarYear(
  db: Db,
  year: number,
  values: { holidays: string; workdays: string; provisional: boolean; source: string; updated_at: Date },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}
