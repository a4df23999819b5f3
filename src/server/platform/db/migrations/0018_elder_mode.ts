/**
 * Elder mode (长辈版) belongs to the person, not the device (people-facing UX issue, item 2): the account keeps the
 * choice. NULL until the person has chosen; residents aged 60+ or living alone then see elder mode by default and
 * are asked once.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE accounts ADD COLUMN elder_mode boolean;');
}
