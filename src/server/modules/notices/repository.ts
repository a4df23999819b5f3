/** The notices module's SQL: notices, the households each was addressed to, reads and "told in person". */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { likePrefix } from '../../platform/db/like.ts';
import type { NoticeHouseholdsTable, NoticesTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const noticeColumns = [
  'id',
  'community_code',
  'scope_kind',
  'scope_value',
  'scope_label',
  'title',
  'body',
  'urgent',
  'sender_name',
  'households',
  'sent_at',
] as const;

/** Inserts a notice and its households (in chunks). */
export async function insertNotice(
  db: Db,
  n: Insertable<NoticesTable>,
  households: Insertable<NoticeHouseholdsTable>[],
): Promise<void> {
  await db.insertInto('notices').values(n).execute();
  for (let i = 0; i < households.length; i += 1000)
    await db
      .insertInto('notice_households')
      .values(households.slice(i, i + 1000))
      .execute();
}

/** One notice. */
export function getNotice(db: Db, id: string) {
  return db.selectFrom('notices').select(noticeColumns).where('id', '=', id).executeTakeFirst();
}

/** Read and told counts of notices (one row per notice). */
export async function countsOf(db: Db, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { read: number; told: number }>();
  const rows = await db
    .selectFrom('notice_households')
    .select([
      'notice_id',
      sql<number>`count(*) FILTER (WHERE read_at IS NOT NULL)`.as('read'),
      sql<number>`count(*) FILTER (WHERE read_at IS NULL AND told_at IS NOT NULL)`.as('told'),
    ])
    .where('notice_id', 'in', ids)
    .groupBy('notice_id')
    .execute();
  return new Map(rows.map((r) => [r.notice_id, { read: Number(r.read), told: Number(r.told) }]));
}

/** A page of notices under a place code (community or above), newest first. */
export function noticesUnder(db: Db, code: string, after: { at: Date; id: string } | null, limit: number) {
  let q = db
    .selectFrom('notices')
    .select(noticeColumns)
    .where(
      'community_code',
      code.length >= 12 ? '=' : 'like',
      code.length >= 12 ? code.slice(0, 12) : likePrefix(code),
    );
  if (after)
    q = q.where((eb) =>
      eb.or([eb('sent_at', '<', after.at), eb.and([eb('sent_at', '=', after.at), eb('id', '<', after.id)])]),
    );
  return q.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Households, read and told per grid of one notice (optionally one grid only). */
export async function perGrid(db: Db, noticeId: string, grid: string | null) {
  let q = db
    .selectFrom('notice_households')
    .select([
      'grid_code',
      sql<number>`count(*)`.as('households'),
      sql<number>`count(*) FILTER (WHERE read_at IS NOT NULL)`.as('read'),
      sql<number>`count(*) FILTER (WHERE read_at IS NULL AND told_at IS NOT NULL)`.as('told'),
    ])
    .where('notice_id', '=', noticeId);
  if (grid) q = q.where('grid_code', '=', grid);
  const rows = await q.groupBy('grid_code').orderBy('grid_code').execute();
  return rows.map((r) => ({
    gridCode: r.grid_code,
    households: Number(r.households),
    read: Number(r.read),
    told: Number(r.told),
  }));
}

/** The households of one notice in one grid that have not read it (told or not). */
export function unreadInGrid(db: Db, noticeId: string, grid: string) {
  return db
    .selectFrom('notice_households')
    .select(['household_id', 'building_id', 'told_at'])
    .where('notice_id', '=', noticeId)
    .where('grid_code', '=', grid)
    .where('read_at', 'is', null)
    .execute();
}

/** One addressed household of a notice. */
export function addressed(db: Db, noticeId: string, householdId: string) {
  return db
    .selectFrom('notice_households')
    .select(['household_id', 'grid_code', 'community_code', 'read_at', 'told_at'])
    .where('notice_id', '=', noticeId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
}

/** Marks read for a household (the first read counts); true when this call marked it. */
export async function markRead(db: Db, noticeId: string, householdId: string, accountId: string, at: Date) {
  const r = await db
    .updateTable('notice_households')
    .set({ read_at: at, read_by: accountId })
    .where('notice_id', '=', noticeId)
    .where('household_id', '=', householdId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records "told in person" (the first time counts); true when this call recorded it. */
export async function markTold(db: Db, noticeId: string, householdId: string, accountId: string, at: Date) {
  const r = await db
    .updateTable('notice_households')
    .set({ told_at: at, told_by: accountId })
    .where('notice_id', '=', noticeId)
    .where('household_id', '=', householdId)
    .where('told_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The notices addressed to one household, newest first, with its read time. */
export function noticesOfHousehold(db: Db, householdId: string, limit: number) {
  return db
    .selectFrom('notice_households as h')
    .innerJoin('notices as n', 'n.id', 'h.notice_id')
    .select(['n.id', 'n.title', 'n.body', 'n.urgent', 'n.sender_name', 'n.sent_at', 'h.read_at'])
    .where('h.household_id', '=', householdId)
    .orderBy('n.sent_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** Urgent notices sent since `since` under a code, and their households neither read nor told. */
export async function urgentUnread(db: Db, code: string, since: Date) {
  const r = await db
    .selectFrom('notices as n')
    .innerJoin('notice_households as h', 'h.notice_id', 'n.id')
    .select([
      sql<number>`count(DISTINCT n.id)`.as('notices'),
      sql<number>`count(*) FILTER (WHERE h.read_at IS NULL AND h.told_at IS NULL)`.as('unread'),
    ])
    .where('n.urgent', '=', true)
    .where('n.sent_at', '>=', since)
    .where(sql<string>`coalesce(h.grid_code, h.community_code)`, 'like', likePrefix(code))
    .executeTakeFirstOrThrow();
  return { notices: Number(r.notices), unread: Number(r.unread) };
}
