/** The registry's SQL: one named function per query. Callers pass the db or a transaction. */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, HouseholdsTable, PlacesTable, ResidentsTable } from '../../platform/db/schema.ts';
import { likeContains, likePrefix, likeSuffix } from '../../platform/db/like.ts';
import { READ_ACTION } from '../../platform/audit.ts';

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

/**
 * One page of households under a code, optionally filtered by owner name, building or room, in (building, unit,
 * room, id) order after the keyset `after` (that order's values of the previous page's last row). Fetches
 * `limit + 1` rows: the extra one tells the caller that another page exists.
 */
export async function listHouseholds(
  db: Db,
  code: string,
  q: string | undefined,
  after: [string, string, string, string] | null,
  limit: number,
) {
  let base = db
    .selectFrom('households as h')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .where(sql<boolean>`coalesce(h.grid_code, h.community_code) LIKE ${likePrefix(code)}`);
  if (q)
    base = base.where((eb) =>
      eb.or([eb('h.owner_name', 'like', likeContains(q)), eb('b.name', 'like', likeContains(q)), eb('h.room', '=', q)]),
    );
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select([
      'h.id',
      'h.grid_code',
      'h.community_code',
      'h.unit',
      'h.room',
      'h.area_centi_m2',
      'h.owner_name',
      'b.name as building_name',
      sql<number>`(select count(*) from residents r where r.household_id = h.id)`.as('residents'),
    ])
    .where(
      after
        ? sql<boolean>`(coalesce(b.name, ''), h.unit, h.room, h.id)
            > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}::uuid)`
        : sql<boolean>`true`,
    )
    .orderBy(sql`coalesce(b.name, '')`)
    .orderBy('h.unit')
    .orderBy('h.room')
    .orderBy('h.id')
    .limit(limit + 1)
    .execute();
  return { total: Number(total.n), items };
}

export function getHousehold(db: Db, id: string) {
  return db
    .selectFrom('households as h')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .selectAll('h')
    .select('b.name as building_name')
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export function residentsOfHousehold(db: Db, householdId: string) {
  return db.selectFrom('residents').selectAll().where('household_id', '=', householdId).orderBy('birth_date').execute();
}

export function getResident(db: Db, id: string) {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Optimistic update: applies only when `version` matches; returns the new row or undefined on conflict. */
export function updateHousehold(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Omit<Selectable<HouseholdsTable>, 'id' | 'version' | 'created_at'>>,
) {
  return db
    .updateTable('households')
    .set({ ...patch, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Optimistic update of a resident; `tags` is written as JSON. */
export function updateResident(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Omit<Selectable<ResidentsTable>, 'id' | 'version' | 'created_at' | 'tags'>> & { tags?: string[] },
) {
  const { tags, ...rest } = patch;
  return db
    .updateTable('residents')
    .set({
      ...rest,
      ...(tags ? { tags: JSON.stringify(tags) } : {}),
      updated_at: new Date(),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertResident(
  db: Db,
  row: Omit<Selectable<ResidentsTable>, 'version' | 'created_at' | 'updated_at' | 'tags'> & { tags: string[] },
) {
  return db
    .insertInto('residents')
    .values({ ...row, tags: JSON.stringify(row.tags) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteResident(db: Db, id: string) {
  return db.deleteFrom('residents').where('id', '=', id).executeTakeFirst();
}

export function residentByIdNumber(db: Db, idNumber: string) {
  return db.selectFrom('residents').select(['id']).where('id_number', '=', idNumber).executeTakeFirst();
}

/**
 * Residents under a code matching a name fragment, a phone tail, an ID number or phone (if allowed) or a tag.
 * `childBornAfter` is the visibility rule for viewers not entitled to children's data: rows of people born
 * after that date (under 14) are excluded in the WHERE clause, before any matching, so that no search — by
 * name, number, tag or none — can return, count or locate a hidden child.
 */
export async function searchResidents(
  db: Db,
  o: {
    code: string;
    q?: string | undefined;
    tag?: string | undefined;
    byPii: boolean;
    childBornAfter: string | null;
    after: [string, string] | null;
    limit: number;
  },
) {
  let base = db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .where(sql<boolean>`coalesce(r.grid_code, r.community_code) LIKE ${likePrefix(o.code)}`);
  if (o.childBornAfter !== null) base = base.where('r.birth_date', '<=', o.childBornAfter);
  const q = o.q?.trim();
  if (q) {
    base = base.where((eb) => {
      const ors = [eb('r.name', 'like', likeContains(q))];
      if (/^\d{4}$/.test(q)) ors.push(eb('r.phone', 'like', likeSuffix(q)));
      if (o.byPii && /^\d{6,}[\dXx]?$/.test(q))
        ors.push(eb('r.phone', '=', q), eb('r.id_number', '=', q.toUpperCase()));
      return eb.or(ors);
    });
  }
  if (o.tag) base = base.where(sql<boolean>`r.tags ? ${o.tag}`);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('r')
    .select(['b.name as building_name', 'h.unit', 'h.room'])
    // Keyset page in (name, id) order, one row more than asked (it tells that another page exists).
    .where(o.after ? sql<boolean>`(r.name, r.id) > (${o.after[0]}, ${o.after[1]}::uuid)` : sql<boolean>`true`)
    .orderBy('r.name')
    .orderBy('r.id')
    .limit(o.limit + 1)
    .execute();
  return { total: Number(total.n), rows };
}

export function buildingByName(db: Db, communityCode: string, name: string) {
  return db
    .selectFrom('buildings')
    .select(['id', 'grid_code', 'name'])
    .where('community_code', '=', communityCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

/**
 * Audit entries under a scope, newest first, a page after `beforeId` plus one row (another page exists); `kind`
 * 'read' keeps the reads of personal data, 'write' the rest.
 */
export async function listAudit(
  db: Db,
  o: {
    code: string;
    entity?: string | undefined;
    kind?: 'read' | 'write' | undefined;
    beforeId: string | null;
    limit: number;
  },
) {
  let base = db
    .selectFrom('audit_log')
    .where((eb) => eb.or([eb('scope_code', 'like', likePrefix(o.code)), eb('scope_code', 'is', null)]));
  if (o.entity) base = base.where('entity', '=', o.entity);
  if (o.kind === 'read') base = base.where('action', '=', READ_ACTION);
  if (o.kind === 'write') base = base.where('action', '<>', READ_ACTION);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const page = o.beforeId ? base.where(sql<boolean>`id < ${o.beforeId}::bigint`) : base;
  const items = await page
    .selectAll()
    .orderBy('id', 'desc')
    .limit(o.limit + 1)
    .execute();
  return { total: Number(total.n), items };
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
