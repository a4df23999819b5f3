/** The cases module's SQL: one named function per query. Callers pass the db or a transaction. */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import { likeContains } from '../../platform/db/like.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CasesTable, CaseEventsTable, CasePhotosTable } from './schema.ts';
import type { Status } from './domain/workflow.ts';
import { OPEN_STATUSES, UNRESOLVED_STATUSES } from './domain/status.ts';
import { INBOX_SUFFIX } from './domain/metrics.ts';

type Db = Kysely<Database> | Transaction<Database>;
/** A case row as read. */
export type CaseRow = Selectable<CasesTable>;
export { OPEN_STATUSES } from './domain/status.ts';

export function getCase(db: Db, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}
/**
 * Reads and row-locks a case for a transition (PostgreSQL serialises concurrent writers here). Lock order of the
 * module: case rows first (ascending id when a transaction needs several), then their escalation job rows.
 */
export function lockCase(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
/** Reads and row-locks several cases one by one in id order (a fixed order, so two lockers cannot deadlock). */
export async function lockCases(trx: Transaction<Database>, ids: string[]): Promise<(CaseRow | undefined)[]> {
  const out: (CaseRow | undefined)[] = [];
  for (const id of [...new Set(ids)].sort()) out.push(await lockCase(trx, id));
  return out;
}
/** The person's still-open help case reported since `since`, if any. */
export function openHelpCase(db: Db, accountId: string, category: string, since: Date) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('reporter_id', '=', accountId)
    .where('category_code', '=', category)
    .where('status', 'in', UNRESOLVED_STATUSES)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
/** Optimistic update: applies only when `version` still matches. */
export function updateCase(db: Db, id: string, version: number, patch: Updateable<CasesTable>) {
  return db
    .updateTable('cases')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
export function casesByIds(db: Db, ids: string[]) {
  return ids.length ? db.selectFrom('cases').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function insertEvent(db: Db, row: Insertable<CaseEventsTable>) {
  return db.insertInto('case_events').values(row).execute();
}
export function eventsOf(db: Db, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('seq').execute();
}
export function insertPhotos(db: Db, rows: Insertable<CasePhotosTable>[]) {
  return rows.length ? db.insertInto('case_photos').values(rows).execute() : Promise.resolve([]);
}
export function photoIdsOf(db: Db, caseIds: string[]) {
  return caseIds.length
    ? db
        .selectFrom('case_photos')
        .select(['id', 'case_id', 'event_id'])
        .where('case_id', 'in', caseIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);
}
export function getPhoto(db: Db, id: string) {
  return db.selectFrom('case_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds a supporter; false when already one. */
export async function addSupporter(
  db: Db,
  caseId: string,
  accountId: string,
  communityCode: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('case_supporters')
    .values({ case_id: caseId, account_id: accountId, community_code: communityCode, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
export async function supporterCounts(db: Db, caseIds: string[]): Promise<Map<string, number>> {
  if (!caseIds.length) return new Map();
  const rows = await db
    .selectFrom('case_supporters')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, Number(r.n)]));
}
export function supportersOf(db: Db, caseId: string) {
  return db.selectFrom('case_supporters').select('account_id').where('case_id', '=', caseId).execute();
}

export function getIdempotency(db: Db, owner: string, key: string) {
  return db
    .selectFrom('case_idempotency')
    .selectAll()
    .where('owner', '=', owner)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Creates or re-arms the escalation job of (case, kind, level). */
export function upsertJob(
  db: Db,
  caseId: string,
  kind: 'accept' | 'resolve',
  level: CaseRow['level'],
  communityCode: string,
  dueAt: Date,
) {
  return db
    .insertInto('case_escalation_jobs')
    .values({ case_id: caseId, kind, level, community_code: communityCode, due_at: dueAt, done_at: null, result: null })
    .onConflict((oc) =>
      oc.columns(['case_id', 'kind', 'level']).doUpdateSet({
        due_at: dueAt,
        done_at: null,
        result: null,
        attempts: 0,
        last_error: null,
        next_attempt_at: null,
        parked_at: null,
      }),
    )
    .execute();
}
export function finishJob(db: Db, caseId: string, kind: string, level: string, at: Date, result: string) {
  return db
    .updateTable('case_escalation_jobs')
    .set({ done_at: at, result })
    .where('case_id', '=', caseId)
    .where('kind', '=', kind as 'accept')
    .where('level', '=', level as CaseRow['level'])
    .execute();
}

export function insertNotifications(
  db: Db,
  rows: {
    id: string;
    account_id: string;
    case_id: string;
    community_code: string;
    type: string;
    status: Status;
    created_at: Date;
  }[],
) {
  return rows.length ? db.insertInto('case_notifications').values(rows).execute() : Promise.resolve([]);
}
export function notificationsOf(db: Db, accountId: string, after: Date | null, limit: number) {
  let q = db
    .selectFrom('case_notifications as n')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .select([
      'n.id',
      'n.case_id',
      'n.type',
      'n.status',
      'n.read_at',
      'n.created_at',
      'c.category_code',
      'c.created_at as case_created_at',
    ])
    .where('n.account_id', '=', accountId);
  if (after) q = q.where('n.created_at', '>', after);
  return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute();
}
export function markNotificationsRead(db: Db, accountId: string, ids: string[] | null, at: Date) {
  let q = db
    .updateTable('case_notifications')
    .set({ read_at: at })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** Open cases of a class inside a bounding box reported since `since` (duplicate candidates). */
export function openNearby(
  db: Db,
  categoryCode: string,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
  since: Date,
) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('category_code', '=', categoryCode)
    .where('status', 'in', OPEN_STATUSES)
    .where('lat', '>=', box.minLat)
    .where('lat', '<=', box.maxLat)
    .where('lon', '>=', box.minLon)
    .where('lon', '<=', box.maxLon)
    .where('created_at', '>=', since)
    .limit(50)
    .execute();
}

/** Filters for staff lists. */
export interface CaseFilter {
  code: string;
  status?: Status[];
  categoryCode?: string;
  level?: string;
  overdueAt?: Date;
  supervised?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  handlerCode?: string;
}

function filtered(db: Db, f: CaseFilter) {
  let q = db
    .selectFrom('cases')
    .where((eb) =>
      eb.or([
        eb(sql<string>`coalesce(grid_code, community_code)`, 'like', `${f.code}%`),
        eb('handler_code', 'like', `${f.code}%`),
      ]),
    );
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.level) q = q.where('level', '=', f.level as CaseRow['level']);
  if (f.handlerCode) q = q.where('handler_code', '=', f.handlerCode);
  if (f.supervised) q = q.where('supervised', '=', true);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.q) {
    const pattern = likeContains(f.q);
    q = q.where((eb) => eb.or([eb('description', 'like', pattern), eb('address', 'like', pattern)]));
  }
  if (f.overdueAt) {
    const now = f.overdueAt;
    q = q
      .where('status', 'in', UNRESOLVED_STATUSES)
      .where((eb) =>
        eb.or([eb('accept_by', '<=', now), eb.and([eb('status', '=', 'handling'), eb('resolve_by', '<=', now)])]),
      );
  }
  return q;
}
/**
 * Keyset position: rows strictly after (created_at, id) in `created_at desc, id desc` order. The instant is kept
 * in whole microseconds (PostgreSQL's precision), so rows a millisecond apart are never skipped or repeated.
 */
export interface CaseKey {
  createdAtUs: string;
  id: string;
}
/** The instant of a row's created_at in microseconds since the epoch, as text (for the next cursor). */
const createdUs = sql<string>`(extract(epoch from created_at) * 1000000)::bigint::text`.as('created_us');
const afterCase = (after: CaseKey) =>
  sql<boolean>`(created_at, id) < (timestamptz 'epoch' + ${after.createdAtUs}::bigint * interval '1 microsecond',
    ${after.id}::uuid)`;

/** The cases a query selects, newest first: a page after `after` plus one row (more exist?), and the total. */
async function newestFirstPage(base: () => ReturnType<typeof filtered>, after: CaseKey | null, limit: number) {
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let q = base().selectAll().select(createdUs);
  if (after) q = q.where(afterCase(after));
  const items = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return { total: Number(total.n), items };
}

export function listCases(db: Db, f: CaseFilter, after: CaseKey | null, limit: number) {
  return newestFirstPage(() => filtered(db, f), after, limit);
}
/** Map points, newest first, at most `limit`, and how many match in all. */
export async function mapPoints(db: Db, f: CaseFilter, limit: number) {
  const [total, points] = await Promise.all([
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    filtered(db, f)
      .select(['id', 'lon', 'lat', 'status', 'urgent'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(total.n), points };
}
/** Facts for indicators of every case under a code reported in [from, to). */
export function factsUnder(db: Db, code: string, from: Date, to: Date) {
  return db
    .selectFrom('cases')
    .select([
      'grid_code',
      'community_code',
      'status',
      'accept_by',
      'resolve_by',
      'accepted_at',
      'accepted_on_time',
      'resolved_at',
      'closed_at',
      'closed_on_time',
      'rework_count',
      'extension_count',
      'rating',
    ])
    .where(sql<string>`coalesce(grid_code, community_code)`, 'like', `${code}%`)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}
function queueWhere(db: Db, handlerPrefix: string, exact: boolean) {
  return db
    .selectFrom('cases')
    .where('handler_code', exact ? '=' : 'like', exact ? handlerPrefix : `${handlerPrefix}%`)
    .where('status', 'in', UNRESOLVED_STATUSES);
}
/**
 * The indicator counts of every case under `code` reported in [from, to), grouped like `metricsGroupKey`
 * (whole grid, community or street), counted by the database (one row per group, not per case).
 * Each count is the SQL twin of a counter in domain/metrics.ts `indicators` (a test holds them equal).
 */
export async function indicatorCountsUnder(
  db: Db,
  code: string,
  from: Date,
  to: Date,
  groupBy: 'grid' | 'community' | 'street',
  asOf: Date,
) {
  // The SQL twin of domain/metrics.ts metricsGroupKey (a case with no grid is in its community's inbox).
  const key = {
    street: sql<string>`left(community_code, 9)`,
    community: sql<string>`community_code`,
    grid: sql<string>`coalesce(grid_code, community_code || ${INBOX_SUFFIX}::text)`,
  }[groupBy];
  const live = sql`status NOT IN ('cancelled', 'merged')`;
  const closed = sql`status IN ('closed', 'evaluated')`;
  const due = sql`${live} AND (${closed} OR resolve_by <= ${asOf})`;
  const mustAccept = sql`${live} AND (accepted_at IS NOT NULL OR accept_by <= ${asOf})`;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) FILTER (WHERE ${cond})`;
  const rows = await db
    .selectFrom('cases')
    .select([
      key.as('key'),
      sql<number>`count(*)`.as('registered'),
      n(due).as('due'),
      n(closed).as('closed'),
      n(sql`${closed} AND closed_on_time`).as('closedOnTime'),
      n(mustAccept).as('mustAccept'),
      n(sql`${mustAccept} AND accepted_on_time`).as('acceptedOnTime'),
      n(sql`${closed} OR (status = 'resolved' AND resolve_by <= ${asOf})`).as('resolved'),
      n(sql`${live} AND rating IS NOT NULL`).as('rated'),
      n(sql`${live} AND rating >= 4`).as('satisfied'),
      n(sql`${live} AND (${closed} OR status = 'resolved' OR rework_count > 0)`).as('everResolved'),
      n(sql`${live} AND rework_count > 0`).as('reworked'),
      n(sql`extension_count > 0`).as('extended'),
    ])
    .where(sql<string>`coalesce(grid_code, community_code)`, 'like', `${code}%`)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy(sql`1`)
    .execute();
  // count(*) is a bigint: a string on pg, a number on PGlite.
  return rows.map((r) => {
    const { key, ...counts } = r;
    return {
      key,
      counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as Record<
        keyof typeof counts,
        number
      >,
    };
  });
}
/** The queue of a holder: open cases, nearest deadline first (at most `limit`), and how many are open in all. */
export async function queueOf(db: Db, handlerPrefix: string, exact: boolean, limit: number) {
  const [total, items] = await Promise.all([
    queueWhere(db, handlerPrefix, exact)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    queueWhere(db, handlerPrefix, exact)
      .selectAll()
      .orderBy(sql`least(coalesce(accept_by, resolve_by), resolve_by)`)
      .orderBy('id')
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(total.n), items };
}
function ofAccount(db: Db, accountId: string) {
  return db
    .selectFrom('cases')
    .where((eb) =>
      eb.or([
        eb('reporter_id', '=', accountId),
        eb('id', 'in', eb.selectFrom('case_supporters').select('case_id').where('account_id', '=', accountId)),
      ]),
    );
}
/** Cases an account reported or supports, newest first: one page plus one row, and the total. */
export function casesOfAccount(db: Db, accountId: string, after: CaseKey | null, limit: number) {
  return newestFirstPage(() => ofAccount(db, accountId), after, limit);
}

/** Everything one new case writes, for {@link createCase}. */
export interface NewCase {
  row: Insertable<CasesTable>;
  /** Reporter contact read inside the statement (resident record, else the account) when not given in `row`. */
  contactOf?: { accountId: string; residentId: string | null; displayName: string };
  /** Claim of an Idempotency-Key, stored with the new case id. */
  idempotency?: { owner: string; key: string; hash: string };
  events: Insertable<CaseEventsTable>[];
  photos: Insertable<CasePhotosTable>[];
  jobs: { kind: 'accept' | 'resolve'; level: CaseRow['level']; communityCode: string; dueAt: Date }[];
  audit: Insertable<Database['audit_log']>;
}

/**
 * The constraint whose violation by {@link createCase} means the Idempotency-Key was claimed first by another
 * request.
 */
const IDEMPOTENCY_PKEY = 'case_idempotency_pkey';

/**
 * Writes a new case in ONE statement (data-modifying CTEs): idempotency claim, the case row (reporter contact
 * read by subqueries), its history events, photos, escalation job and audit row; returns the case row. A single
 * statement is atomic without BEGIN/COMMIT, so this is one round trip instead of eight, with the same
 * all-or-nothing guarantee as the transaction it replaces. Foreign keys are checked at the end of the statement.
 * When the idempotency key already exists the statement fails with a unique violation on
 * {@link IDEMPOTENCY_PKEY} and writes nothing (callers then answer with the replay).
 */
export function createCase(db: Db, c: NewCase): Promise<CaseRow> {
  const row: Insertable<CasesTable> = c.contactOf
    ? {
        ...c.row,
        reporter_name: sql<string>`coalesce((SELECT name FROM residents WHERE id = ${c.contactOf.residentId}::uuid),
            (SELECT display_name FROM accounts WHERE id = ${c.contactOf.accountId}::uuid),
            ${c.contactOf.displayName}::text)` as never,
        reporter_phone: sql<string | null>`CASE
          WHEN EXISTS (SELECT 1 FROM residents WHERE id = ${c.contactOf.residentId}::uuid)
          THEN (SELECT phone FROM residents WHERE id = ${c.contactOf.residentId}::uuid)
          ELSE (SELECT phone FROM accounts WHERE id = ${c.contactOf.accountId}::uuid) END` as never,
      }
    : c.row;
  const id = c.row.id;
  let q = db
    .with('c', (d) => d.insertInto('cases').values(row).returningAll())
    .with('e', (d) => d.insertInto('case_events').values(c.events).returning('id'));
  if (c.idempotency) {
    const k = c.idempotency;
    q = q.with('k', (d) =>
      d
        .insertInto('case_idempotency')
        .values({
          owner: k.owner,
          key: k.key,
          request_hash: k.hash,
          community_code: c.row.community_code,
          created_at: c.row.created_at,
          case_id: id,
        })
        .returning('key'),
    ) as unknown as typeof q;
  }
  if (c.photos.length)
    q = q.with('p', (d) => d.insertInto('case_photos').values(c.photos).returning('id')) as unknown as typeof q;
  for (const [i, j] of c.jobs.entries()) {
    q = q.with(`j${i}` as 'j', (d) =>
      d
        .insertInto('case_escalation_jobs')
        .values({
          case_id: id,
          kind: j.kind,
          level: j.level,
          community_code: j.communityCode,
          due_at: j.dueAt,
          done_at: null,
          result: null,
        })
        .onConflict((oc) =>
          oc.columns(['case_id', 'kind', 'level']).doUpdateSet({ due_at: j.dueAt, done_at: null, result: null }),
        )
        .returning('case_id'),
    ) as unknown as typeof q;
  }
  return q
    .with('a', (d) => d.insertInto('audit_log').values(c.audit).returning('id'))
    .selectFrom('c')
    .selectAll()
    .executeTakeFirstOrThrow() as Promise<CaseRow>;
}

/** True when `e` is the unique violation of {@link createCase} on the idempotency key. */
export function isIdempotencyConflict(e: unknown): boolean {
  const x = e as { code?: string; constraint?: string } | null;
  return x?.code === '23505' && x.constraint === IDEMPOTENCY_PKEY;
}

/** Open and overdue (resolve-by passed at `now`) cases under a place code, counted by the database. */
export async function openCountsUnder(db: Db, code: string, now: Date): Promise<{ open: number; overdue: number }> {
  const r = await db
    .selectFrom('cases')
    .select([sql<number>`count(*)`.as('open'), sql<number>`count(*) FILTER (WHERE resolve_by < ${now})`.as('overdue')])
    .where(sql<string>`coalesce(grid_code, community_code)`, 'like', `${code}%`)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue) };
}

/** Cases of a community escalated "needs money" (newest escalation first): what a fund expense may be linked to. */
export function casesNeedingMoney(db: Db, communityCode: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_events as e', 'e.case_id', 'c.id')
    .select(['c.id', 'c.community_code', 'c.status', 'c.description', 'c.created_at'])
    .select((eb) => eb.fn.max('e.at').as('escalated_at'))
    .where('c.community_code', '=', communityCode)
    .where('e.type', '=', 'escalate')
    .where(sql<string>`e.data->>'reason'`, '=', 'money')
    .groupBy(['c.id', 'c.community_code', 'c.status', 'c.description', 'c.created_at'])
    .orderBy('escalated_at', 'desc')
    .limit(200)
    .execute();
}
