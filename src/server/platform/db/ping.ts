/** The trivial query /healthz asks the database (platform/db is the platform's SQL home, see actors.ts). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Reads at most one place code: resolves when the database answers, rejects when it does not. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('places').select('code').limit(1).execute();
}
