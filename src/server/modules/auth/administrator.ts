/**
 * The first administrator of a real installation (`npx linli admin create`), and further district
 * administrators or a lost administrator's replacement later. An administrator belongs to a district (the top of
 * the place tree); on a database with no district yet, the district is created in the same transaction when its
 * code and name are given, else the caller is told how (ADMIN_NO_DISTRICT). The password is the operator's own,
 * so no change is forced at first login; it must pass the password rules.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertPasswordAllowed } from './commonPasswords.ts';
import { hashPassword } from './passwords.ts';
import { createDistrict, districtCodes } from '../registry/index.ts';
import * as repo from './repository.ts';

/** What `linli admin create` asks for. */
export interface NewAdministrator {
  username: string;
  displayName?: string | undefined;
  password: string;
  /** 6-digit district code; may be omitted when the database has exactly one district. */
  district?: string | undefined;
  /** Name of the district to create when `district` does not exist yet. */
  districtName?: string | undefined;
}

/** The created account, and whether its district was created too. */
export interface CreatedAdministrator {
  id: string;
  username: string;
  district: string;
  districtCreated: boolean;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,40}$/;

/** Creates a district administrator (and, if asked, its district), audited as the system. */
export async function createAdministrator(
  db: Kysely<Database>,
  input: NewAdministrator,
  now: Date,
): Promise<CreatedAdministrator> {
  const bad = (detail: string) => new AppError('VALIDATION_FAILED', { params: { detail } });
  if (!USERNAME.test(input.username)) throw bad('--username: 3–40 letters, digits, _ . -');
  if (input.district !== undefined && !/^\d{6}$/.test(input.district)) throw bad('--district: a 6-digit code');
  const name = input.districtName?.trim();
  if (name !== undefined && (name.length < 1 || name.length > 100)) throw bad('--district-name: 1–100 characters');
  assertPasswordAllowed(input.password, input.username);
  const districts = await districtCodes(db);
  const code = input.district ?? (districts.length === 1 ? districts[0] : undefined);
  const create = code !== undefined && !districts.includes(code);
  if (code === undefined || (create && !name)) {
    if (!districts.length) throw new AppError('ADMIN_NO_DISTRICT');
    throw new AppError('ADMIN_DISTRICT_UNKNOWN', { params: { code: code ?? '?', codes: districts.join(', ') } });
  }
  if (await repo.accountIdByUsername(db, input.username))
    throw new AppError('USERNAME_TAKEN', { params: { username: input.username } });
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7(now.getTime());
  await db.transaction().execute(async (trx) => {
    if (create) {
      await createDistrict(trx, { id: uuidv7(now.getTime()), code, name: name! });
      await audit(trx, null, {
        action: 'create',
        entity: 'place',
        entityId: code,
        scopeCode: code,
        after: { kind: 'district', code, name },
        ip: 'cli',
      });
    }
    await repo.insertAccount(trx, {
      id,
      username: input.username,
      display_name: input.displayName?.trim() || input.username,
      password_hash: passwordHash,
      role: 'district_admin',
      scope_code: code,
      resident_id: null,
      phone: null,
      must_change_password: false,
    });
    await audit(trx, null, {
      action: 'create',
      entity: 'account',
      entityId: id,
      scopeCode: code,
      after: { username: input.username, role: 'district_admin', scopeCode: code, via: 'linli admin create' },
      ip: 'cli',
    });
  });
  return { id, username: input.username, district: code, districtCreated: create };
}
