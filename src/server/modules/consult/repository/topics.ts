/** SQL of topics, their stage dates, linked cases and deliberation (comments, supports, proposals, meetings). */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type {
  ConsultCommentsTable,
  ConsultDrawingsTable,
  ConsultMeetingsTable,
  ConsultProposalsTable,
  ConsultTopicsTable,
} from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function insertTopic(db: Db, row: Insertable<ConsultTopicsTable>) {
  return db.insertInto('consult_topics').values(row).execute();
}

export function getTopic(db: Db, id: string) {
  return db.selectFrom('consult_topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockTopic(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('consult_topics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Newest first, under a community or street code; at most 200 (a community has tens of topics a year). */
export function topicsUnder(db: Db, codePrefix: string) {
  return db
    .selectFrom('consult_topics')
    .selectAll()
    .where('community_code', 'like', `${codePrefix.replace(/[^0-9]/g, '')}%`)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Published topics of a community (public pages). */
export function publishedTopics(db: Db, communityCode: string) {
  return db
    .selectFrom('consult_topics')
    .selectAll()
    .where('community_code', '=', communityCode)
    .where('published', '=', true)
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
}

export function setStage(trx: Transaction<Database>, id: string, stage: string, published: boolean, at: Date) {
  return trx
    .updateTable('consult_topics')
    .set({ stage, published, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertStageDate(
  db: Db,
  row: { topic_id: string; community_code: string; stage: string; started_at: Date; note: string | null },
) {
  return db.insertInto('consult_stage_dates').values(row).execute();
}

export function stageDates(db: Db, topicId: string) {
  return db
    .selectFrom('consult_stage_dates')
    .select(['stage', 'started_at', 'note'])
    .where('topic_id', '=', topicId)
    .orderBy('started_at')
    .execute();
}

export function linkCases(db: Db, rows: { topic_id: string; community_code: string; case_id: string }[]) {
  if (!rows.length) return Promise.resolve();
  return db
    .insertInto('consult_topic_cases')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function caseIdsOf(db: Db, topicId: string) {
  return db.selectFrom('consult_topic_cases').select('case_id').where('topic_id', '=', topicId).execute();
}

export function insertComment(db: Db, row: Insertable<ConsultCommentsTable>) {
  return db.insertInto('consult_comments').values(row).execute();
}

export function commentsOf(db: Db, topicId: string) {
  return db
    .selectFrom('consult_comments')
    .select(['id', 'parent_id', 'account_id', 'author', 'body', 'created_at'])
    .where('topic_id', '=', topicId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

export function getComment(db: Db, id: string) {
  return db.selectFrom('consult_comments').select(['id', 'topic_id']).where('id', '=', id).executeTakeFirst();
}

/** Adds a support; false when the account already supports the topic. */
export async function addSupport(db: Db, topicId: string, communityCode: string, accountId: string, at: Date) {
  const r = await db
    .insertInto('consult_supports')
    .values({ topic_id: topicId, community_code: communityCode, account_id: accountId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return Number(r[0]?.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function supportCount(db: Db, topicId: string) {
  const r = await db
    .selectFrom('consult_supports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('topic_id', '=', topicId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertProposal(db: Db, row: Insertable<ConsultProposalsTable>) {
  return db.insertInto('consult_proposals').values(row).execute();
}

export function proposalsOf(db: Db, topicId: string) {
  return db
    .selectFrom('consult_proposals')
    .select(['id', 'title', 'body', 'alternatives', 'created_at'])
    .where('topic_id', '=', topicId)
    .orderBy('created_at')
    .execute();
}

export function insertMeeting(db: Db, row: Insertable<ConsultMeetingsTable>) {
  return db.insertInto('consult_meetings').values(row).execute();
}

export function meetingsOf(db: Db, topicId: string) {
  return db
    .selectFrom('consult_meetings')
    .select(['id', 'kind', 'held_at', 'agenda', 'attendance', 'minutes', 'decisions'])
    .where('topic_id', '=', topicId)
    .orderBy('held_at')
    .execute();
}

/** The next drawing version of a topic (1 for the first). */
export async function nextDrawingVersion(trx: Transaction<Database>, topicId: string) {
  const r = await trx
    .selectFrom('consult_drawings')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export function insertDrawing(db: Db, row: Insertable<ConsultDrawingsTable>) {
  return db.insertInto('consult_drawings').values(row).execute();
}

export function drawingsOf(db: Db, topicId: string) {
  return db
    .selectFrom('consult_drawings')
    .select(['id', 'title', 'version', 'media_type', 'bytes', 'sha256', 'note', 'created_at'])
    .where('topic_id', '=', topicId)
    .orderBy('version')
    .execute();
}

export function getDrawing(db: Db, id: string) {
  return db.selectFrom('consult_drawings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Topics in progress (past 征集, before 评价) under a code. */
export async function topicsInProgress(db: Db, codePrefix: string) {
  const r = await db
    .selectFrom('consult_topics')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('community_code', 'like', `${codePrefix.replace(/[^0-9]/g, '')}%`)
    .where('stage', '<>', 'review')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
