/** The registry's household and resident queries (paged lists, optimistic updates, search). */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, HouseholdsTable, ResidentsTable } from '../../../platform/db/schema.ts';
import { likeContains, likePrefix, likeSuffix } from '../../../platform/db/like.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Matches rows whose grid (or community, for rows without a grid) lies under `code`. */
const _underCode = (code: string) => sql<boolean>`coalesce(grid_code, community_code) LIKE ${likePrefix(code)}`;

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

/** A resident's tags and the building, unit and room they live in (building columns null when not placed). */
export function residentHome(db: Db, residentId: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['r.tags', 'b.lon', 'b.lat', 'b.name as building', 'h.unit', 'h.room'])
    .where('r.id', '=', residentId)
    .executeTakeFirst();
}

/** A resident's birth date and tags (for defaults such as elder mode). */
export function residentAgeFacts(db: Db, residentId: string) {
  return db.selectFrom('residents').select(['birth_date', 'tags']).where('id', '=', residentId).executeTakeFirst();
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

/** Adults of a community born between two dates, in a stable order (the cobuild demo picks volunteers here). */
export function adultsOfCommunity(db: Db, communityCode: string, bornFrom: string, bornTo: string, limit: number) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'community_code', 'grid_code', 'household_id'])
    .where('community_code', '=', communityCode)
    .where('birth_date', '>=', bornFrom)
    .where('birth_date', '<=', bornTo)
    .orderBy('name')
    .orderBy('birth_date')
    .orderBy('id')
    .limit(limit)
    .execute();
}
