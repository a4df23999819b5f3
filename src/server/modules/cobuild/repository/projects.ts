/** The needs list and the projects list (claims, progress, evidence). */
import { sql, type Insertable } from 'kysely';
import type {
  CobuildEvidenceTable,
  CobuildNeedsTable,
  CobuildProjectsTable,
  CobuildProjectUpdatesTable,
  NeedStatus,
} from '../schema.ts';
import { num, type Db } from './db.ts';

export function insertNeed(db: Db, row: Insertable<CobuildNeedsTable>) {
  return db.insertInto('cobuild_needs').values(row).execute();
}
export function getNeed(db: Db, id: string) {
  return db.selectFrom('cobuild_needs').selectAll().where('id', '=', id).executeTakeFirst();
}
export function needsOf(db: Db, communityCode: string, status: NeedStatus | undefined) {
  let q = db.selectFrom('cobuild_needs').selectAll().where('community_code', '=', communityCode);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}
/** The claim's gate: open → claimed in one statement, so of concurrent claims exactly one sees a row. */
export function markNeedClaimed(db: Db, id: string) {
  return db
    .updateTable('cobuild_needs')
    .set({ status: 'claimed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}
export function setNeedStatus(db: Db, id: string, status: NeedStatus) {
  return db.updateTable('cobuild_needs').set({ status }).where('id', '=', id).execute();
}
export function insertProject(db: Db, row: Insertable<CobuildProjectsTable>) {
  return db.insertInto('cobuild_projects').values(row).execute();
}
const projectCols = [
  'p.id',
  'p.community_code',
  'p.need_id',
  'n.title as need_title',
  'n.category as need_category',
  'p.claimant_kind',
  'p.unit_id',
  'u.name as unit_name',
  'p.member_id',
  'm.name as member_name',
  'p.team_name',
  'p.status',
  'p.progress',
  'p.summary',
  'p.claimed_at',
  'p.completed_at',
] as const;
function projects(db: Db) {
  return db
    .selectFrom('cobuild_projects as p')
    .innerJoin('cobuild_needs as n', 'n.id', 'p.need_id')
    .leftJoin('cobuild_units as u', 'u.id', 'p.unit_id')
    .leftJoin('cobuild_members as m', 'm.id', 'p.member_id')
    .select(projectCols);
}
export function getProject(db: Db, id: string) {
  return projects(db).where('p.id', '=', id).executeTakeFirst();
}
export function projectOfNeed(db: Db, needId: string) {
  return projects(db).where('p.need_id', '=', needId).executeTakeFirst();
}
export function projectsOf(db: Db, communityCode: string) {
  return projects(db)
    .where('p.community_code', '=', communityCode)
    .orderBy('p.claimed_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(500)
    .execute();
}
/** Completed projects of published units (the public page). */
export function doneProjectsOfUnits(db: Db, unitIds: string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return projects(db)
    .where('p.unit_id', 'in', unitIds)
    .where('p.status', '=', 'done')
    .orderBy('p.completed_at', 'desc')
    .limit(2000)
    .execute();
}
export function updateProject(
  db: Db,
  id: string,
  patch: { progress?: number; status?: 'done'; summary?: string; completed_at?: Date },
) {
  return db.updateTable('cobuild_projects').set(patch).where('id', '=', id).where('status', '=', 'claimed').execute();
}
export function lockProject(db: Db, id: string) {
  return db.selectFrom('cobuild_projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export function insertUpdate(db: Db, row: Insertable<CobuildProjectUpdatesTable>) {
  return db.insertInto('cobuild_project_updates').values(row).execute();
}
export function updatesOf(db: Db, projectId: string) {
  return db
    .selectFrom('cobuild_project_updates')
    .select(['id', 'progress', 'note', 'at'])
    .where('project_id', '=', projectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
export function insertEvidence(db: Db, row: Insertable<CobuildEvidenceTable>) {
  return db.insertInto('cobuild_evidence').values(row).execute();
}
export function evidenceOf(db: Db, projectId: string) {
  return db
    .selectFrom('cobuild_evidence')
    .select(['id', 'kind', 'mime', 'bytes', 'signer', 'at'])
    .where('project_id', '=', projectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
export function getEvidence(db: Db, id: string) {
  return db.selectFrom('cobuild_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Projects open (claimed) and done in a community (the overview tiles). */
export async function projectCounts(db: Db, communityPrefix: string) {
  const rows = await db
    .selectFrom('cobuild_projects')
    .select(['status', sql<number | string>`count(*)`.as('n')])
    .where('community_code', 'like', `${communityPrefix}%`)
    .groupBy('status')
    .execute();
  const of = (s: string) => num(rows.find((r) => r.status === s)?.n);
  return { open: of('claimed'), done: of('done') };
}
