/** The care module's SQL: the care list (copied from the register), carers, visits and the overdue list. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { likePrefix } from '../../platform/db/like.ts';
import type { CareSubjectsTable, CareVisitsTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A list filter: a place code (grid, community, street…) or the people an account is assigned to. */
export type ListScope = { code: string } | { carer: string };

function scoped(db: Db, scope: ListScope) {
  let q = db.selectFrom('care_subjects').where('active', '=', true);
  if ('carer' in scope)
    return q.where('resident_id', 'in', (eb) =>
      eb.selectFrom('care_carers').select('resident_id').where('account_id', '=', scope.carer),
    );
  const { code } = scope;
  if (code.length >= 14) q = q.where('grid_code', '=', code);
  else if (code.length === 12) q = q.where('community_code', '=', code);
  else q = q.where('community_code', 'like', likePrefix(code));
  return q;
}

const listColumns = [
  'resident_id',
  'community_code',
  'grid_code',
  'household_id',
  'building_id',
  'tags',
  'default_days',
  'override_days',
  'since',
  'last_visit_at',
  'next_due_at',
  'version',
  'active',
] as const;

/** The columns a list row carries (no notes), as a key set for presenters. */
export const SUBJECT_PLAN = Object.fromEntries(listColumns.map((c) => [c, true])) as Record<
  (typeof listColumns)[number],
  true
>;

/** One row of a list (no notes). */
export type SubjectRow = NonNullable<Awaited<ReturnType<typeof getSubject>>>;

/** A page of the people whose next visit is due before `before` (overdue: `before` = now), earliest first. */
export async function duePage(
  db: Db,
  scope: ListScope,
  before: Date,
  after: { due: Date; id: string } | null,
  limit: number,
) {
  let q = scoped(db, scope).select(listColumns).where('next_due_at', '<', before);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('next_due_at', '>', after.due),
        eb.and([eb('next_due_at', '=', after.due), eb('resident_id', '>', after.id)]),
      ]),
    );
  const [items, total] = await Promise.all([
    q.orderBy('next_due_at').orderBy('resident_id').limit(limit).execute(),
    scoped(db, scope).select(sql<number>`count(*)`.as('n')).where('next_due_at', '<', before).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** A page of the whole care list (optionally one tag), ordered by resident id. */
export async function listPage(db: Db, scope: ListScope, tag: string | null, afterId: string | null, limit: number) {
  let q = scoped(db, scope).select(listColumns);
  let c = scoped(db, scope).select(sql<number>`count(*)`.as('n'));
  if (tag) {
    q = q.where(sql<boolean>`tags ? ${tag}`);
    c = c.where(sql<boolean>`tags ? ${tag}`);
  }
  if (afterId) q = q.where('resident_id', '>', afterId);
  const [items, total] = await Promise.all([
    q.orderBy('resident_id').limit(limit).execute(),
    c.executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Overdue (due before `now`) and due within [now, soon) counts under a scope. */
export async function dueCounts(db: Db, scope: ListScope, now: Date, soon: Date) {
  const r = await scoped(db, scope)
    .select([
      sql<number>`count(*)`.as('listed'),
      sql<number>`count(*) FILTER (WHERE next_due_at < ${now})`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE next_due_at >= ${now} AND next_due_at < ${soon})`.as('due'),
    ])
    .executeTakeFirstOrThrow();
  return { listed: Number(r.listed), overdue: Number(r.overdue), due: Number(r.due) };
}

/** One person on the list (active or not), without the notes. */
export function getSubject(db: Db, residentId: string) {
  return db.selectFrom('care_subjects').select(listColumns).where('resident_id', '=', residentId).executeTakeFirst();
}

/** Locks one person's row (visits and plan changes of one person are serialised). */
export function lockSubject(trx: Transaction<Database>, residentId: string) {
  return trx
    .selectFrom('care_subjects')
    .select(listColumns)
    .where('resident_id', '=', residentId)
    .forUpdate()
    .executeTakeFirst();
}

/** The sensitive notes of one person. */
export function notesOf(db: Db, residentId: string) {
  return db
    .selectFrom('care_subjects')
    .select(['health_note', 'ability_note', 'updated_at'])
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
}

/** Sets the notes of one person. */
export async function setNotes(
  db: Db,
  residentId: string,
  notes: { health_note: string | null; ability_note: string | null },
  now: Date,
) {
  await db
    .updateTable('care_subjects')
    .set({ ...notes, updated_at: now, version: sql`version + 1` })
    .where('resident_id', '=', residentId)
    .execute();
}

/** Sets (or clears) a person's interval override and recomputes the next due date. */
export async function setOverride(db: Db, residentId: string, overrideDays: number | null, now: Date) {
  await db
    .updateTable('care_subjects')
    .set({
      override_days: overrideDays,
      next_due_at: sql`coalesce(last_visit_at, since)
        + make_interval(days => coalesce(${overrideDays}::int, default_days))`,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('resident_id', '=', residentId)
    .execute();
}

/** A person's grid moved in the register: the copy follows. */
export async function setGrid(db: Db, residentId: string, gridCode: string | null) {
  await db.updateTable('care_subjects').set({ grid_code: gridCode }).where('resident_id', '=', residentId).execute();
}

/**
 * Brings the list up to date with the register's tagged residents (insert or update, in chunks); rows marked
 * with `now` are live, and every other active row of the community is taken off (kept for its history).
 */
export async function upsertSubjects(
  db: Db,
  communityCode: string,
  rows: Insertable<CareSubjectsTable>[],
  now: Date,
): Promise<{ removed: number }> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('care_subjects')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('resident_id').doUpdateSet((eb) => ({
          community_code: eb.ref('excluded.community_code'),
          grid_code: eb.ref('excluded.grid_code'),
          household_id: eb.ref('excluded.household_id'),
          building_id: eb.ref('excluded.building_id'),
          tags: eb.ref('excluded.tags'),
          default_days: eb.ref('excluded.default_days'),
          active: true,
          next_due_at: sql`coalesce(care_subjects.last_visit_at, care_subjects.since)
            + make_interval(days => coalesce(care_subjects.override_days, excluded.default_days))`,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  const r = await db
    .updateTable('care_subjects')
    .set({ active: false, updated_at: now })
    .where('community_code', '=', communityCode)
    .where('active', '=', true)
    .where('updated_at', '<', now)
    .executeTakeFirst();
  return { removed: Number(r.numUpdatedRows) };
}

/** The accounts assigned to care for the given people. */
export function carersOf(db: Db, residentIds: readonly string[]) {
  return db
    .selectFrom('care_carers')
    .select(['resident_id', 'account_id'])
    .where('resident_id', 'in', residentIds.length ? residentIds : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('created_at')
    .execute();
}

/** Whether an account is assigned to a person. */
export async function isAssigned(db: Db, residentId: string, accountId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('care_carers')
    .select('account_id')
    .where('resident_id', '=', residentId)
    .where('account_id', '=', accountId)
    .executeTakeFirst());
}

/** Assigns a carer (no-op when already assigned); true when added. */
export async function addCarer(db: Db, residentId: string, accountId: string, communityCode: string, now: Date) {
  const r = await db
    .insertInto('care_carers')
    .values({ resident_id: residentId, account_id: accountId, community_code: communityCode, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a carer; true when removed. */
export async function removeCarer(db: Db, residentId: string, accountId: string) {
  const r = await db
    .deleteFrom('care_carers')
    .where('resident_id', '=', residentId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Inserts a visit and moves the person's last visit and next due date. */
export async function insertVisit(db: Db, v: Insertable<CareVisitsTable>) {
  await db.insertInto('care_visits').values(v).execute();
  await db
    .updateTable('care_subjects')
    .set({
      last_visit_at: sql`greatest(coalesce(last_visit_at, ${v.visited_at}), ${v.visited_at})`,
      next_due_at: sql`greatest(coalesce(last_visit_at, ${v.visited_at}), ${v.visited_at})
        + make_interval(days => coalesce(override_days, default_days))`,
    })
    .where('resident_id', '=', v.resident_id)
    .execute();
}

/**
 * Inserts many plain visits (no GPS, no problem: the demo seed and benchmarks) in one statement per 20,000 rows,
 * passing one array per column (unnest): far faster than a VALUES list of the same rows on PGlite.
 */
export async function insertVisits(db: Db, rows: Insertable<CareVisitsTable>[]) {
  for (let i = 0; i < rows.length; i += 20_000) {
    const part = rows.slice(i, i + 20_000);
    const col = <T>(f: (r: Insertable<CareVisitsTable>) => T) => part.map(f);
    const iso = (d: Date | string) => new Date(d).toISOString();
    await sql`INSERT INTO care_visits (id, resident_id, community_code, grid_code, visitor_id, visitor_role,
        visitor_name, visited_at, found, problem, created_at)
      SELECT u.*, false, u.visited_at FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.resident_id)}::uuid[],
        ${col((r) => r.community_code)}::text[], ${col((r) => r.grid_code ?? null)}::text[],
        ${col((r) => r.visitor_id ?? null)}::uuid[], ${col((r) => r.visitor_role)}::text[],
        ${col((r) => r.visitor_name)}::text[], ${col((r) => iso(r.visited_at))}::timestamptz[],
        ${col((r) => r.found)}::text[]) AS u(id, resident_id, community_code, grid_code, visitor_id, visitor_role,
        visitor_name, visited_at, found)`.execute(db);
  }
}

/** Recomputes last visit and next due of every person of a community from their visits (seed and repair). */
export async function refreshLastVisits(db: Db, communityCode: string) {
  await sql`UPDATE care_subjects s SET last_visit_at = v.last,
      next_due_at = v.last + make_interval(days => coalesce(s.override_days, s.default_days))
    FROM (SELECT resident_id, max(visited_at) AS last FROM care_visits WHERE community_code = ${communityCode}
      GROUP BY resident_id) v
    WHERE s.resident_id = v.resident_id`.execute(db);
}

const visitColumns = [
  'id',
  'resident_id',
  'community_code',
  'grid_code',
  'visitor_id',
  'visitor_role',
  'visitor_name',
  'visited_at',
  'lon',
  'lat',
  'found',
  'follow_up',
  'problem',
  'case_id',
] as const;

/** One visit. */
export function getVisit(db: Db, id: string) {
  return db.selectFrom('care_visits').select(visitColumns).where('id', '=', id).executeTakeFirst();
}

/** Locks one visit (turning it into a case twice gives one case). */
export function lockVisit(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('care_visits').select(visitColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Records the case a visit was turned into. */
export async function setVisitCase(db: Db, id: string, caseId: string) {
  await db.updateTable('care_visits').set({ case_id: caseId, problem: true }).where('id', '=', id).execute();
}

/** The latest visits of one person, newest first. */
export function visitsOf(db: Db, residentId: string, limit: number) {
  return db
    .selectFrom('care_visits')
    .select(visitColumns)
    .where('resident_id', '=', residentId)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The visit a case was opened from, if any. */
export function visitOfCase(db: Db, caseId: string) {
  return db.selectFrom('care_visits').select(visitColumns).where('case_id', '=', caseId).executeTakeFirst();
}

/** Every active plan and every visit of a community (the naive reference of the benchmark and tests). */
export async function allPlansAndVisits(db: Db, communityCode: string) {
  const [plans, visits] = await Promise.all([
    db
      .selectFrom('care_subjects')
      .select(['resident_id', 'since', 'default_days', 'override_days'])
      .where('community_code', '=', communityCode)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('care_visits')
      .select(['resident_id', 'visited_at'])
      .where('community_code', '=', communityCode)
      .execute(),
  ]);
  return { plans, visits };
}
