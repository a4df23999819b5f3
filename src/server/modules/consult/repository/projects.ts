/** SQL of projects, milestones and photos. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ConsultMilestonesTable, ConsultProjectPhotosTable, ConsultProjectsTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function insertProject(db: Db, row: Insertable<ConsultProjectsTable>) {
  return db.insertInto('consult_projects').values(row).execute();
}

export function insertMilestones(db: Db, rows: Insertable<ConsultMilestonesTable>[]) {
  return db.insertInto('consult_milestones').values(rows).execute();
}

export function getProject(db: Db, id: string) {
  return db.selectFrom('consult_projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export function projectOfTopic(db: Db, topicId: string) {
  return db.selectFrom('consult_projects').selectAll().where('topic_id', '=', topicId).executeTakeFirst();
}

export function milestonesOf(db: Db, projectId: string) {
  return db
    .selectFrom('consult_milestones')
    .select(['seq', 'kind', 'starts_on', 'due_on', 'progress', 'done_at', 'reopened'])
    .where('project_id', '=', projectId)
    .orderBy('seq')
    .execute();
}

export function updateMilestone(
  db: Db,
  projectId: string,
  seq: number,
  patch: { progress: number; done_at: Date | null },
) {
  return db
    .updateTable('consult_milestones')
    .set(patch)
    .where('project_id', '=', projectId)
    .where('seq', '=', seq)
    .execute();
}

/** A failed acceptance vote: the last milestone is open again (not done, counted as reopened). */
export function reopenLastMilestone(db: Db, projectId: string) {
  return db
    .updateTable('consult_milestones')
    .set({ done_at: null, reopened: sql<number>`reopened + 1`, progress: sql<number>`least(progress, 90)` })
    .where('project_id', '=', projectId)
    .where('seq', '=', (eb) =>
      eb
        .selectFrom('consult_milestones')
        .select((e) => e.fn.max('seq').as('m'))
        .where('project_id', '=', projectId),
    )
    .execute();
}

export function setProjectStatus(db: Db, id: string, status: 'active' | 'accepted') {
  return db
    .updateTable('consult_projects')
    .set({ status, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export function insertPhoto(db: Db, row: Insertable<ConsultProjectPhotosTable>) {
  return db.insertInto('consult_project_photos').values(row).execute();
}

export function photosOf(db: Db, projectId: string) {
  return db
    .selectFrom('consult_project_photos')
    .select(['id', 'phase', 'media_type', 'bytes', 'created_at'])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .execute();
}

export function getPhoto(db: Db, id: string) {
  return db.selectFrom('consult_project_photos').selectAll().where('id', '=', id).executeTakeFirst();
}
