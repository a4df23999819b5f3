/** The care module's runtime and per-request context, and the authorisation every use case starts with. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { canRegistry } from '../registry/index.ts';
import type { CasesModule } from '../cases/index.ts';
import { CHILD_TAGS } from './domain/plan.ts';
import { can, careRoleHas, codeOf, isCarer, type CareAction, type CareSubject } from './permissions.ts';
import * as repo from './repository.ts';
import type { ListScope, SubjectRow } from './repository.ts';

/** Shared state of the module. */
export interface CareCtx {
  db: Kysely<Database>;
  clock: () => Date;
  /** The cases runtime (a finding becomes a case through cases/index.ts). */
  cases: () => CasesModule;
}

/** Per-request context. */
export interface Who {
  actor: Actor | null;
  lang: 'zh-CN' | 'en';
  ip: string;
}

/** The signed-in actor, or UNAUTHENTICATED. */
export function actorOf(who: Who): Actor {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  return who.actor;
}

/** The permission facts of one person for one actor (whether the actor is assigned to them). */
export async function factsOf(ctx: CareCtx, actor: Actor, row: SubjectRow): Promise<CareSubject> {
  const assigned = actor.role !== 'grid_worker' && (await repo.isAssigned(ctx.db, row.resident_id, actor.accountId));
  return { communityCode: row.community_code, gridCode: row.grid_code, assigned };
}

/**
 * Loads a person on the list and checks `action`. Someone who may not even see the person gets NOT_FOUND (the
 * list does not reveal who is on it); a reader who may not act gets CARE_NOT_CARER.
 */
export async function authorizePerson(
  ctx: CareCtx,
  who: Who,
  residentId: string,
  action: CareAction,
): Promise<{ actor: Actor; row: SubjectRow; facts: CareSubject }> {
  const actor = actorOf(who);
  const row = await repo.getSubject(ctx.db, residentId);
  if (!row) throw new AppError('NOT_FOUND');
  const facts = await factsOf(ctx, actor, row);
  const reads = can(actor, 'read', facts) || isCarer(actor, facts);
  if (!reads) throw new AppError('NOT_FOUND');
  if (action !== 'read' && !can(actor, action, facts))
    throw new AppError(action === 'plan' ? 'FORBIDDEN' : 'CARE_NOT_CARER');
  if (!row.active && action !== 'read') throw new AppError('CARE_NOT_ON_LIST');
  return { actor, row, facts };
}

/** Whether a viewer sees a person's register data in clear (carers; staff entitled to it; children protected). */
export function seesInFull(actor: Actor, facts: CareSubject, tags: readonly string[]): boolean {
  if (isCarer(actor, facts)) return true;
  const subject = { code: codeOf(facts) };
  if (!canRegistry(actor, 'resident.pii', subject)) return false;
  return !tags.some((t) => CHILD_TAGS.includes(t)) || canRegistry(actor, 'resident.child', subject);
}

/**
 * The list a request may see: a resident (volunteer) sees the people assigned to them; staff see their scope or
 * a place inside it (`code`), a grid worker their grid.
 */
export function listScopeOf(actor: Actor, code: string | undefined): ListScope {
  if (actor.role === 'resident') {
    // a volunteer's list is the people assigned to them; a code elsewhere is refused, not silently ignored
    const community = actor.scopeCode.slice(0, 12);
    if (code !== undefined && !code.startsWith(community) && !community.startsWith(code))
      throw new AppError('OUT_OF_SCOPE');
    return { carer: actor.accountId };
  }
  if (!careRoleHas(actor.role, 'read')) throw new AppError('FORBIDDEN');
  const c = code ?? actor.scopeCode;
  if (!c.startsWith(actor.scopeCode)) throw new AppError('OUT_OF_SCOPE');
  return { code: c };
}
