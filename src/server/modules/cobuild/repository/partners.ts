/** Partner units, their commitments and resources, and 双报到 party members. */
import type { Insertable } from 'kysely';
import type {
  CobuildCommitmentsTable,
  CobuildMembersTable,
  CobuildResourcesTable,
  CobuildUnitsTable,
} from '../schema.ts';
import type { Db } from './db.ts';

export function insertUnit(db: Db, row: Insertable<CobuildUnitsTable>) {
  return db.insertInto('cobuild_units').values(row).execute();
}
export function getUnit(db: Db, id: string) {
  return db.selectFrom('cobuild_units').selectAll().where('id', '=', id).executeTakeFirst();
}
export function unitsOf(db: Db, communityCode: string) {
  return db
    .selectFrom('cobuild_units')
    .selectAll()
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
}
export function publishedUnitsOf(db: Db, communityCode: string) {
  return db
    .selectFrom('cobuild_units')
    .select(['id', 'name', 'kind', 'description'])
    .where('community_code', '=', communityCode)
    .where('published', '=', true)
    .orderBy('name')
    .limit(500)
    .execute();
}
export function insertCommitment(db: Db, row: Insertable<CobuildCommitmentsTable>) {
  return db.insertInto('cobuild_commitments').values(row).execute();
}
export function commitmentsOf(db: Db, unitIds: string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('cobuild_commitments')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
}
export function insertResource(db: Db, row: Insertable<CobuildResourcesTable>) {
  return db.insertInto('cobuild_resources').values(row).execute();
}
export function resourcesOf(db: Db, communityCode: string) {
  return db
    .selectFrom('cobuild_resources as r')
    .leftJoin('cobuild_units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'u.lon',
      'u.lat',
      'r.kind',
      'r.category',
      'r.title',
      'r.amount_fen',
      'r.hours',
      'r.created_at',
    ])
    .where('r.community_code', '=', communityCode)
    .orderBy('r.category')
    .orderBy('r.id')
    .limit(1000)
    .execute();
}
export function insertMember(db: Db, row: Insertable<CobuildMembersTable>) {
  return db.insertInto('cobuild_members').values(row).execute();
}
export function getMember(db: Db, id: string) {
  return db.selectFrom('cobuild_members').selectAll().where('id', '=', id).executeTakeFirst();
}
export function membersOf(db: Db, communityCode: string) {
  return db
    .selectFrom('cobuild_members as m')
    .leftJoin('cobuild_units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.resident_id', 'm.name', 'm.unit_id', 'u.name as unit_name', 'm.employer', 'm.registered_at'])
    .where('m.community_code', '=', communityCode)
    .orderBy('m.registered_at')
    .orderBy('m.id')
    .limit(1000)
    .execute();
}
