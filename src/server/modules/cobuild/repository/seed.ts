/** Bulk inserts of the demo story (one statement per table, in foreign-key order). */
import type { Insertable } from 'kysely';
import type { CobuildTables } from '../schema.ts';
import type { Db } from './db.ts';

/** Rows of each table for one bulk load. */
export type SeedRows = { [K in keyof CobuildTables]?: Insertable<CobuildTables[K]>[] };

/** Inserts the rows table by table, 500 rows per statement. */
export async function bulkInsert(db: Db, rows: SeedRows): Promise<void> {
  const order: (keyof CobuildTables)[] = [
    'cobuild_units',
    'cobuild_commitments',
    'cobuild_resources',
    'cobuild_members',
    'cobuild_needs',
    'cobuild_projects',
    'cobuild_project_updates',
    'cobuild_evidence',
    'cobuild_volunteers',
    'cobuild_activities',
    'cobuild_signups',
    'cobuild_attendance',
    'cobuild_hours',
  ];
  for (const table of order) {
    const list = (rows[table] ?? []) as Insertable<CobuildTables[typeof table]>[];
    for (let i = 0; i < list.length; i += 500)
      // one loop over tables whose row types differ: each list was typed by its key in SeedRows
      await db
        .insertInto(table)
        .values(list.slice(i, i + 500) as never)
        .execute();
  }
}

/** Whether the demo story is already there (a second seed run does nothing). */
export async function anyUnit(db: Db, communityCode: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('cobuild_units')
      .select('id')
      .where('community_code', '=', communityCode)
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}
