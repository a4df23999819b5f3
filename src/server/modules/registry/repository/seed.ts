/** The registry's bulk inserts for loading a whole community at once (the demo seed), and the emptiness check. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  BuildingsTable,
  CandidateSitesTable,
  CompoundsTable,
  Database,
  FacilitiesTable,
  HouseholdsTable,
  PlacesTable,
  ResidentsTable,
  RoadsTable,
} from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Whether the database has no place at all (a fresh database: the demo may be loaded into it). */
export async function noPlaces(db: Db): Promise<boolean> {
  return (await db.selectFrom('places').select('code').limit(1).execute()).length === 0;
}

/** Inserts places (one statement). */
export async function insertPlaces(db: Db, rows: Insertable<PlacesTable>[]): Promise<void> {
  await db.insertInto('places').values(rows).execute();
}

/** Inserts compounds (one statement). */
export async function insertCompounds(db: Db, rows: Insertable<CompoundsTable>[]): Promise<void> {
  await db.insertInto('compounds').values(rows).execute();
}

/** Inserts buildings (one statement: pass chunks of a few hundred). */
export async function insertBuildings(db: Db, rows: Insertable<BuildingsTable>[]): Promise<void> {
  await db.insertInto('buildings').values(rows).execute();
}

/** Inserts households (one statement: pass chunks of about a thousand). */
export async function insertHouseholds(db: Db, rows: Insertable<HouseholdsTable>[]): Promise<void> {
  await db.insertInto('households').values(rows).execute();
}

/** Inserts residents (one statement: pass chunks of about a thousand). */
export async function insertResidents(db: Db, rows: Insertable<ResidentsTable>[]): Promise<void> {
  await db.insertInto('residents').values(rows).execute();
}

/** Inserts facilities (one statement). */
export async function insertFacilities(db: Db, rows: Insertable<FacilitiesTable>[]): Promise<void> {
  await db.insertInto('facilities').values(rows).execute();
}

/** Inserts roads (one statement: pass chunks of a few hundred). */
export async function insertRoads(db: Db, rows: Insertable<RoadsTable>[]): Promise<void> {
  await db.insertInto('roads').values(rows).execute();
}

/** Inserts candidate sites (one statement). */
export async function insertCandidateSites(db: Db, rows: Insertable<CandidateSitesTable>[]): Promise<void> {
  await db.insertInto('candidate_sites').values(rows).execute();
}

/** A community's buildings with their compound's name, by name then longitude (a stable order for the demo). */
export function buildingsWithCompound(db: Db, communityCode: string) {
  return db
    .selectFrom('buildings as b')
    .leftJoin('compounds as c', 'c.id', 'b.compound_id')
    .select(['b.name', 'b.grid_code', 'b.lon', 'b.lat', 'c.name as compound'])
    .where('b.community_code', '=', communityCode)
    .orderBy('b.name')
    .orderBy('b.lon')
    .execute();
}

/** Adult residents (born before `bornBefore`) with a phone, by name and phone, at most `limit`. */
export function residentsWithPhone(db: Db, communityCode: string, bornBefore: string, limit: number) {
  return db
    .selectFrom('residents')
    .select(['name', 'phone', 'grid_code'])
    .where('community_code', '=', communityCode)
    .where('phone', 'is not', null)
    .where('birth_date', '<', bornBefore)
    .orderBy('name')
    .orderBy('phone')
    .limit(limit)
    .execute();
}
