/**
 * The SQL behind "who is acting": the account of a session, or accounts picked by name or role, each with the
 * household of the resident it belongs to. It lives in platform/db, the platform's own SQL home (with the
 * migrations, health and restore queries), because resolving the actor of a request is the platform's job
 * (platform/http/actor.ts) and serves every module; no module's repository may read another module's tables.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Role } from '../../../shared/roles.ts';

/** The columns an actor is built from. */
const ACTOR_COLUMNS = [
  'a.id',
  'a.username',
  'a.display_name',
  'a.role',
  'a.scope_code',
  'a.resident_id',
  'a.disabled',
  'a.must_change_password',
  'r.household_id',
] as const;

/** The session with this id (the token's hash) and its account, if any (expiry and `disabled` are the caller's). */
export function sessionActorRow(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .select(['s.id as sid', 's.csrf_token', 's.expires_at', ...ACTOR_COLUMNS])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Accounts by username, or by role and exact scope, or all; ordered by username. */
export function accountActorRows(
  db: Kysely<Database>,
  filter: { username?: string | undefined; role?: Role | undefined; scopeCode?: string | undefined } = {},
) {
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .select([...ACTOR_COLUMNS]);
  if (filter.username !== undefined) q = q.where('a.username', '=', filter.username);
  if (filter.role !== undefined) q = q.where('a.role', '=', filter.role);
  if (filter.scopeCode !== undefined) q = q.where('a.scope_code', '=', filter.scopeCode);
  return q.orderBy('a.username').execute();
}
