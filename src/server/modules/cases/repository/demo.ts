/** SQL the demo cases' replay needs besides the use cases it runs (cases/demoCases.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The place code that holds a case now. */
export async function handlerCodeOf(db: Db, caseId: string): Promise<string> {
  return (await db.selectFrom('cases').select('handler_code').where('id', '=', caseId).executeTakeFirstOrThrow())
    .handler_code;
}

/** The earliest deadline of a pending escalation job due by `t`, if any. */
export async function earliestDueJob(db: Db, t: Date): Promise<Date | string | null | undefined> {
  const next = await db
    .selectFrom('case_escalation_jobs')
    .select((eb) => eb.fn.min('due_at').as('due'))
    .where('done_at', 'is', null)
    .where('due_at', '<=', t)
    .executeTakeFirst();
  return next?.due as Date | string | null | undefined;
}

/** The status of each of these cases. */
export function statusesOf(db: Db, ids: string[]) {
  return db.selectFrom('cases').select(['id', 'status']).where('id', 'in', ids).execute();
}
