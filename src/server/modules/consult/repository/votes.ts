/** SQL of votes, participation and ballots. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { RollEntry } from '../domain/ballotBox.ts';
import type { ConsultBallotsTable, ConsultParticipantsTable, ConsultVotesTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function insertVote(db: Db, row: Insertable<ConsultVotesTable>) {
  return db.insertInto('consult_votes').values(row).execute();
}

/** Freezes a vote's roll (bulk, 1,000 rows a statement). */
export async function insertRoll(db: Db, voteId: string, communityCode: string, units: readonly RollEntry[]) {
  for (let i = 0; i < units.length; i += 1000) {
    await db
      .insertInto('consult_vote_roll')
      .values(
        units.slice(i, i + 1000).map((u) => ({
          vote_id: voteId,
          community_code: communityCode,
          household_id: u.householdId,
          label: u.label,
          area_centi: u.areaCenti,
          owner_key: u.ownerKey,
          developer_unsold: u.developerUnsold,
        })),
      )
      .execute();
  }
}

/** A vote's whole roll in label order. */
export async function rollOf(db: Db, voteId: string): Promise<RollEntry[]> {
  const rows = await db
    .selectFrom('consult_vote_roll')
    .selectAll()
    .where('vote_id', '=', voteId)
    .orderBy('label')
    .orderBy('household_id')
    .execute();
  return rows.map((r) => ({
    householdId: r.household_id,
    label: r.label,
    areaCenti: Number(r.area_centi),
    ownerKey: r.owner_key,
    developerUnsold: r.developer_unsold,
  }));
}

/** One household of a vote's roll with its owner's whole area in the roll (two indexed reads). */
export async function rollUnit(db: Db, voteId: string, householdId: string) {
  const u = await db
    .selectFrom('consult_vote_roll')
    .select(['label', 'owner_key', 'area_centi'])
    .where('vote_id', '=', voteId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  if (!u) return undefined;
  const w = await db
    .selectFrom('consult_vote_roll')
    .select((eb) => eb.fn.sum<string | number>('area_centi').as('s'))
    .where('vote_id', '=', voteId)
    .where('owner_key', '=', u.owner_key)
    .executeTakeFirstOrThrow();
  return { label: u.label, ownerKey: u.owner_key, ownerArea: BigInt(w.s ?? 0) };
}

export function getVote(db: Db, id: string) {
  return db.selectFrom('consult_votes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The vote row locked for casting (shared: ballots run side by side, a close waits for them). */
export function lockVoteShared(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('consult_votes').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

/** The vote row locked for closing (waits for ballots in flight; later ballots then see it closed). */
export function lockVote(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('consult_votes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function votesOfTopics(db: Db, topicIds: readonly string[]) {
  if (!topicIds.length) return Promise.resolve([]);
  return db
    .selectFrom('consult_votes')
    .select([
      'id',
      'topic_id',
      'community_code',
      'project_id',
      'purpose',
      'title',
      'kind',
      'matter',
      'secret',
      'scope_kind',
      'scope_id',
      'total_area_centi',
      'voters',
      'opens_at',
      'closes_at',
      'closed_at',
      'result',
      'created_at',
    ])
    .where('topic_id', 'in', [...topicIds])
    .orderBy('created_at')
    .execute();
}

/** Inserts a participation row unless the voter (or the paper serial) is already in; true when inserted. */
export async function insertParticipant(trx: Transaction<Database>, row: Insertable<ConsultParticipantsTable>) {
  const r = await trx
    .insertInto('consult_participants')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
  return Number(r[0]?.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function getParticipant(db: Db, voteId: string, voterKey: string) {
  return db
    .selectFrom('consult_participants')
    .select(['channel', 'cast_at'])
    .where('vote_id', '=', voteId)
    .where('voter_key', '=', voterKey)
    .executeTakeFirst();
}

export function participantKeys(db: Db, voteId: string) {
  return db.selectFrom('consult_participants').select('voter_key').where('vote_id', '=', voteId).execute();
}

export function insertBallot(trx: Transaction<Database>, row: Insertable<ConsultBallotsTable>) {
  return trx.insertInto('consult_ballots').values(row).execute();
}

export function ballotsOf(db: Db, voteId: string) {
  return db
    .selectFrom('consult_ballots')
    .select(['voter_key', 'choice', 'weight_area_centi'])
    .where('vote_id', '=', voteId)
    .execute();
}

export function ballotByReceipt(db: Db, voteId: string, receiptHash: string) {
  return db
    .selectFrom('consult_ballots')
    .select(['choice'])
    .where('vote_id', '=', voteId)
    .where('receipt_hash', '=', receiptHash)
    .executeTakeFirst();
}

/** Counts of participants and ballots: they must always be equal (each ballot counted exactly once). */
export async function voteCounts(db: Db, voteId: string) {
  const r = await db
    .selectNoFrom([
      sql<string>`(select count(*) from consult_participants where vote_id = ${voteId})`.as('participants'),
      sql<string>`(select count(*) from consult_ballots where vote_id = ${voteId})`.as('ballots'),
    ])
    .executeTakeFirstOrThrow();
  return { participants: Number(r.participants), ballots: Number(r.ballots) };
}

export function closeVote(trx: Transaction<Database>, id: string, at: Date, result: unknown) {
  return trx
    .updateTable('consult_votes')
    .set({ closed_at: at, result: JSON.stringify(result) })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** Open votes (not closed) of a community or under a code. */
export async function openVoteCount(db: Db, codePrefix: string) {
  const r = await db
    .selectFrom('consult_votes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('closed_at', 'is', null)
    .where('community_code', 'like', `${codePrefix.replace(/[^0-9]/g, '')}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Bulk participation rows (the demo seed and the benchmark's reference insert). */
export async function insertParticipantsBulk(db: Db, rows: Insertable<ConsultParticipantsTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('consult_participants')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Bulk ballots (the demo seed). */
export async function insertBallotsBulk(db: Db, rows: Insertable<ConsultBallotsTable>[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('consult_ballots')
      .values(rows.slice(i, i + 1000))
      .execute();
}
