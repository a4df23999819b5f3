/** The time-bank ledger: append-only rows (a trigger refuses UPDATE and DELETE), read per volunteer. */
import { sql, type Insertable } from 'kysely';
import type { CobuildHoursTable } from '../schema.ts';
import { num, type Db } from './db.ts';

export function insertHours(db: Db, rows: Insertable<CobuildHoursTable>[]) {
  if (!rows.length) return Promise.resolve([]);
  return db.insertInto('cobuild_hours').values(rows).execute();
}
export function ledgerOf(db: Db, volunteerId: string) {
  return db
    .selectFrom('cobuild_hours as h')
    .leftJoin('cobuild_activities as a', 'a.id', 'h.activity_id')
    .select([
      'h.id',
      'h.kind',
      'h.minutes',
      'h.activity_id',
      'a.title as activity_title',
      'h.reverses_id',
      'h.note',
      'h.at',
    ])
    .where('h.volunteer_id', '=', volunteerId)
    .orderBy('h.at')
    .orderBy('h.id')
    .limit(5000)
    .execute();
}
export function ledgerOfActivity(db: Db, volunteerId: string, activityId: string) {
  return db
    .selectFrom('cobuild_hours')
    .select(['id', 'kind', 'minutes', 'activity_id', 'reverses_id'])
    .where('volunteer_id', '=', volunteerId)
    .where('activity_id', '=', activityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
/** Minutes served (credits and their reversals) in a community between two instants. */
export async function servedMinutes(db: Db, communityPrefix: string, from: Date, to: Date) {
  const r = await db
    .selectFrom('cobuild_hours')
    .select(sql<number | string>`coalesce(sum(minutes), 0)`.as('s'))
    .where('community_code', 'like', `${communityPrefix}%`)
    .where('kind', '!=', 'redemption')
    .where('activity_id', 'is not', null)
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirst();
  return num(r?.s);
}
