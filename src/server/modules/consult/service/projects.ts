/**
 * Projects from an approved topic: budget (fen), contractor, map point, milestones 设计 → 施工 → 验收 with dates
 * and progress, before/after photos. The acceptance vote (votes.ts, purpose 'acceptance') accepts the project or
 * reopens its last milestone. Fund expenses link to the project id (the fund module keeps them).
 */
import { AppError } from '../../../platform/errors.ts';
import { audit } from '../../../platform/audit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { VoteResult } from '../domain/ballotBox.ts';
import * as repo from '../repository.ts';
import { auditActor, topicFor, type Ctx } from './access.ts';
import { drawingType } from './deliberation.ts';

const KINDS = ['design', 'build', 'accept'] as const;

/** What starting a project takes: three milestones, in order, with their dates (YYYY-MM-DD). */
export interface NewProject {
  title: string;
  budgetFen: number;
  contractor: string;
  lon: number;
  lat: number;
  milestones: { startsOn: string; dueOn: string }[];
}

/** Starts the project of a topic at 实施 whose decision vote passed; returns its id. */
export async function createProject(ctx: Ctx, topicId: string, p: NewProject): Promise<string> {
  const t = await topicFor(ctx, topicId, 'project');
  if (t.stage !== 'implement')
    throw new AppError('CONSULT_WRONG_STAGE', { params: { stage: t.stage, need: 'implement' } });
  const votes = await repo.votesOfTopics(ctx.db, [t.id]);
  if (!votes.some((v) => v.purpose === 'decision' && (v.result as VoteResult | null)?.passed)) {
    throw new AppError('CONSULT_NOT_APPROVED');
  }
  if (await repo.projectOfTopic(ctx.db, t.id)) throw new AppError('CONFLICT');
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProject(trx, {
      id,
      topic_id: t.id,
      community_code: t.community_code,
      title: p.title,
      budget_fen: String(p.budgetFen),
      contractor: p.contractor,
      lon: p.lon,
      lat: p.lat,
      status: 'active',
      created_at: ctx.now,
    });
    await repo.insertMilestones(
      trx,
      p.milestones.map((m, i) => ({
        project_id: id,
        community_code: t.community_code,
        seq: i + 1,
        kind: KINDS[i]!,
        starts_on: m.startsOn,
        due_on: m.dueOn,
      })),
    );
    await audit(trx, auditActor(ctx), {
      action: 'consult.project',
      entity: 'consult_project',
      entityId: id,
      scopeCode: t.community_code,
      after: { topicId: t.id, title: p.title, budgetFen: p.budgetFen, contractor: p.contractor },
      ip: ctx.ip,
    });
  });
  return id;
}

/** The project and its topic, checked for `action`. */
export async function projectFor(ctx: Ctx, projectId: string, action: 'read' | 'project') {
  const p = await repo.getProject(ctx.db, projectId);
  if (!p) throw new AppError('NOT_FOUND');
  const t = await topicFor(ctx, p.topic_id, action);
  return { p, t };
}

/** Sets a milestone's progress (0–100); 100 marks it done. Milestones finish in order. */
export async function setProgress(ctx: Ctx, projectId: string, seq: number, progress: number): Promise<void> {
  const { p } = await projectFor(ctx, projectId, 'project');
  if (p.status === 'accepted') throw new AppError('CONFLICT');
  const ms = await repo.milestonesOf(ctx.db, p.id);
  const m = ms.find((x) => x.seq === seq);
  if (!m) throw new AppError('NOT_FOUND');
  if (ms.some((x) => x.seq < seq && !x.done_at) && progress > 0) throw new AppError('CONFLICT');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMilestone(trx, p.id, seq, { progress, done_at: progress === 100 ? ctx.now : null });
    await audit(trx, auditActor(ctx), {
      action: 'consult.milestone',
      entity: 'consult_project',
      entityId: p.id,
      scopeCode: p.community_code,
      before: { seq, progress: m.progress },
      after: { seq, progress },
      ip: ctx.ip,
    });
  });
}

/** Adds a before/after photo (PNG or JPEG). */
export async function addPhoto(
  ctx: Ctx,
  projectId: string,
  phase: 'before' | 'after',
  data: Buffer,
  filename: string,
): Promise<string> {
  const { p } = await projectFor(ctx, projectId, 'project');
  const media = drawingType(data, filename);
  if (media !== 'image/png' && media !== 'image/jpeg') {
    throw new AppError('CONSULT_BAD_FILE', { params: { name: filename.slice(0, 80) } });
  }
  const id = uuidv7(ctx.now.getTime());
  await repo.insertPhoto(ctx.db, {
    id,
    project_id: p.id,
    community_code: p.community_code,
    phase,
    media_type: media,
    data: data.toString('base64'),
    bytes: data.length,
    created_at: ctx.now,
  });
  return id;
}
