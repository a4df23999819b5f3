/** Volunteers, activities, sign-ups (with the waiting list), attendance and used check-in codes. */
import { sql, type Insertable } from 'kysely';
import type {
  CobuildActivitiesTable,
  CobuildAttendanceTable,
  CobuildSignupsTable,
  CobuildVolunteersTable,
  SignupStatus,
} from '../schema.ts';
import { num, type Db } from './db.ts';

export function insertVolunteer(db: Db, row: Insertable<CobuildVolunteersTable>) {
  return db.insertInto('cobuild_volunteers').values(row).execute();
}
export function getVolunteer(db: Db, id: string) {
  return db.selectFrom('cobuild_volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}
export function volunteerOfAccount(db: Db, accountId: string) {
  return db.selectFrom('cobuild_volunteers').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}
export function volunteersOf(db: Db, communityCode: string) {
  return db
    .selectFrom('cobuild_volunteers')
    .select(['id', 'name', 'skills', 'balance_minutes', 'created_at'])
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .orderBy('id')
    .limit(2000)
    .execute();
}
/** Row-locks a volunteer: corrections and redemptions of one volunteer serialise here. */
export function lockVolunteer(db: Db, id: string) {
  return db.selectFrom('cobuild_volunteers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
/** Adds `delta` minutes to the balance only when it stays ≥ 0; undefined when it would not (nothing written). */
export function addBalance(db: Db, volunteerId: string, delta: number) {
  return db
    .updateTable('cobuild_volunteers')
    .set({ balance_minutes: sql`balance_minutes + ${delta}` })
    .where('id', '=', volunteerId)
    .where(sql<boolean>`balance_minutes + ${delta} >= 0`)
    .returning('balance_minutes')
    .executeTakeFirst();
}
export function insertActivity(db: Db, row: Insertable<CobuildActivitiesTable>) {
  return db.insertInto('cobuild_activities').values(row).execute();
}
export function getActivity(db: Db, id: string) {
  return db.selectFrom('cobuild_activities').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Row-locks an activity: sign-ups, cancellations and closing serialise here. */
export function lockActivity(db: Db, id: string) {
  return db.selectFrom('cobuild_activities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export function activitiesOf(db: Db, communityCode: string, from: Date | null) {
  let q = db.selectFrom('cobuild_activities').selectAll().where('community_code', '=', communityCode);
  if (from) q = q.where('ends_at', '>=', from);
  return q.orderBy('starts_at', 'desc').orderBy('id').limit(300).execute();
}
export function setConfirmed(db: Db, id: string, confirmed: number) {
  return db.updateTable('cobuild_activities').set({ confirmed }).where('id', '=', id).execute();
}
export function closeActivity(db: Db, id: string, at: Date) {
  return db.updateTable('cobuild_activities').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute();
}
export function getSignup(db: Db, activityId: string, volunteerId: string) {
  return db
    .selectFrom('cobuild_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}
export function insertSignup(db: Db, row: Insertable<CobuildSignupsTable>) {
  return db.insertInto('cobuild_signups').values(row).execute();
}
export function setSignupStatus(db: Db, id: string, status: SignupStatus, at: Date) {
  return db.updateTable('cobuild_signups').set({ status, updated_at: at }).where('id', '=', id).execute();
}
/** The first `n` of the waiting list, in queue order (when they joined it, then arrival). */
export function firstWaiting(db: Db, activityId: string, n: number) {
  return db
    .selectFrom('cobuild_signups')
    .select(['id', 'volunteer_id'])
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waiting')
    .orderBy('updated_at')
    .orderBy('seq')
    .limit(n)
    .execute();
}
export function signupsOfActivity(db: Db, activityId: string) {
  return db
    .selectFrom('cobuild_signups as s')
    .innerJoin('cobuild_volunteers as v', 'v.id', 's.volunteer_id')
    .leftJoin('cobuild_attendance as a', (j) =>
      j.onRef('a.activity_id', '=', 's.activity_id').onRef('a.volunteer_id', '=', 's.volunteer_id'),
    )
    .select([
      's.volunteer_id',
      'v.name',
      's.status',
      'a.checked_in_at',
      'a.checked_out_at',
      'a.in_method',
      'a.out_method',
    ])
    .where('s.activity_id', '=', activityId)
    .where('s.status', '!=', 'cancelled')
    .orderBy('s.status')
    .orderBy('s.updated_at')
    .orderBy('s.seq')
    .execute();
}
export function signupsOfVolunteer(db: Db, volunteerId: string) {
  return db
    .selectFrom('cobuild_signups as s')
    .innerJoin('cobuild_activities as act', 'act.id', 's.activity_id')
    .leftJoin('cobuild_attendance as a', (j) =>
      j.onRef('a.activity_id', '=', 's.activity_id').onRef('a.volunteer_id', '=', 's.volunteer_id'),
    )
    .select([
      'act.id',
      'act.title',
      'act.place_name',
      'act.starts_at',
      'act.ends_at',
      'act.status as activity_status',
      's.status',
      'a.checked_in_at',
      'a.checked_out_at',
    ])
    .where('s.volunteer_id', '=', volunteerId)
    .where('s.status', '!=', 'cancelled')
    .orderBy('act.starts_at', 'desc')
    .limit(200)
    .execute();
}
/** Position of a waiting sign-up in the queue (1 = next). */
export async function waitingPosition(db: Db, activityId: string, updatedAt: Date, seq: number | string) {
  const r = await db
    .selectFrom('cobuild_signups')
    .select(sql<number | string>`count(*)`.as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('updated_at', '<', updatedAt),
        eb.and([eb('updated_at', '=', updatedAt), eb('seq', '<=', Number(seq))]),
      ]),
    )
    .executeTakeFirst();
  return num(r?.n);
}
export function getAttendance(db: Db, activityId: string, volunteerId: string) {
  return db
    .selectFrom('cobuild_attendance')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}
/** Inserts a check-in; undefined when the volunteer was already checked in (counted once). */
export function insertCheckIn(db: Db, row: Insertable<CobuildAttendanceTable>) {
  return db
    .insertInto('cobuild_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id']).doNothing())
    .returning('checked_in_at')
    .executeTakeFirst();
}
/** Sets the check-out once; undefined when not checked in or already out. */
export function setCheckOut(
  db: Db,
  activityId: string,
  volunteerId: string,
  at: Date,
  method: 'qr' | 'organiser' | 'close',
) {
  return db
    .updateTable('cobuild_attendance')
    .set({ checked_out_at: at, out_method: method })
    .where('activity_id', '=', activityId)
    .where('volunteer_id', '=', volunteerId)
    .where('checked_out_at', 'is', null)
    .returning(['checked_in_at', 'checked_out_at'])
    .executeTakeFirst();
}
export function stillCheckedIn(db: Db, activityId: string) {
  return db
    .selectFrom('cobuild_attendance')
    .select(['volunteer_id', 'checked_in_at'])
    .where('activity_id', '=', activityId)
    .where('checked_out_at', 'is', null)
    .orderBy('volunteer_id')
    .execute();
}
/** Records a code used by a volunteer; false when this volunteer already used the code of that step. */
export async function useCode(db: Db, activityId: string, volunteerId: string, step: number, action: string, at: Date) {
  const r = await db
    .insertInto('cobuild_code_uses')
    .values({ activity_id: activityId, volunteer_id: volunteerId, step, action, at })
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id', 'step']).doNothing())
    .returning('step')
    .executeTakeFirst();
  return r !== undefined;
}
/** The server's secret of a purpose, created once (the first writer wins; every instance then reads it). */
export async function secret(db: Db, name: string, fresh: string, at: Date): Promise<string> {
  await db
    .insertInto('cobuild_secrets')
    .values({ name, secret: fresh, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db.selectFrom('cobuild_secrets').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return r.secret;
}
