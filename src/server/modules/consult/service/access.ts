/** The request context of the consult use cases and the one check every use case starts with. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { placeInScope, residentPlace, type ResidentPlace, type RollScope } from '../../registry/index.ts';
import { can, type ConsultAction } from '../permissions.ts';
import * as repo from '../repository.ts';
import type { ConsultTopicsTable } from '../schema.ts';
import type { Selectable } from 'kysely';

/** Per-request context. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  ip: string;
}

/** A topic row. */
export type TopicRow = Selectable<ConsultTopicsTable>;

/** The registry scope of a topic. */
export const scopeOf = (t: Pick<TopicRow, 'scope_kind' | 'scope_id'>): RollScope =>
  ({ kind: t.scope_kind, id: t.scope_id }) as RollScope;

/** The acting resident's home (null for staff or an unregistered resident). */
export async function homeOf(ctx: Ctx): Promise<ResidentPlace | null> {
  return ctx.actor.residentId ? residentPlace(ctx.db, ctx.actor.residentId) : null;
}

/** Whether `ctx.actor` may do `action` on topic `t`. */
export async function allowed(ctx: Ctx, t: TopicRow, action: ConsultAction, home?: ResidentPlace | null) {
  const h = home === undefined ? await homeOf(ctx) : home;
  const member = h !== null && placeInScope(h, t.community_code, scopeOf(t));
  return can(ctx.actor, action, {
    communityCode: t.community_code,
    gridCode: t.scope_kind === 'grid' ? t.scope_id : null,
    member,
  });
}

/**
 * Loads a topic and checks `action`. A topic the actor may not even read is "not found" (no probing of ids in
 * other communities); one they may read but not act on is "forbidden".
 */
export async function topicFor(ctx: Ctx, id: string, action: ConsultAction): Promise<TopicRow> {
  const t = await repo.getTopic(ctx.db, id);
  if (!t) throw new AppError('NOT_FOUND');
  const home = await homeOf(ctx);
  if (!(await allowed(ctx, t, 'read', home))) throw new AppError('NOT_FOUND');
  if (action !== 'read' && !(await allowed(ctx, t, action, home))) throw new AppError('FORBIDDEN');
  return t;
}

/** The audit actor of a context. */
export const auditActor = (ctx: Ctx) => ({ accountId: ctx.actor.accountId, role: ctx.actor.role });
