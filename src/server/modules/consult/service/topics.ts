/** Topics: raise (resident, staff, or from recurring cases), move through the stages, list and read. */
import { AppError } from '../../../platform/errors.ts';
import { audit } from '../../../platform/audit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { linkedCases } from '../../cases/index.ts';
import { placeInScope, scopeRoll, type RollScope } from '../../registry/index.ts';
import { checkAdvance, isPublished, isStage, STAGE_ZH } from '../domain/stages.ts';
import type { VoteResult } from '../domain/ballotBox.ts';
import { can } from '../permissions.ts';
import * as repo from '../repository.ts';
import { allowed, auditActor, homeOf, topicFor, type Ctx, type TopicRow } from './access.ts';

/** What raising a topic takes. */
export interface NewTopic {
  communityCode: string;
  scope: RollScope;
  title: string;
  body: string;
  /** Staff turning a recurring case class into a topic: the cases (of this community) and their category. */
  caseIds?: string[] | undefined;
}

/** Raises a topic at 征集; returns its id. */
export async function createTopic(ctx: Ctx, n: NewTopic): Promise<string> {
  const roll = await scopeRoll(ctx.db, n.communityCode, n.scope);
  const home = await homeOf(ctx);
  const member = home !== null && placeInScope(home, n.communityCode, n.scope);
  const subject = { communityCode: n.communityCode, gridCode: n.scope.kind === 'grid' ? n.scope.id : null, member };
  if (!can(ctx.actor, 'raise', subject)) throw new AppError('FORBIDDEN');
  if (!roll) {
    throw new AppError('CONSULT_SCOPE_UNKNOWN', {
      params: { kind: n.scope.kind, id: n.scope.id, community: n.communityCode },
    });
  }
  const cases = n.caseIds?.length ? await linkedCases(ctx.db, n.communityCode, n.caseIds) : [];
  if (n.caseIds && cases.length !== new Set(n.caseIds).size) throw new AppError('NOT_FOUND');
  if (cases.length && ctx.actor.role === 'resident') throw new AppError('FORBIDDEN');
  const category = cases[0]?.categoryCode ?? null;
  const id = uuidv7(ctx.now.getTime());
  const origin = cases.length ? 'cases' : ctx.actor.role === 'resident' ? 'resident' : 'staff';
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTopic(trx, {
      id,
      community_code: n.communityCode,
      scope_kind: n.scope.kind,
      scope_id: n.scope.id,
      scope_name: roll.name,
      title: n.title,
      body: n.body,
      stage: 'collect',
      origin,
      raised_by: ctx.actor.accountId,
      case_category: category,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await repo.insertStageDate(trx, {
      topic_id: id,
      community_code: n.communityCode,
      stage: 'collect',
      started_at: ctx.now,
      note: null,
    });
    await repo.linkCases(
      trx,
      cases.map((c) => ({ topic_id: id, community_code: n.communityCode, case_id: c.id })),
    );
    await audit(trx, auditActor(ctx), {
      action: 'consult.topic_create',
      entity: 'consult_topic',
      entityId: id,
      scopeCode: n.communityCode,
      after: { title: n.title, scope: n.scope, origin, cases: cases.map((c) => c.id) },
      ip: ctx.ip,
    });
  });
  return id;
}

/** Moves a topic to its next stage (dated); 公示 needs a passed decision vote, 验收 a project. */
export async function advanceStage(ctx: Ctx, topicId: string, to: string, note: string | null): Promise<void> {
  await topicFor(ctx, topicId, 'manage');
  await ctx.db.transaction().execute(async (trx) => {
    const t = await repo.lockTopic(trx, topicId);
    if (!t || !isStage(t.stage) || !isStage(to)) throw new AppError('NOT_FOUND');
    const votes = await repo.votesOfTopics(trx, [t.id]);
    const why = checkAdvance(t.stage, to, {
      passedDecision: votes.some((v) => v.purpose === 'decision' && (v.result as VoteResult | null)?.passed === true),
      openVotes: votes.filter((v) => !v.closed_at).length,
      project: (await repo.projectOfTopic(trx, t.id)) !== undefined,
    });
    if (why) {
      const text = {
        NOT_NEXT: { zh: '只能进入下一阶段', en: 'only the next stage may follow' },
        VOTE_OPEN: { zh: '还有未截止的表决', en: 'a vote is still open' },
        NOT_APPROVED: { zh: '尚无通过的表决', en: 'no vote has passed' },
        NO_PROJECT: { zh: '尚未立项', en: 'there is no project yet' },
      }[why];
      throw new AppError('CONSULT_BAD_STAGE', { params: { from: STAGE_ZH[t.stage], to: STAGE_ZH[to], why: text } });
    }
    await repo.setStage(trx, t.id, to, isPublished(to), ctx.now);
    await repo.insertStageDate(trx, {
      topic_id: t.id,
      community_code: t.community_code,
      stage: to,
      started_at: ctx.now,
      note,
    });
    await audit(trx, auditActor(ctx), {
      action: 'consult.stage',
      entity: 'consult_topic',
      entityId: t.id,
      scopeCode: t.community_code,
      before: { stage: t.stage },
      after: { stage: to, note },
      ip: ctx.ip,
    });
  });
}

/** Topics the actor may read: staff under their scope; a resident those whose scope holds their home. */
export async function listTopics(ctx: Ctx): Promise<TopicRow[]> {
  const home = await homeOf(ctx);
  const prefix = ctx.actor.role === 'resident' ? (home?.communityCode ?? '') : ctx.actor.scopeCode;
  if (!prefix) return [];
  const rows = await repo.topicsUnder(ctx.db, prefix.slice(0, 12));
  const out: TopicRow[] = [];
  for (const t of rows) if (await allowed(ctx, t, 'read', home)) out.push(t);
  return out;
}
