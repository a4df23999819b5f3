/**
 * The auth module's SQL: one named function per query over its own tables (accounts, sessions). Callers pass the
 * db or the transaction they are in; place and resident data come from the registry's exported functions.
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AccountsTable, Database, SessionsTable } from '../../platform/db/schema.ts';
import { likePrefix } from '../../platform/db/like.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns an account is shown with (never the hash). */
const ACCOUNT_VIEW = [
  'id',
  'username',
  'display_name',
  'role',
  'scope_code',
  'phone',
  'disabled',
  'resident_id',
] as const;

/** Accounts whose scope lies under `code`, in list order, at most `limit` rows. */
export function accountsUnder(db: Db, code: string, limit: number) {
  return db
    .selectFrom('accounts')
    .select(ACCOUNT_VIEW)
    .where('scope_code', 'like', `${code}%`)
    .orderBy('scope_code')
    .orderBy('role')
    .orderBy('username')
    .limit(limit)
    .execute();
}

/** The id of the account with this username, if any. */
export function accountIdByUsername(db: Db, username: string) {
  return db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
}

/** Inserts an account and returns its shown columns. */
export function insertAccount(db: Db, row: Insertable<AccountsTable>) {
  return db.insertInto('accounts').values(row).returning(ACCOUNT_VIEW).executeTakeFirstOrThrow();
}

/** Inserts several accounts in one statement (the demo seed). */
export async function insertAccounts(db: Db, rows: Insertable<AccountsTable>[]): Promise<void> {
  await db.insertInto('accounts').values(rows).execute();
}

/** Whether any account exists (none: the first administrator must be created). */
export async function anyAccount(db: Db): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').limit(1).execute()).length > 0;
}

/** An account's shown columns, locked for update until the transaction ends. */
export function accountForUpdate(db: Transaction<Database>, id: string) {
  return db.selectFrom('accounts').select(ACCOUNT_VIEW).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes an account's columns and returns its shown columns. */
export function updateAccount(db: Db, id: string, set: Updateable<AccountsTable>) {
  return db.updateTable('accounts').set(set).where('id', '=', id).returning(ACCOUNT_VIEW).executeTakeFirstOrThrow();
}

/** What a password reset needs to know about its target. */
export function accountForReset(db: Db, id: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'role', 'scope_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** What a login needs to check the credentials. */
export function accountForLogin(db: Db, username: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'disabled', 'role', 'scope_code'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** The password hash of an account that must exist. */
export function passwordHashOf(db: Db, id: string) {
  return db.selectFrom('accounts').select(['password_hash']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** Sets a new password hash and whether it must be changed at next login. */
export async function setPassword(db: Db, id: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, must_change_password: mustChange, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Starts a session. */
export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Ends one session. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of an account, but for `exceptSessionId` when given. */
export async function deleteSessionsOf(db: Db, accountId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptSessionId !== undefined) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

/** Removes an account's sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Db, accountId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).where('expires_at', '<', now).execute();
}

/** Accounts working a grid (grid workers), for contact cards. */
export function gridWorkers(db: Db, gridCode: string) {
  return db
    .selectFrom('accounts')
    .select(['display_name', 'phone', 'scope_code'])
    .where('role', '=', 'grid_worker')
    .where('scope_code', '=', gridCode)
    .where('disabled', '=', false)
    .execute();
}

/** Grid workers of every grid under a community (one query for the map layer). */
export function gridWorkersUnder(db: Db, communityCode: string) {
  return db
    .selectFrom('accounts')
    .select(['display_name', 'scope_code'])
    .where('role', '=', 'grid_worker')
    .where('scope_code', 'like', likePrefix(communityCode))
    .execute();
}

/** Unbinds and disables the accounts bound to a resident; returns how many there were. */
export async function releaseResidentAccounts(db: Db, residentId: string): Promise<number> {
  const r = await db
    .updateTable('accounts')
    .set({ resident_id: null, disabled: true })
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The account's own elder-mode choice (null until chosen). */
export async function elderModeOf(db: Db, id: string): Promise<boolean | null> {
  const row = await db.selectFrom('accounts').select('elder_mode').where('id', '=', id).executeTakeFirst();
  return row?.elder_mode ?? null;
}

/** Stores the account's elder-mode choice. */
export async function setElderMode(db: Db, id: string, on: boolean, now: Date): Promise<void> {
  await db.updateTable('accounts').set({ elder_mode: on, updated_at: now }).where('id', '=', id).execute();
}

/** Enabled accounts by id or username (for carer cards and assignments). */
export function accountBriefs(db: Db, by: { ids?: readonly string[]; username?: string }) {
  let q = db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name', 'role', 'scope_code', 'phone', 'resident_id'])
    .where('disabled', '=', false);
  if (by.ids) q = q.where('id', 'in', by.ids.length ? by.ids : ['00000000-0000-0000-0000-000000000000']);
  if (by.username !== undefined) q = q.where('username', '=', by.username);
  return q.execute();
}

/** An account's id, name, role, scope and whether it is disabled, by username (for other modules' index use). */
export function accountBrief(db: Db, username: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'role', 'scope_code', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** An account's public identity by username (no secrets), e.g. for a demo story acting as a demo account. */
export function accountIdentity(db: Db, username: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name', 'role', 'scope_code', 'resident_id'])
    .where('username', '=', username)
    .where('disabled', '=', false)
    .executeTakeFirst();
}
