/**
 * The working calendar's year tables move into the database, so a district admin can import next year's
 * holidays when the State Council publishes them (no release needed). Seeded with the built-in years as they
 * were when this migration was written.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';
import { DEFAULT_SCHEDULES } from '../../../modules/cases/domain/holidays.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE calendar_years (
      year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
      holidays jsonb NOT NULL,
      workdays jsonb NOT NULL,
      provisional boolean NOT NULL,
      source text NOT NULL,
      updated_at timestamptz NOT NULL
    );
    `,
  );
  for (const s of DEFAULT_SCHEDULES) {
    await sql`INSERT INTO calendar_years (year, holidays, workdays, provisional, source, updated_at)
      VALUES (${s.year}, ${JSON.stringify(s.holidays)}::jsonb, ${JSON.stringify(s.workdays)}::jsonb,
        ${s.provisional}, 'built-in', now())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calendar_years`.execute(db);
}
