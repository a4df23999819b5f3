/**
 * Accounts made or reset by someone else must choose their own password at the next login (privacy/security
 * issue, item 9): the flag stays true until the account holder changes the password.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, 'ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;');
}
