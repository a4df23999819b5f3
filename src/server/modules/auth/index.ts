/**
 * The auth module's public functions for other modules (they must not query accounts or sessions themselves).
 * Read-only but for `releaseResidentAccounts`; callers authorise first. The registry never imports auth
 * (auth imports the registry's index.ts): it receives `accountsForRegistry` from the composition root (app.ts,
 * the CLI), so the two modules cannot form an import cycle.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';
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
export function gridWorkersUnder(
  db: Kysely<Database>,
  communityCode: string,
): Promise<{ display_name: string; scope_code: string }[]> {
  return repo.gridWorkersUnder(db, communityCode);
}

/**
 * Unbinds and disables the login of a resident who is being removed from the registry (pass the removing
 * transaction, so both happen or neither); returns how many accounts were released.
 */
export function releaseResidentAccounts(trx: Kysely<Database>, residentId: string): Promise<number> {
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

/** The accounts functions the registry is built with (see registry/context.ts `RegistryAccounts`). */
export const accountsForRegistry: RegistryAccounts = { gridWorkers, gridWorkersUnder, releaseResidentAccounts };
