/**
 * SQL of the escalation scheduler's job bookkeeping (due jobs, failures, parking) and of the idempotency-key
 * retention. Lock order everywhere in the cases module: case rows first (ascending id when several), then
 * their escalation job rows — the same order user actions take (lockCase → applyAction → upsertJob).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CaseRow } from '../repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The key of a job, and where a batch of due jobs continues. */
export interface JobKey {
  case_id: string;
  kind: 'accept' | 'resolve';
  level: CaseRow['level'];
  due_at: Date;
}

/**
 * Due, runnable jobs (not done, not parked, past their backoff), oldest deadline first, after `after` —
 * read WITHOUT locks: the runner locks the case first and then re-reads the job under lock.
 */
export function dueJobs(db: Db, now: Date, limit: number, after: JobKey | null) {
  let q = db
    .selectFrom('case_escalation_jobs')
    .select(['case_id', 'kind', 'level', 'due_at'])
    .where('done_at', 'is', null)
    .where('parked_at', 'is', null)
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]));
  if (after)
    q = q.where(
      sql<boolean>`(due_at, case_id, kind, level) >
        (${after.due_at}, ${after.case_id}::uuid, ${after.kind}, ${after.level})`,
    );
  return q.orderBy('due_at').orderBy('case_id').orderBy('kind').orderBy('level').limit(limit).execute();
}

/** Row-locks a case unless another transaction holds it (then null: the job waits for the next pass). */
export function lockCaseIfFree(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
}

/** Re-reads and locks a job (after its case): null when it was done, parked or re-armed later meanwhile. */
export function lockRunnableJob(trx: Transaction<Database>, j: JobKey, now: Date) {
  return trx
    .selectFrom('case_escalation_jobs')
    .selectAll()
    .where('case_id', '=', j.case_id)
    .where('kind', '=', j.kind)
    .where('level', '=', j.level)
    .where('done_at', 'is', null)
    .where('parked_at', 'is', null)
    .where('due_at', '<=', now)
    .forUpdate()
    .executeTakeFirst();
}

/** Records a failed run: one more attempt, the error, and either the next try or parking. */
export function recordJobFailure(db: Db, j: JobKey, error: string, nextAttemptAt: Date | null, parkedAt: Date | null) {
  return db
    .updateTable('case_escalation_jobs')
    .set({
      attempts: sql<number>`attempts + 1`,
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
      parked_at: parkedAt,
    })
    .where('case_id', '=', j.case_id)
    .where('kind', '=', j.kind)
    .where('level', '=', j.level)
    .where('done_at', 'is', null)
    .returning(['attempts'])
    .executeTakeFirst();
}

/** The attempts a job has used so far. */
export async function attemptsOf(db: Db, j: JobKey): Promise<number> {
  const r = await db
    .selectFrom('case_escalation_jobs')
    .select('attempts')
    .where('case_id', '=', j.case_id)
    .where('kind', '=', j.kind)
    .where('level', '=', j.level)
    .executeTakeFirst();
  return r?.attempts ?? 0;
}

/** Parked jobs of cases under a place code (the case's grid/community or its holder), newest first. */
export function parkedJobs(db: Db, code: string, limit: number) {
  return db
    .selectFrom('case_escalation_jobs as j')
    .innerJoin('cases as c', 'c.id', 'j.case_id')
    .select([
      'j.case_id',
      'j.kind',
      'j.level',
      'j.due_at',
      'j.attempts',
      'j.last_error',
      'j.parked_at',
      'c.handler_code',
      'c.grid_code',
      'c.community_code',
      'c.reporter_id',
      'c.status',
      'c.created_at',
    ])
    .where('j.parked_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb(sql<string>`coalesce(c.grid_code, c.community_code)`, 'like', `${code}%`),
        eb('c.handler_code', 'like', `${code}%`),
      ]),
    )
    .orderBy('j.parked_at', 'desc')
    .limit(limit)
    .execute();
}

/** Re-arms the parked jobs of a case (after the cause was fixed); returns how many. */
export async function unparkJobs(db: Db, caseId: string): Promise<number> {
  const r = await db
    .updateTable('case_escalation_jobs')
    .set({ parked_at: null, attempts: 0, next_attempt_at: null })
    .where('case_id', '=', caseId)
    .where('parked_at', 'is not', null)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes idempotency keys claimed before `before`; returns how many. */
export async function purgeIdempotency(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('case_idempotency').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
