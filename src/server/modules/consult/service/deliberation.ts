/**
 * Deliberation on a topic: comments and replies, supports, proposals with alternatives, meetings (attendance from
 * the register), and versioned drawings (PNG/JPEG/SVG/PDF stored as base64 like case photos; the version number
 * grows per topic, so the public page shows how the drawing changed).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { audit } from '../../../platform/audit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { scopeRoll } from '../../registry/index.ts';
import * as repo from '../repository.ts';
import type { ConsultDrawingsTable, ConsultMeetingsTable } from '../schema.ts';
import { auditActor, scopeOf, topicFor, type Ctx } from './access.ts';

/** Adds a comment (or a reply to one of the same topic). */
export async function comment(ctx: Ctx, topicId: string, body: string, parentId: string | null): Promise<string> {
  const t = await topicFor(ctx, topicId, 'comment');
  if (parentId) {
    const p = await repo.getComment(ctx.db, parentId);
    if (!p || p.topic_id !== t.id) throw new AppError('NOT_FOUND');
  }
  const id = uuidv7(ctx.now.getTime());
  await repo.insertComment(ctx.db, {
    id,
    topic_id: t.id,
    community_code: t.community_code,
    parent_id: parentId,
    account_id: ctx.actor.accountId,
    author: ctx.actor.displayName,
    body,
    created_at: ctx.now,
  });
  return id;
}

/** A resident of the scope supports the topic (once); returns the count. */
export async function support(ctx: Ctx, topicId: string): Promise<number> {
  const t = await topicFor(ctx, topicId, 'support');
  await repo.addSupport(ctx.db, t.id, t.community_code, ctx.actor.accountId, ctx.now);
  return repo.supportCount(ctx.db, t.id);
}

/** A proposal with its alternatives (staff or residents of the scope). */
export async function propose(
  ctx: Ctx,
  topicId: string,
  p: { title: string; body: string; alternatives: string[] },
): Promise<string> {
  const t = await topicFor(ctx, topicId, 'comment');
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProposal(trx, {
      id,
      topic_id: t.id,
      community_code: t.community_code,
      title: p.title,
      body: p.body,
      alternatives: JSON.stringify(p.alternatives),
      account_id: ctx.actor.accountId,
      created_at: ctx.now,
    });
    await audit(trx, auditActor(ctx), {
      action: 'consult.proposal',
      entity: 'consult_topic',
      entityId: t.id,
      scopeCode: t.community_code,
      after: { proposal: id, title: p.title },
      ip: ctx.ip,
    });
  });
  return id;
}

/** Records a meeting; attendance is the households present, each checked against the scope's register. */
export async function recordMeeting(
  ctx: Ctx,
  topicId: string,
  m: {
    kind: ConsultMeetingsTable['kind'];
    heldAt: Date;
    agenda: string[];
    households: string[];
    minutes: string;
    decisions: string[];
  },
): Promise<string> {
  const t = await topicFor(ctx, topicId, 'manage');
  const roll = await scopeRoll(ctx.db, t.community_code, scopeOf(t));
  const inScope = new Set(roll?.units.map((u) => u.householdId));
  const present = [...new Set(m.households)];
  if (present.some((h) => !inScope.has(h))) {
    throw new AppError('CONSULT_NOT_IN_SCOPE', { params: { scope: t.scope_name } });
  }
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, {
      id,
      topic_id: t.id,
      community_code: t.community_code,
      kind: m.kind,
      held_at: m.heldAt,
      agenda: JSON.stringify(m.agenda),
      attendance: JSON.stringify({ households: present, ofHouseholds: inScope.size }),
      minutes: m.minutes,
      decisions: JSON.stringify(m.decisions),
      created_at: ctx.now,
    });
    await audit(trx, auditActor(ctx), {
      action: 'consult.meeting',
      entity: 'consult_topic',
      entityId: t.id,
      scopeCode: t.community_code,
      after: { meeting: id, kind: m.kind, present: present.length },
      ip: ctx.ip,
    });
  });
  return id;
}

const MAGIC: { type: ConsultDrawingsTable['media_type']; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/svg+xml',
    test: (b) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(b.subarray(0, 400).toString('utf8')),
  },
];

/** The media type of a drawing by its first bytes (the client's claim is not trusted). */
export function drawingType(data: Buffer, name: string): ConsultDrawingsTable['media_type'] {
  const hit = MAGIC.find((m) => m.test(data));
  if (!hit) throw new AppError('CONSULT_BAD_FILE', { params: { name: name.slice(0, 80) } });
  return hit.type;
}

/** Adds the next version of the topic's drawing; returns its id and version. */
export async function addDrawing(
  ctx: Ctx,
  topicId: string,
  d: { title: string; note: string; data: Buffer; filename: string },
): Promise<{ id: string; version: number }> {
  const t = await topicFor(ctx, topicId, 'manage');
  const media = drawingType(d.data, d.filename);
  const id = uuidv7(ctx.now.getTime());
  const version = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTopic(trx, t.id); // one writer at a time per topic: versions never collide
    const v = await repo.nextDrawingVersion(trx, t.id);
    await repo.insertDrawing(trx, {
      id,
      topic_id: t.id,
      community_code: t.community_code,
      title: d.title,
      version: v,
      media_type: media,
      data: d.data.toString('base64'),
      bytes: d.data.length,
      sha256: createHash('sha256').update(d.data).digest('hex'),
      note: d.note,
      created_at: ctx.now,
    });
    await audit(trx, auditActor(ctx), {
      action: 'consult.drawing',
      entity: 'consult_topic',
      entityId: t.id,
      scopeCode: t.community_code,
      after: { drawing: id, version: v, media, bytes: d.data.length },
      ip: ctx.ip,
    });
    return v;
  });
  return { id, version };
}
