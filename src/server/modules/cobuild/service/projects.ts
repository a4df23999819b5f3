/** The needs list, claims (认领, once per need), progress, completion evidence and suggested matches. */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { caseBrief } from '../../cases/index.ts';
import { authorize, ownCommunity, who, type Ctx } from '../context.ts';
import { rankMatches, type Candidate } from '../domain/match.ts';
import { decodeImage } from '../images.ts';
import * as repo from '../repository.ts';
import { isUniqueViolation, num } from '../repository/db.ts';
import type { NeedStatus } from '../schema.ts';

/** A new need on the needs list. */
export interface NeedInput {
  communityCode: string;
  category: string;
  title: string;
  description: string;
  lon: number | null;
  lat: number | null;
}

export async function createNeed(ctx: Ctx, n: NeedInput, from?: { caseId: string }) {
  authorize(ctx, from ? 'manage' : 'raise_need', n.communityCode);
  const source = from ? 'case' : ctx.actor.role === 'resident' ? 'resident' : 'staff';
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: n.communityCode,
    source: source as 'case' | 'resident' | 'staff',
    source_id: from?.caseId ?? null,
    category: n.category,
    title: n.title,
    description: n.description,
    lon: n.lon,
    lat: n.lat,
    status: 'open' as const,
    created_by: ctx.actor.accountId,
    created_at: ctx.now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertNeed(trx, row);
      await audit(trx, who(ctx), {
        action: 'cobuild.need.create',
        entity: 'cobuild_need',
        entityId: row.id,
        scopeCode: n.communityCode,
        after: row,
        ip: ctx.ip,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('COBUILD_ALREADY_REGISTERED');
    throw e;
  }
  return needDetail(ctx, row.id);
}

/** A need from a case beyond the grid's means: placed where the case is, linked to it (once per case). */
export async function needFromCase(
  ctx: Ctx,
  x: { caseId: string; category: string; title: string; description: string },
) {
  const c = await caseBrief(ctx.db, x.caseId);
  if (!c) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', c.communityCode, true);
  const { caseId, ...n } = x;
  return createNeed(ctx, { ...n, communityCode: c.communityCode, lon: c.lon, lat: c.lat }, { caseId });
}

type NeedRow = NonNullable<Awaited<ReturnType<typeof repo.getNeed>>>;
const presentNeed = (n: NeedRow) => ({
  id: n.id,
  communityCode: n.community_code,
  source: n.source,
  sourceId: n.source_id,
  category: n.category,
  title: n.title,
  description: n.description,
  lon: n.lon,
  lat: n.lat,
  status: n.status,
  createdAt: n.created_at,
});

export async function listNeeds(ctx: Ctx, code: string, status: NeedStatus | undefined) {
  authorize(ctx, 'read', code);
  return (await repo.needsOf(ctx.db, code, status)).map(presentNeed);
}

export async function needDetail(ctx: Ctx, id: string) {
  const n = await repo.getNeed(ctx.db, id);
  if (!n) throw new AppError('NOT_FOUND');
  const mine = n.created_by === ctx.actor.accountId && ownCommunity(ctx) === n.community_code;
  if (!mine) authorize(ctx, 'read', n.community_code, true);
  const p = await repo.projectOfNeed(ctx.db, id);
  return { need: presentNeed(n), project: p ? presentProject(p) : null };
}

/** Suggested matches: resources and units of the need's category, nearest first (straight-line metres). */
export async function matches(ctx: Ctx, id: string) {
  const n = await repo.getNeed(ctx.db, id);
  if (!n) throw new AppError('NOT_FOUND');
  authorize(ctx, 'read', n.community_code, true);
  const [resources, units] = await Promise.all([
    repo.resourcesOf(ctx.db, n.community_code),
    repo.unitsOf(ctx.db, n.community_code),
  ]);
  const cands: Candidate[] = resources.map((r) => ({
    resourceId: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    category: r.category,
    lon: r.lon,
    lat: r.lat,
  }));
  const withResource = new Set(resources.map((r) => r.unit_id));
  for (const u of units)
    if (!withResource.has(u.id))
      cands.push({
        resourceId: null,
        unitId: u.id,
        unitName: u.name,
        title: u.name,
        category: '',
        lon: u.lon,
        lat: u.lat,
      });
  // the answer names the place by its distance, not by the candidate's coordinates
  return rankMatches(n, cands).map(({ lon: _lon, lat: _lat, ...m }) => m);
}

/** Who claims: a partner unit, a team (named), or a 双报到 party member. */
export type Claimant =
  | { kind: 'unit'; unitId: string }
  | { kind: 'team'; name: string }
  | { kind: 'member'; memberId: string };

/**
 * Claims a need. The need moves open → claimed in one conditional UPDATE and the project's need_id is unique, so
 * of any number of concurrent claims exactly one wins; the others get 409 naming who holds it.
 */
export async function claim(ctx: Ctx, needId: string, c: Claimant) {
  const n = await repo.getNeed(ctx.db, needId);
  if (!n) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', n.community_code, true);
  if (c.kind === 'unit') {
    const u = await repo.getUnit(ctx.db, c.unitId);
    if (!u || u.community_code !== n.community_code) throw new AppError('NOT_FOUND');
  }
  if (c.kind === 'member') {
    const m = await repo.getMember(ctx.db, c.memberId);
    if (!m || m.community_code !== n.community_code) throw new AppError('NOT_FOUND');
  }
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: n.community_code,
    need_id: needId,
    claimant_kind: c.kind,
    unit_id: c.kind === 'unit' ? c.unitId : null,
    member_id: c.kind === 'member' ? c.memberId : null,
    team_name: c.kind === 'team' ? c.name : null,
    status: 'claimed' as const,
    progress: 0,
    summary: null,
    claimed_by: ctx.actor.accountId,
    claimed_at: ctx.now,
  };
  let won = false;
  try {
    won = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.markNeedClaimed(trx, needId))) return false;
      await repo.insertProject(trx, row);
      await audit(trx, who(ctx), {
        action: 'cobuild.need.claim',
        entity: 'cobuild_project',
        entityId: row.id,
        scopeCode: n.community_code,
        after: row,
        ip: ctx.ip,
      });
      return true;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  if (!won) {
    const held = await repo.projectOfNeed(ctx.db, needId);
    if (!held) throw new AppError('COBUILD_NEED_NOT_OPEN', { params: { status: n.status } });
    throw new AppError('COBUILD_NEED_CLAIMED', { params: { by: claimantName(held) } });
  }
  return projectDetail(ctx, row.id);
}

type ProjectRow = NonNullable<Awaited<ReturnType<typeof repo.getProject>>>;
const claimantName = (p: ProjectRow) => p.unit_name ?? p.team_name ?? p.member_name ?? '';
function presentProject(p: ProjectRow) {
  return {
    id: p.id,
    communityCode: p.community_code,
    needId: p.need_id,
    needTitle: p.need_title,
    needCategory: p.need_category,
    claimantKind: p.claimant_kind,
    claimant: claimantName(p),
    unitId: p.unit_id,
    status: p.status,
    progress: p.progress,
    summary: p.summary,
    claimedAt: p.claimed_at,
    completedAt: p.completed_at,
  };
}

export async function listProjects(ctx: Ctx, code: string) {
  authorize(ctx, 'read', code);
  return (await repo.projectsOf(ctx.db, code)).map(presentProject);
}

export async function projectDetail(ctx: Ctx, id: string) {
  const p = await repo.getProject(ctx.db, id);
  if (!p) throw new AppError('NOT_FOUND');
  authorize(ctx, 'read', p.community_code, true);
  const [updates, evidence] = await Promise.all([repo.updatesOf(ctx.db, id), repo.evidenceOf(ctx.db, id)]);
  return {
    ...presentProject(p),
    updates: updates.map((u) => ({ id: u.id, progress: u.progress, note: u.note, at: u.at })),
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      mime: e.mime,
      bytes: num(e.bytes),
      signer: e.signer,
      at: e.at,
    })),
  };
}

/** Locks a claimed project of the actor's area for a change; refuses a completed one. */
async function openProject(ctx: Ctx, trx: Parameters<typeof repo.lockProject>[0], id: string) {
  const p = await repo.lockProject(trx, id);
  if (!p) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', p.community_code, true);
  if (p.status === 'done') throw new AppError('COBUILD_PROJECT_DONE');
  return p;
}

export async function recordProgress(ctx: Ctx, id: string, u: { progress: number; note: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await openProject(ctx, trx, id);
    const row = {
      id: uuidv7(ctx.now.getTime()),
      project_id: id,
      community_code: p.community_code,
      ...u,
      actor_id: ctx.actor.accountId,
      at: ctx.now,
    };
    await repo.insertUpdate(trx, row);
    await repo.updateProject(trx, id, { progress: u.progress });
    await audit(trx, who(ctx), {
      action: 'cobuild.project.progress',
      entity: 'cobuild_project',
      entityId: id,
      scopeCode: p.community_code,
      before: { progress: p.progress },
      after: u,
      ip: ctx.ip,
    });
  });
  return projectDetail(ctx, id);
}

/** Adds a photo or the signature of a person served (a canvas drawing as PNG); `signer` names who signed. */
export async function addEvidence(
  ctx: Ctx,
  id: string,
  e: { kind: 'photo' | 'signature'; image: string; signer: string | null },
) {
  const img = decodeImage(e.image);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await openProject(ctx, trx, id);
    const row = {
      id: uuidv7(ctx.now.getTime()),
      project_id: id,
      community_code: p.community_code,
      kind: e.kind,
      mime: img.mime,
      bytes: img.bytes.length,
      data: img.bytes.toString('base64'),
      signer: e.kind === 'signature' ? e.signer : null,
      actor_id: ctx.actor.accountId,
      at: ctx.now,
    };
    await repo.insertEvidence(trx, row);
    const { data: _data, ...logged } = row;
    await audit(trx, who(ctx), {
      action: 'cobuild.project.evidence',
      entity: 'cobuild_evidence',
      entityId: row.id,
      scopeCode: p.community_code,
      after: logged,
      ip: ctx.ip,
    });
  });
  return projectDetail(ctx, id);
}

export async function evidenceImage(ctx: Ctx, id: string) {
  const e = await repo.getEvidence(ctx.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  authorize(ctx, 'read', e.community_code, true);
  return { mime: e.mime, bytes: Buffer.from(e.data, 'base64') };
}

/** Completes a project: needs at least one photo and one signature; the need is done with it. */
export async function complete(ctx: Ctx, id: string, summary: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await openProject(ctx, trx, id);
    const ev = await repo.evidenceOf(trx, id);
    if (!ev.some((x) => x.kind === 'photo') || !ev.some((x) => x.kind === 'signature'))
      throw new AppError('COBUILD_EVIDENCE_MISSING');
    await repo.updateProject(trx, id, { status: 'done', progress: 100, summary, completed_at: ctx.now });
    await repo.setNeedStatus(trx, p.need_id, 'done');
    await audit(trx, who(ctx), {
      action: 'cobuild.project.complete',
      entity: 'cobuild_project',
      entityId: id,
      scopeCode: p.community_code,
      before: { status: p.status },
      after: { status: 'done', summary },
      ip: ctx.ip,
    });
  });
  return projectDetail(ctx, id);
}
