/**
 * Votes: open over the topic's registry scope (the roll is frozen at opening), cast online by a resident of the
 * scope (owners' votes: the registered owner) or on paper by staff (serial + scan), close and tally.
 *
 * Exactly once: one participation row per voter (primary key (vote, voter)), inserted with ON CONFLICT DO NOTHING
 * in the same transaction as the ballot, so a second ballot — online, on paper, or the same one twice at once — is
 * refused with the channel of the first. Casting holds a shared lock on the vote row and closing an exclusive one,
 * so a close waits for ballots in flight and a ballot after the close sees it closed; a trigger (migration 0013)
 * refuses any write to a closed vote whoever writes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { audit } from '../../../platform/audit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { scopeRoll } from '../../registry/index.ts';
import { formatArea, parseArea } from '../domain/area.ts';
import { outcomeOf, resultOf, type RollEntry, type VoteResult } from '../domain/ballotBox.ts';
import type { Choice, Matter } from '../domain/tally.ts';
import type { TallyFile } from '../domain/tallyFile.ts';
import * as repo from '../repository.ts';
import { auditActor, homeOf, scopeOf, topicFor, type Ctx } from './access.ts';

/** What staff give to open a vote. */
export interface OpenVote {
  title: string;
  kind: 'owners' | 'households';
  matter: Matter;
  secret: boolean;
  closesAt: Date;
  /** Owners' votes: the scope's total exclusive area from the property register ("12345.67"), checked. */
  declaredTotalArea?: string | undefined;
  purpose?: 'decision' | 'acceptance';
}

const receiptHash = (voteId: string, code: string) =>
  createHash('sha256').update(`${voteId}:${code.toUpperCase()}`).digest('hex');

/** Opens a vote on a topic at 表决 (decision) or 验收 (acceptance of its project). Returns the vote id. */
export async function openVote(ctx: Ctx, topicId: string, o: OpenVote): Promise<string> {
  const t = await topicFor(ctx, topicId, 'open_vote');
  const purpose = o.purpose ?? 'decision';
  const need = purpose === 'decision' ? 'vote' : 'acceptance';
  if (t.stage !== need) throw new AppError('CONSULT_WRONG_STAGE', { params: { stage: t.stage, need } });
  const project = purpose === 'acceptance' ? await repo.projectOfTopic(ctx.db, t.id) : undefined;
  if (purpose === 'acceptance' && !project) throw new AppError('CONSULT_NOT_APPROVED');
  const roll = await scopeRoll(ctx.db, t.community_code, scopeOf(t));
  if (!roll)
    throw new AppError('CONSULT_SCOPE_UNKNOWN', {
      params: { kind: t.scope_kind, id: t.scope_id, community: t.community_code },
    });
  if (!roll.units.length) throw new AppError('CONSULT_ROLL_INCOMPLETE', { params: { unit: roll.name } });
  let total = 0n;
  for (const u of roll.units) {
    if (o.kind === 'owners' && (u.ownerKey === '' || u.areaCenti <= 0)) {
      throw new AppError('CONSULT_ROLL_INCOMPLETE', { params: { unit: u.label } });
    }
    total += BigInt(u.areaCenti);
  }
  if (o.kind === 'owners') {
    const declared = o.declaredTotalArea === undefined ? null : parseArea(o.declaredTotalArea);
    if (declared !== total) {
      throw new AppError('CONSULT_AREA_MISMATCH', {
        params: { sum: formatArea(total), declared: o.declaredTotalArea ?? '—' },
      });
    }
  }
  const entries: RollEntry[] = roll.units.map((u) => ({
    householdId: u.householdId,
    label: u.label,
    areaCenti: u.areaCenti,
    ownerKey: u.ownerKey,
    developerUnsold: u.developerUnsold,
  }));
  const voters = o.kind === 'owners' ? new Set(entries.map((u) => u.ownerKey)).size : entries.length;
  if (o.closesAt.getTime() <= ctx.now.getTime()) {
    throw new AppError('CONSULT_VOTE_CLOSED', { params: { at: o.closesAt.toISOString() } });
  }
  const id = uuidv7(ctx.now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertVote(trx, {
      id,
      topic_id: t.id,
      community_code: t.community_code,
      project_id: project?.id ?? null,
      purpose,
      title: o.title,
      kind: o.kind,
      matter: o.matter,
      secret: o.secret,
      scope_kind: t.scope_kind,
      scope_id: t.scope_id,
      total_area_centi: total.toString(),
      voters,
      opens_at: ctx.now,
      closes_at: o.closesAt,
      created_at: ctx.now,
    });
    await repo.insertRoll(trx, id, t.community_code, entries);
    await audit(trx, auditActor(ctx), {
      action: 'consult.vote_open',
      entity: 'consult_vote',
      entityId: id,
      scopeCode: t.community_code,
      after: { topicId: t.id, kind: o.kind, matter: o.matter, secret: o.secret, voters, totalArea: formatArea(total) },
      ip: ctx.ip,
    });
  });
  return id;
}

type VoteRow = NonNullable<Awaited<ReturnType<typeof repo.getVote>>>;

/** The vote and its topic, checked for `action`. */
async function voteFor(ctx: Ctx, voteId: string, action: 'read' | 'vote_online' | 'vote_paper' | 'close_vote') {
  const v = await repo.getVote(ctx.db, voteId);
  if (!v) throw new AppError('NOT_FOUND');
  const t = await topicFor(ctx, v.topic_id, action);
  return { v, t };
}

/** Casts one ballot; `voter` is resolved by the caller. Returns the receipt code of a secret ballot. */
async function cast(
  ctx: Ctx,
  voteId: string,
  voter: { key: string; weight: bigint },
  choice: Choice,
  paper: { serial: string; scan: string } | null,
): Promise<{ receipt: string | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    const v = await repo.lockVoteShared(trx, voteId);
    if (!v) throw new AppError('NOT_FOUND');
    if (v.closed_at || v.closes_at.getTime() <= ctx.now.getTime()) {
      throw new AppError('CONSULT_VOTE_CLOSED', { params: { at: (v.closed_at ?? v.closes_at).toISOString() } });
    }
    if (v.opens_at.getTime() > ctx.now.getTime()) {
      throw new AppError('CONSULT_VOTE_NOT_OPEN', { params: { at: v.opens_at.toISOString() } });
    }
    const inserted = await repo.insertParticipant(trx, {
      vote_id: v.id,
      community_code: v.community_code,
      voter_key: voter.key,
      channel: paper ? 'paper' : 'online',
      account_id: paper ? null : ctx.actor.accountId,
      paper_serial: paper?.serial ?? null,
      scan: paper?.scan ?? null,
      cast_at: ctx.now,
    });
    if (!inserted) {
      const first = await repo.getParticipant(trx, v.id, voter.key);
      if (!first && paper) throw new AppError('CONSULT_SERIAL_USED', { params: { serial: paper.serial } });
      const online = first?.channel === 'online';
      throw new AppError('CONSULT_ALREADY_VOTED', {
        params: {
          who: v.kind === 'owners' ? { zh: '业主', en: 'owner' } : { zh: '户', en: 'household' },
          channel: online ? { zh: '线上', en: 'online' } : { zh: '纸质', en: 'on paper' },
        },
      });
    }
    const receipt = v.secret
      ? randomBytes(8).toString('base64url').replace(/[-_]/g, 'X').slice(0, 10).toUpperCase()
      : null;
    await repo.insertBallot(trx, {
      id: randomUUID(),
      vote_id: v.id,
      community_code: v.community_code,
      voter_key: v.secret ? null : voter.key,
      choice,
      weight_area_centi: voter.weight.toString(),
      receipt_hash: receipt ? receiptHash(v.id, receipt) : null,
    });
    await audit(trx, auditActor(ctx), {
      action: 'consult.ballot',
      entity: 'consult_vote',
      entityId: v.id,
      scopeCode: v.community_code,
      // a secret ballot's choice never reaches the log: only that this voter took part
      after: {
        voterKey: voter.key,
        channel: paper ? 'paper' : 'online',
        serial: paper?.serial ?? null,
        ...(v.secret ? {} : { choice }),
      },
      ip: ctx.ip,
    });
    return { receipt };
  });
}

/** The voter key and weight of a household in a vote's roll. */
async function voterOf(
  db: Ctx['db'],
  v: VoteRow,
  householdId: string,
): Promise<{ key: string; weight: bigint; label: string } | null> {
  const unit = await repo.rollUnit(db, v.id, householdId);
  if (!unit) return null;
  if (v.kind === 'households') return { key: householdId, weight: 0n, label: unit.label };
  // an owner votes once for all their units: the weight is their whole exclusive area in the scope
  return { key: unit.ownerKey, weight: unit.ownerArea, label: unit.label };
}

/** A resident votes on their phone (owners' vote: only the registered owner). */
export async function castOnline(ctx: Ctx, voteId: string, choice: Choice) {
  const { v, t } = await voteFor(ctx, voteId, 'vote_online');
  const home = await homeOf(ctx);
  const voter = home ? await voterOf(ctx.db, v, home.householdId) : null;
  if (!home || !voter) throw new AppError('CONSULT_NOT_IN_SCOPE', { params: { scope: t.scope_name } });
  if (v.kind === 'owners') {
    if (home.ownerKey === '') throw new AppError('CONSULT_UNIT_NO_OWNER', { params: { unit: voter.label } });
    if (!home.isOwner) throw new AppError('CONSULT_NOT_OWNER');
  }
  return cast(ctx, v.id, voter, choice, null);
}

/** Staff enter a paper ballot for a household of the roll, with its serial number and scan (base64 JPEG). */
export async function castPaper(
  ctx: Ctx,
  voteId: string,
  p: { householdId: string; serial: string; choice: Choice; scan: string },
) {
  const { v, t } = await voteFor(ctx, voteId, 'vote_paper');
  const voter = await voterOf(ctx.db, v, p.householdId);
  if (!voter) throw new AppError('CONSULT_NOT_IN_SCOPE', { params: { scope: t.scope_name } });
  if (v.kind === 'owners' && voter.key === '')
    throw new AppError('CONSULT_UNIT_NO_OWNER', { params: { unit: voter.label } });
  return cast(ctx, v.id, voter, p.choice, { serial: p.serial, scan: p.scan });
}

/** The tally of a vote from its stored ballots. */
async function outcome(db: Ctx['db'], v: VoteRow) {
  const [ballots, keys, roll] = await Promise.all([
    repo.ballotsOf(db, v.id),
    repo.participantKeys(db, v.id),
    repo.rollOf(db, v.id),
  ]);
  return outcomeOf(
    { kind: v.kind, matter: v.matter, secret: v.secret, roll },
    ballots.map((b) => ({ voterKey: b.voter_key, choice: b.choice, weightCenti: BigInt(b.weight_area_centi) })),
    new Set(keys.map((k) => k.voter_key)),
  );
}

/** Closes a vote and stores its result; a failed acceptance reopens the project's last milestone. */
export async function closeVote(ctx: Ctx, voteId: string): Promise<VoteResult> {
  await voteFor(ctx, voteId, 'close_vote');
  return ctx.db.transaction().execute(async (trx) => {
    const v = await repo.lockVote(trx, voteId);
    if (!v) throw new AppError('NOT_FOUND');
    if (v.closed_at) throw new AppError('CONSULT_VOTE_CLOSED', { params: { at: v.closed_at.toISOString() } });
    const result = resultOf(await outcome(trx, v));
    await repo.closeVote(trx, v.id, ctx.now, result);
    if (v.purpose === 'acceptance' && v.project_id) {
      if (result.passed) await repo.setProjectStatus(trx, v.project_id, 'accepted');
      else await repo.reopenLastMilestone(trx, v.project_id);
    }
    await audit(trx, auditActor(ctx), {
      action: 'consult.vote_close',
      entity: 'consult_vote',
      entityId: v.id,
      scopeCode: v.community_code,
      after: { quorum: result.quorum, passed: result.passed, summary: result.summary },
      ip: ctx.ip,
    });
    return result;
  });
}

/** The running tally (staff in scope) — or the stored result of a closed vote. */
export async function voteTally(ctx: Ctx, voteId: string) {
  const { v } = await voteFor(ctx, voteId, 'close_vote');
  const counts = await repo.voteCounts(ctx.db, v.id);
  const result = v.closed_at ? (v.result as VoteResult) : resultOf(await outcome(ctx.db, v));
  return { result, counts, closed: v.closed_at !== null };
}

/** The published tally file of a closed owners' vote (what `linli vote tally` reads); null otherwise. */
export async function tallyFileOf(db: Ctx['db'], v: VoteRow): Promise<TallyFile | null> {
  if (!v.closed_at || v.kind !== 'owners') return null;
  const o = await outcome(db, v);
  return o.kind === 'owners' ? o.file : null;
}

/** A voter checks their secret ballot with the receipt code: the recorded choice, or 404. */
export async function checkReceipt(ctx: Ctx, voteId: string, code: string): Promise<{ choice: Choice }> {
  const { v } = await voteFor(ctx, voteId, 'read');
  const b = await repo.ballotByReceipt(ctx.db, v.id, receiptHash(v.id, code.trim()));
  if (!b) throw new AppError('CONSULT_RECEIPT_UNKNOWN');
  return { choice: b.choice };
}

/** Whether the acting resident has taken part in a vote (their own participation only). */
export async function myParticipation(ctx: Ctx, v: VoteRow): Promise<'online' | 'paper' | null> {
  const home = await homeOf(ctx);
  const voter = home ? await voterOf(ctx.db, v, home.householdId) : null;
  if (!voter) return null;
  return (await repo.getParticipant(ctx.db, v.id, voter.key))?.channel ?? null;
}
