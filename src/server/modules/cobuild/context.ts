/** What every cobuild use case receives, and the scope checks they share. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Lang } from '../../platform/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { can, type CobuildAction } from './permissions.ts';

/** A use case's context. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  lang: Lang;
  ip: string | null;
}

/** The audit actor of a context. */
export const who = (ctx: Ctx) => ({ accountId: ctx.actor.accountId, role: ctx.actor.role });

/**
 * Throws unless the actor may `action` in `communityCode`. An actor who may not even read the community gets 404
 * for an object looked up by id (its existence is not revealed) and 403 for a community named in the request.
 */
export function authorize(ctx: Ctx, action: CobuildAction, communityCode: string, byId = false): void {
  if (can(ctx.actor, action, communityCode)) return;
  const mayRead = can(ctx.actor, 'read', communityCode) || can(ctx.actor, 'volunteer', communityCode);
  if (byId && !mayRead) throw new AppError('NOT_FOUND');
  throw new AppError(mayRead ? 'FORBIDDEN' : 'OUT_OF_SCOPE');
}

/** The community of a resident or grid worker (the first 12 digits of their scope); null for wider scopes. */
export function ownCommunity(ctx: Ctx): string | null {
  return ctx.actor.scopeCode.length >= 12 ? ctx.actor.scopeCode.slice(0, 12) : null;
}
