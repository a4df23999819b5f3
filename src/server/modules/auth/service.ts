/** Log in, log out, change password. Sessions are server-side rows keyed by the hash of a random token. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { hashToken, type Actor } from '../../platform/http/actor.ts';
import { assertPasswordAllowed } from './commonPasswords.ts';
import { placeSummary, suggestsElderMode } from '../registry/index.ts';
import * as repo from './repository.ts';
import { hashPassword } from './passwords.ts';

/** How long a session lives (ms). */
const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

let dummyHash: Promise<string> | undefined;

/** Result of a successful login: the cookie token (shown once) and the session's CSRF token. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  accountId: string;
}

/** Checks credentials; unknown users cost the same time as wrong passwords. */
export async function login(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
  ip: string,
): Promise<LoginResult> {
  const acc = await repo.accountForLogin(db, username);
  dummyHash ??= hash('not-a-real-password-0');
  const ok = await verify(acc?.password_hash ?? (await dummyHash), password).catch(() => false);
  if (!acc || !ok || acc.disabled) throw new AppError('BAD_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id: hashToken(token),
      account_id: acc.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    });
    await repo.deleteExpiredSessions(trx, acc.id, now);
    await audit(
      trx,
      { accountId: acc.id, role: acc.role },
      { action: 'login', entity: 'account', entityId: acc.id, scopeCode: acc.scope_code, ip },
    );
  });
  return { token, csrfToken, expiresAt, accountId: acc.id };
}

/** Ends the actor's current session. */
export async function logout(db: Kysely<Database>, actor: Actor, ip: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      { action: 'logout', entity: 'account', entityId: actor.accountId, scopeCode: actor.scopeCode, ip },
    );
  });
}

/** Changes the password after checking the current one; every other session of the account is ended. */
export async function changePassword(
  db: Kysely<Database>,
  actor: Actor,
  current: string,
  next: string,
  ip: string,
): Promise<void> {
  const acc = await repo.passwordHashOf(db, actor.accountId);
  if (!(await verify(acc.password_hash, current).catch(() => false))) throw new AppError('WRONG_PASSWORD');
  assertPasswordAllowed(next, actor.username);
  // Someone else knows the password that was set for this account: keeping it would defeat the forced change.
  if (next === current) throw new AppError('PASSWORD_REUSED');
  const newHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await repo.setPassword(trx, actor.accountId, newHash, false, new Date());
    await repo.deleteSessionsOf(trx, actor.accountId, actor.sessionId);
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      { action: 'password_change', entity: 'account', entityId: actor.accountId, scopeCode: actor.scopeCode, ip },
    );
  });
}

/**
 * Elder mode for this account: the person's own choice when made; otherwise on for a resident aged 60+ or living
 * alone (the register says so), and `elderModeAsk` tells the app to ask once.
 */
async function elderModeFor(db: Kysely<Database>, actor: Actor, now: Date) {
  const chosen = await repo.elderModeOf(db, actor.accountId);
  if (chosen !== null) return { elderMode: chosen, elderModeAsk: false };
  const suggested = actor.residentId ? await suggestsElderMode(db, actor.residentId, now) : false;
  return { elderMode: suggested, elderModeAsk: suggested };
}

/** Stores the account holder's elder-mode choice (audited like every change of an account). */
export async function setElderMode(db: Kysely<Database>, actor: Actor, on: boolean, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.setElderMode(trx, actor.accountId, on, now);
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      { action: 'elder_mode', entity: 'account', entityId: actor.accountId, scopeCode: actor.scopeCode, after: { on } },
    );
  });
}

/** The public view of the logged-in account. */
export async function me(db: Kysely<Database>, actor: Actor, now: Date) {
  const scope = await placeSummary(db, actor.scopeCode);
  // accounts.scope_code references places(code): the place is always there
  if (!scope) throw new AppError('INTERNAL');
  const elder = await elderModeFor(db, actor, now);
  return {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    residentId: actor.residentId,
    householdId: actor.householdId,
    scope,
    csrfToken: actor.csrfToken,
    /** True until the account holder replaces a password that an administrator set. */
    mustChangePassword: actor.mustChangePassword ?? false,
    ...elder,
  };
}
