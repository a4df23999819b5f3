/** The ledger import's SQL: what it reads to match rows, and its optimistic writes (all inside its transaction). */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, HouseholdsTable, ResidentsTable } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A community's buildings: id, name and grid (the import matches rows by building name). */
export function buildingsForImport(db: Db, communityCode: string) {
  return db
    .selectFrom('buildings')
    .select(['id', 'name', 'grid_code'])
    .where('community_code', '=', communityCode)
    .execute();
}

/** Every household of a community with its building's name. */
export function householdsWithBuilding(db: Db, communityCode: string) {
  return db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .selectAll('h')
    .select('b.name as building_name')
    .where('h.community_code', '=', communityCode)
    .execute();
}

/** Writes a household only if its version is still `version`; undefined when someone else changed it. */
export function updateHouseholdAt(db: Db, id: string, version: number, set: Updateable<HouseholdsTable>) {
  return db
    .updateTable('households')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Inserts a household and returns it. */
export function insertHouseholdRow(db: Db, row: Insertable<HouseholdsTable>) {
  return db.insertInto('households').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Residents with these ID numbers, wherever they are registered. */
export function residentsByIdNumbers(db: Db, idNumbers: readonly string[]) {
  return db.selectFrom('residents').selectAll().where('id_number', 'in', idNumbers).execute();
}

/** Writes a resident only if its version is still `version`; undefined when someone else changed it. */
export function updateResidentAt(db: Db, id: string, version: number, set: Updateable<ResidentsTable>) {
  return db
    .updateTable('residents')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Inserts a resident and returns it. */
export function insertResidentRow(db: Db, row: Insertable<ResidentsTable>) {
  return db.insertInto('residents').values(row).returningAll().executeTakeFirstOrThrow();
}
