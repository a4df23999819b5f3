/**
 * Account administration: staff create accounts for the roles below them inside their own area (a community
 * office creates its grid workers' and residents' logins), edit, disable, and reset passwords. Every change is
 * audited (never the hash); disabling or resetting ends the account's sessions at once.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { checkManage, managesAny, SCOPE_LEVEL, type ManageRefusal } from './domain/manage.ts';
import { assertPasswordAllowed } from './commonPasswords.ts';
import { hashPassword } from './service.ts';
import { canRegistry, maskPhone, placeExists, placeNames, residentScope } from '../registry/index.ts';
import * as repo from './repository.ts';

/** Request context. */
export interface AccountsCtx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  ip: string;
}

const LEVEL_NAMES: Record<number, [string, string]> = {
  6: ['区县', 'a district'],
  9: ['街道', 'a street'],
  12: ['社区', 'a community'],
  14: ['网格', 'a grid'],
  15: ['网格', 'a grid'],
};

function refuse(r: ManageRefusal, role: Role): never {
  if (r === 'level') {
    const names = SCOPE_LEVEL[role].map((n) => LEVEL_NAMES[n]!);
    const uniq = (xs: string[]) => [...new Set(xs)];
    throw new AppError('SCOPE_LEVEL', {
      params: { level: uniq(names.map((x) => x[0])).join('或'), levelEn: uniq(names.map((x) => x[1])).join(' or ') },
    });
  }
  throw new AppError(r === 'scope' ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
}

function ensure(ctx: AccountsCtx, target: { accountId?: string; role: Role; scopeCode: string }): void {
  const r = checkManage(ctx.actor, target);
  if (r) refuse(r, target.role);
}

const view = (a: {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  scope_code: string;
  phone: string | null;
  disabled: boolean;
  resident_id: string | null;
  scope_name?: string | null;
}) => ({
  id: a.id,
  username: a.username,
  displayName: a.display_name,
  role: a.role,
  scopeCode: a.scope_code,
  scopeName: a.scope_name ?? null,
  phone: a.phone,
  disabled: a.disabled,
  residentId: a.resident_id,
});

/**
 * A resident's phone on an account is the resident's personal data: shown in full only to those who may see
 * residents' phones there (the registry's `resident.pii` rule), masked for street and district staff. Staff
 * phones are work contacts and stay as they are.
 */
function residentPhone(actor: Actor, scopeCode: string, phone: string | null): string | null {
  if (phone === null) return null;
  return canRegistry(actor, 'resident.pii', { code: scopeCode }) ? phone : maskPhone(phone);
}

/** Most accounts one list shows; above it the answer says `more` and staff narrow the place (`?code=`). */
export const ACCOUNTS_LIST_MAX = 2000;

/** Accounts under a place code that the actor may manage. */
export async function listAccounts(ctx: AccountsCtx, code: string | undefined) {
  if (!managesAny(ctx.actor.role)) throw new AppError('FORBIDDEN');
  const c = code ?? ctx.actor.scopeCode;
  if (!c.startsWith(ctx.actor.scopeCode)) throw new AppError('OUT_OF_SCOPE');
  const accounts = await repo.accountsUnder(ctx.db, c, ACCOUNTS_LIST_MAX + 1);
  // The scope's name comes from the registry, which owns the places.
  const names = await placeNames(
    ctx.db,
    accounts.map((a) => a.scope_code),
  );
  const rows = accounts.map((a) => ({ ...a, scope_name: names.get(a.scope_code) ?? null }));
  // Never cut silently: the answer says when there are more accounts than one list shows.
  const more = rows.length > ACCOUNTS_LIST_MAX;
  if (more) rows.pop();
  return {
    more,
    items: rows
      .filter(
        (a) =>
          a.id === ctx.actor.accountId ||
          checkManage(ctx.actor, { accountId: a.id, role: a.role, scopeCode: a.scope_code }) === null,
      )
      .map(view)
      .map((a) => (a.role === 'resident' ? { ...a, phone: residentPhone(ctx.actor, a.scopeCode, a.phone) } : a)),
  };
}

/** Input of a new account. Residents are bound to their resident record; their scope is their grid. */
export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeCode?: string | undefined;
  residentId?: string | undefined;
  phone?: string | null | undefined;
  password: string;
}

/** Creates an account. */
export async function createAccount(ctx: AccountsCtx, input: NewAccount) {
  let scopeCode = input.scopeCode ?? '';
  if (input.role === 'resident') {
    const residentCode = input.residentId ? await residentScope(ctx.db, input.residentId) : null;
    if (residentCode === null) throw new AppError('NOT_FOUND');
    scopeCode = residentCode;
  } else if (!(await placeExists(ctx.db, scopeCode))) {
    ensure(ctx, { role: input.role, scopeCode }); // a bad level or foreign area is reported before "not found"
    throw new AppError('NOT_FOUND');
  }
  ensure(ctx, { role: input.role, scopeCode });
  assertPasswordAllowed(input.password, input.username);
  if (await repo.accountIdByUsername(ctx.db, input.username))
    throw new AppError('USERNAME_TAKEN', { params: { username: input.username } });
  const row = {
    id: uuidv7(ctx.now.getTime()),
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    scope_code: scopeCode,
    resident_id: input.role === 'resident' ? input.residentId! : null,
    phone: input.phone ?? null,
    // The creator chose this password, so the new holder must replace it at first login.
    must_change_password: true,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertAccount(trx, row);
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      { action: 'create', entity: 'account', entityId: created.id, scopeCode, after: view(created), ip: ctx.ip },
    );
    return view(created);
  });
}

/** Edits display name, phone, scope (moving a grid worker to another grid) or the disabled flag. */
export async function updateAccount(
  ctx: AccountsCtx,
  id: string,
  patch: {
    displayName?: string | undefined;
    phone?: string | null | undefined;
    scopeCode?: string | undefined;
    disabled?: boolean | undefined;
  },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.accountForUpdate(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    ensure(ctx, { accountId: id, role: before.role, scopeCode: before.scope_code });
    if (patch.scopeCode !== undefined) {
      if (before.role === 'resident') throw new AppError('FORBIDDEN');
      ensure(ctx, { accountId: id, role: before.role, scopeCode: patch.scopeCode });
      if (!(await placeExists(trx, patch.scopeCode))) throw new AppError('NOT_FOUND');
    }
    const after = await repo.updateAccount(trx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.scopeCode !== undefined ? { scope_code: patch.scopeCode } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      updated_at: ctx.now,
    });
    if (patch.disabled === true || (patch.scopeCode !== undefined && patch.scopeCode !== before.scope_code))
      await repo.deleteSessionsOf(trx, id);
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      {
        action: 'update',
        entity: 'account',
        entityId: id,
        scopeCode: after.scope_code,
        before: view(before),
        after: view(after),
        ip: ctx.ip,
      },
    );
    return view(after);
  });
}

/** Sets a new password for someone who forgot theirs; their sessions end and they must change it at next login. */
export async function resetPassword(ctx: AccountsCtx, id: string, newPassword: string): Promise<void> {
  const target = await repo.accountForReset(ctx.db, id);
  if (!target) throw new AppError('NOT_FOUND');
  ensure(ctx, { accountId: id, role: target.role, scopeCode: target.scope_code });
  assertPasswordAllowed(newPassword, target.username);
  const h = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, id, h, true, ctx.now);
    await repo.deleteSessionsOf(trx, id);
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      { action: 'password_reset', entity: 'account', entityId: id, scopeCode: target.scope_code, ip: ctx.ip },
    );
  });
}
