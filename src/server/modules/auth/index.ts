/**
 * The auth module's public functions for other modules (they must not query accounts or sessions themselves).
 * Read-only but for `releaseResidentAccounts`; callers authorise first. Kept free of imports from other modules
 * so that no import cycle can form (the registry imports this file, and auth imports the registry's index.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';

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
