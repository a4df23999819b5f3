/**
 * The auth module's public functions for other modules (they must not query accounts or sessions themselves).
 * Read-only but for `releaseResidentAccounts`; callers authorise first. The registry never imports auth
 * (auth imports the registry's index.ts): it receives `accountsForRegistry` from the composition root (app.ts,
 * the CLI), so the two modules cannot form an import cycle.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { uuidv7 } from '../../platform/ids.ts';
import * as repo from './repository.ts';
import { hash } from '@node-rs/argon2';
import type { RegistryAccounts } from '../registry/index.ts';

export { installPasswordChangeGate } from './gate.ts';
export { authRoutes } from './routes.ts';
export { createAdministrator } from './administrator.ts';
export { seedDemoAccounts } from './demoAccounts.ts';

/** A grid worker as shown on a contact card or map layer (snake_case rows, as the registry reads them). */
export interface GridWorker {
  display_name: string;
  phone: string | null;
  scope_code: string;
}

/** The enabled grid workers of one grid, for its contact card. */
export function gridWorkers(db: Kysely<Database>, gridCode: string): Promise<GridWorker[]> {
  return repo.gridWorkers(db, gridCode);
}

/** Grid workers of every grid under a community (one query for the map layer): name and grid only. */
function gridWorkersUnder(
  db: Kysely<Database>,
  communityCode: string,
): Promise<{ display_name: string; scope_code: string }[]> {
  return repo.gridWorkersUnder(db, communityCode);
}

/**
 * Unbinds and disables the login of a resident who is being removed from the registry (pass the removing
 * transaction, so both happen or neither); returns how many accounts were released.
 */
function releaseResidentAccounts(trx: Kysely<Database>, residentId: string): Promise<number> {
  return repo.releaseResidentAccounts(trx, residentId);
}

/**
 * Row-locks an account until the caller's transaction ends: serialises one person's check-then-create in another
 * module (the cases module's one-press help, where a double tap must not open two cases).
 */
export async function lockAccount(trx: Transaction<Database>, accountId: string): Promise<void> {
  await repo.accountForUpdate(trx, accountId);
}

/** Whether any account exists (none on a fresh production database: the first administrator must be created). */
export function hasAccounts(db: Kysely<Database>): Promise<boolean> {
  return repo.anyAccount(db);
}

/** An enabled account as other modules show it (carer cards, case contacts). */
export interface AccountBrief {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scopeCode: string;
  phone: string | null;
  residentId: string | null;
}

/** Enabled accounts by ids, or the one with a username (disabled accounts are left out). */
export async function accountBriefs(
  db: Kysely<Database>,
  by: { ids?: readonly string[]; username?: string },
): Promise<AccountBrief[]> {
  return (await repo.accountBriefs(db, by)).map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    scopeCode: a.scope_code,
    phone: a.phone,
    residentId: a.resident_id,
  }));
}

/**
 * A demo account for a module's demo story (e.g. the fund committee's members): created with the published demo
 * password when the username is free; returns its id either way. Demo stories only: never for real accounts.
 */
export async function ensureDemoAccount(
  db: Kysely<Database>,
  a: { username: string; displayName: string; role: Role; scopeCode: string; password: string; now: Date },
): Promise<string> {
  const found = await repo.accountIdByUsername(db, a.username);
  if (found) return found.id;
  const created = await repo.insertAccount(db, {
    id: uuidv7(a.now.getTime()),
    username: a.username,
    display_name: a.displayName,
    password_hash: await hash(a.password), // argon2id defaults, as service.ts hashPassword
    role: a.role,
    scope_code: a.scopeCode,
    resident_id: null,
    phone: null,
  });
  return created.id;
}

/** An enabled account by username: id, name, role and scope (e.g. to seat it on a committee); null if unknown. */
export async function accountByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<{ id: string; displayName: string; role: Role; scopeCode: string } | null> {
  const a = await repo.accountBrief(db, username);
  return a && !a.disabled ? { id: a.id, displayName: a.display_name, role: a.role, scopeCode: a.scope_code } : null;
}

/** An enabled account's identity (id, names, role, scope, resident) by username; no password or session data. */
export async function accountIdentity(db: Kysely<Database>, username: string) {
  const a = await repo.accountIdentity(db, username);
  return a
    ? {
        id: a.id,
        username: a.username,
        displayName: a.display_name,
        role: a.role,
        scopeCode: a.scope_code,
        residentId: a.resident_id,
      }
    : null;
}
/** The accounts functions the registry is built with (see registry/context.ts `RegistryAccounts`). */
export const accountsForRegistry: RegistryAccounts = { gridWorkers, gridWorkersUnder, releaseResidentAccounts };
