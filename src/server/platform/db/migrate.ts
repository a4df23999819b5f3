/** Runs the forward-only migrations in order (kysely Migrator); the same files serve PGlite and PostgreSQL. */
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_cases.ts';
import * as m0003 from './migrations/0003_circle.ts';
import * as m0004 from './migrations/0004_open311.ts';
import * as m0006 from './migrations/0006_password_change.ts';
import * as m0007 from './migrations/0007_audit_chain.ts';
import * as m0008 from './migrations/0008_runtime.ts';
import * as m0010 from './migrations/0010_calendar_years.ts';
import * as m0018 from './migrations/0018_elder_mode.ts';
import * as m0014 from './migrations/0014_cobuild.ts';
import * as m0015 from './migrations/0015_care_notices.ts';
import * as m0011 from './migrations/0011_fund.ts';
import * as m0012 from './migrations/0012_shop.ts';
import * as m0013 from './migrations/0013_consult.ts';

/** Every migration, in order. A new module appends its file here. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_circle': m0003,
  '0004_open311': m0004,
  '0006_password_change': m0006,
  '0007_audit_chain': m0007,
  '0008_runtime': m0008,
  '0010_calendar_years': m0010,
  '0018_elder_mode': m0018,
  '0014_cobuild': m0014,
  '0015_care_notices': m0015,
  '0011_fund': m0011,
  '0012_shop': m0012,
  '0013_consult': m0013,
};

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
