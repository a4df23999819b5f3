/**
 * The authenticated actor of a request, resolved once per request from the session cookie, and the CSRF check
 * for cookie-authenticated writes (header `x-csrf-token` must equal the session's token).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { Database } from '../db/schema.ts';
import { accountActorRows, sessionActorRow } from '../db/actors.ts';
import type { Role } from '../../../shared/roles.ts';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'linli_sid';

/** Who is acting: role and the place code their powers are limited to. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Code of the place node (district/street/community/grid) this account acts within. */
  scopeCode: string;
  /** For residents: their resident and household ids. */
  residentId: string | null;
  householdId: string | null;
  sessionId: string;
  csrfToken: string;
  /** The password was chosen by someone else: only password change, logout and /me until changed. */
  mustChangePassword?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** sha256 of a session token: what the sessions table stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the actor of a session token, or null when absent, expired or disabled. */
export async function actorFromToken(db: Kysely<Database>, token: string, now: Date): Promise<Actor | null> {
  const row = await sessionActorRow(db, hashToken(token));
  if (!row || row.disabled || new Date(row.expires_at) <= now) return null;
  return {
    accountId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scopeCode: row.scope_code,
    residentId: row.resident_id,
    householdId: row.household_id ?? null,
    sessionId: row.sid,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
  };
}

/**
 * Actors of existing accounts acting without a session (the CLI, the demo seed's replay): by username, or by role
 * and exact scope, or all, ordered by username. `via` stands in for the session and CSRF ids (e.g. 'cli').
 */
export async function accountActors(
  db: Kysely<Database>,
  filter: { username?: string | undefined; role?: Role | undefined; scopeCode?: string | undefined },
  via: string,
): Promise<Actor[]> {
  return (await accountActorRows(db, filter)).map((a) => ({
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    scopeCode: a.scope_code,
    residentId: a.resident_id,
    householdId: a.household_id ?? null,
    sessionId: via,
    csrfToken: via,
  }));
}

/** Adds `request.actor` and enforces CSRF on cookie-authenticated writes. */
export function installActor(app: FastifyInstance, db: Kysely<Database>, clock: () => Date): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await actorFromToken(db, token, clock()) : null;
    if (SAFE.has(req.method)) return;
    if (req.actor) {
      if (req.headers['x-csrf-token'] !== req.actor.csrfToken) throw new AppError('CSRF_FAILED');
      return;
    }
    // No session: a cross-site form post must not be able to act (e.g. log a victim into an attacker account).
    // Open311 acts with an api_key, not a session, and checks the key's allowed origins itself (open311/http.ts).
    if (req.url.startsWith('/open311/')) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      const host = req.headers.host;
      if (!host || originHost(origin) !== host) throw new AppError('CSRF_FAILED');
    }
  });
}

/** The host of an Origin header, or null when it is not a URL (a malformed Origin is a foreign one). */
function originHost(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}

/** The actor of a request, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
