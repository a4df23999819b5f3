/** The registry's place queries: places, compounds, buildings, roads, facilities, sites and demand. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, PlacesTable } from '../../../platform/db/schema.ts';
import { likePrefix } from '../../../platform/db/like.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Matches rows whose grid (or community, for rows without a grid) lies under `code`. */
const underCode = (code: string) => sql<boolean>`coalesce(grid_code, community_code) LIKE ${likePrefix(code)}`;

export function getPlace(db: Db, code: string) {
  return db.selectFrom('places').selectAll().where('code', '=', code).executeTakeFirst();
}

export function childPlaces(db: Db, code: string) {
  return db
    .selectFrom('places')
    .select(['code', 'kind', 'name', 'name_en'])
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
}

/** Places of one kind whose code starts with `prefix` (e.g. all grids of a community). */
export function placesUnder(db: Db, prefix: string, kind: 'community' | 'grid') {
  return db
    .selectFrom('places')
    .selectAll()
    .where('kind', '=', kind)
    .where('code', 'like', likePrefix(prefix))
    .orderBy('code')
    .execute();
}

/** All grids and communities with boundaries, for the point → grid index. */
export function boundariesOfKind(db: Db, kind: 'community' | 'grid') {
  return db
    .selectFrom('places')
    .select(['code', 'name', 'parent_code', 'boundary'])
    .where('kind', '=', kind)
    .where('boundary', 'is not', null)
    .orderBy('code')
    .execute();
}

/** Counts of households, residents, elderly, children and 独居老人 under a place code. */
export async function placeStats(db: Db, code: string, elderlyBornOnOrBefore: string, childBornAfter: string) {
  const h = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(underCode(code))
    .executeTakeFirstOrThrow();
  const r = await db
    .selectFrom('residents')
    .select([
      sql<number>`count(*)`.as('residents'),
      sql<number>`count(*) filter (where birth_date <= ${elderlyBornOnOrBefore})`.as('elderly'),
      sql<number>`count(*) filter (where birth_date > ${childBornAfter})`.as('children'),
      sql<number>`count(*) filter (where tags ? '独居老人')`.as('living_alone'),
    ])
    .where(underCode(code))
    .executeTakeFirstOrThrow();
  return {
    households: Number(h.n),
    residents: Number(r.residents),
    elderly: Number(r.elderly),
    children: Number(r.children),
    livingAlone: Number(r.living_alone),
  };
}

export function compoundsUnder(db: Db, code: string) {
  return db.selectFrom('compounds').selectAll().where(underCode(code)).orderBy('name').execute();
}

export function buildingsOfCommunity(db: Db, communityCode: string) {
  return db.selectFrom('buildings').selectAll().where('community_code', '=', communityCode).orderBy('name').execute();
}

export function roadsOfCommunity(db: Db, communityCode: string) {
  return db.selectFrom('roads').selectAll().where('community_code', '=', communityCode).execute();
}

export function facilitiesOfCommunity(db: Db, communityCode: string) {
  return db
    .selectFrom('facilities')
    .selectAll()
    .where('community_code', '=', communityCode)
    .orderBy('category')
    .orderBy('name')
    .execute();
}

/** Per building: registered households, residents, elderly (born on or before) and children (born after). */
export async function buildingDemand(
  db: Db,
  communityCode: string,
  elderlyBornOnOrBefore: string,
  childBornAfter: string,
) {
  const rows = await db
    .selectFrom('buildings as b')
    .leftJoin('households as h', 'h.building_id', 'b.id')
    .leftJoin('residents as r', 'r.household_id', 'h.id')
    .select([
      'b.id',
      'b.name',
      'b.lon',
      'b.lat',
      'b.floors',
      'b.use',
      'b.footprint',
      'b.grid_code',
      sql<number>`count(distinct h.id)`.as('households'),
      sql<number>`count(r.id)`.as('people'),
      sql<number>`count(r.id) filter (where r.birth_date <= ${elderlyBornOnOrBefore})`.as('elderly'),
      sql<number>`count(r.id) filter (where r.birth_date > ${childBornAfter})`.as('children'),
    ])
    .where('b.community_code', '=', communityCode)
    .groupBy(['b.id', 'b.name', 'b.lon', 'b.lat', 'b.floors', 'b.use', 'b.footprint', 'b.grid_code'])
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    households: Number(r.households),
    people: Number(r.people),
    elderly: Number(r.elderly),
    children: Number(r.children),
  }));
}

/** Candidate sites (spaces freed by renewal) of a community. */
export function candidateSitesOfCommunity(db: Db, communityCode: string) {
  return db
    .selectFrom('candidate_sites')
    .selectAll()
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .execute();
}

/** Names of the places with these codes (for labelling other modules' rows). */
export function placeNamesOf(db: Db, codes: readonly string[]) {
  return db.selectFrom('places').select(['code', 'name']).where('code', 'in', codes).execute();
}

/** A place's code, kind and names, without its boundary. */
export function placeHeader(db: Db, code: string) {
  return db
    .selectFrom('places')
    .select(['code', 'kind', 'name', 'name_en'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Codes of every district, in order. */
export function districtCodes(db: Db) {
  return db.selectFrom('places').select('code').where('kind', '=', 'district').orderBy('code').execute();
}

/** Codes of every community, in order. */
export function communityCodes(db: Db) {
  return db.selectFrom('places').select('code').where('kind', '=', 'community').orderBy('code').execute();
}

/** Inserts a place. */
export async function insertPlace(db: Db, row: Insertable<PlacesTable>): Promise<void> {
  await db.insertInto('places').values(row).execute();
}

/** Some place of the demo data, if the demo is loaded. */
export function anyDemoPlace(db: Db) {
  return db.selectFrom('places').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst();
}

/** Where a resident is registered: their grid and community codes. */
export function residentPlace(db: Db, id: string) {
  return db.selectFrom('residents').select(['grid_code', 'community_code']).where('id', '=', id).executeTakeFirst();
}
