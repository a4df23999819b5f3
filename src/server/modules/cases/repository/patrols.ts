/** SQL of the patrol log (case_patrols) and of the count of cases found on a patrol. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CasePatrolsTable } from '../schema.ts';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A patrol by id, if any. */
export function getPatrol(db: Db, id: string) {
  return db.selectFrom('case_patrols').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A patrol by id, row-locked until the transaction ends (a track post and a stop take turns). */
export function lockPatrol(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('case_patrols').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Who walks a patrol and whether it has ended (a report made on it checks both). */
export function patrolOwner(db: Db, id: string) {
  return db.selectFrom('case_patrols').select(['account_id', 'ended_at']).where('id', '=', id).executeTakeFirst();
}

/** Inserts a new patrol. */
export async function insertPatrol(db: Db, row: Insertable<CasePatrolsTable>): Promise<void> {
  await db.insertInto('case_patrols').values(row).execute();
}

/** Replaces a patrol's track (a JSON string of [lon, lat, ms] points) and walked distance (metres). */
export async function setPatrolTrack(db: Db, id: string, track: string, distanceM: number): Promise<void> {
  await db.updateTable('case_patrols').set({ track, distance_m: distanceM }).where('id', '=', id).execute();
}

/** Ends a patrol at `now`. */
export async function endPatrol(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('case_patrols').set({ ended_at: now }).where('id', '=', id).execute();
}

/** How many cases were reported on a patrol. */
export async function casesFoundOnPatrol(db: Db, id: string): Promise<number> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('patrol_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
