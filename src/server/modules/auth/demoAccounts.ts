/**
 * The demo log-ins (DEMO ONLY: they share a published password), created inside the demo seed's transaction
 * once the registry has placed them (src/server/demo.ts composes the two).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Role } from '../../../shared/roles.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repository.ts';

/** One demo log-in: who, with which password, acting within which place (and for a resident, as whom). */
export interface DemoLoginInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopeCode: string;
  residentId: string | null;
  phone: string | null;
}

/** Creates the demo accounts (each distinct password hashed once); returns how many were created. */
export async function seedDemoAccounts(
  trx: Transaction<Database>,
  logins: readonly DemoLoginInput[],
  now: Date,
): Promise<number> {
  const hashes = new Map<string, string>();
  for (const a of logins) if (!hashes.has(a.password)) hashes.set(a.password, await hashPassword(a.password));
  await repo.insertAccounts(
    trx,
    logins.map((a) => ({
      id: uuidv7(now.getTime()),
      username: a.username,
      display_name: a.displayName,
      password_hash: hashes.get(a.password)!,
      role: a.role,
      scope_code: a.scopeCode,
      resident_id: a.residentId,
      phone: a.phone,
    })),
  );
  return logins.length;
}
