/**
 * Queries the care and notices modules need from the register (through registry/links.ts): tagged residents,
 * a resident's home, households in a notice scope, and the points of buildings for walking orders.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Residents of a community carrying any of `tags`, with their household's building. */
export function residentsTagged(db: Db, communityCode: string, tags: readonly string[]) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.community_code', 'r.grid_code', 'r.household_id', 'h.building_id', 'r.tags'])
    .where('r.community_code', '=', communityCode)
    .where(sql<boolean>`r.tags ?| ARRAY[${sql.join(tags.map((t) => sql.val(t)))}]::text[]`)
    .orderBy('r.id')
    .execute();
}

/** Residents by id with their home (building, unit, room) and the building's point. */
export function residentsWithHome(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select([
      'r.id',
      'r.name',
      'r.gender',
      'r.phone',
      'r.birth_date',
      'r.tags',
      'r.community_code',
      'r.grid_code',
      'r.household_id',
      'h.building_id',
      'h.unit',
      'h.room',
      'b.name as building',
      'b.lon',
      'b.lat',
    ])
    .where('r.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
    .execute();
}

/** A notice scope inside one community. */
export type HouseholdScope =
  | { kind: 'community' }
  | { kind: 'grid'; code: string }
  | { kind: 'compound'; id: string }
  | { kind: 'building'; id: string }
  | { kind: 'tag'; tag: string };

/** The households of a community inside a scope (a tag: households with at least one resident carrying it). */
export function householdsIn(db: Db, communityCode: string, scope: HouseholdScope) {
  let q = db
    .selectFrom('households as h')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.grid_code', 'h.building_id'])
    .where('h.community_code', '=', communityCode);
  if (scope.kind === 'grid') q = q.where('h.grid_code', '=', scope.code);
  if (scope.kind === 'building') q = q.where('h.building_id', '=', scope.id);
  if (scope.kind === 'compound') q = q.where('b.compound_id', '=', scope.id);
  if (scope.kind === 'tag')
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('residents as r')
          .select(sql`1`.as('one'))
          .whereRef('r.household_id', '=', 'h.id')
          .where(sql<boolean>`r.tags ? ${scope.tag}`),
      ),
    );
  return q.orderBy('h.id').execute();
}

/** Households by id with building name and point, and the owner's name. */
export function householdsWithBuilding(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('households as h')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select(['h.id', 'h.unit', 'h.room', 'h.owner_name', 'h.grid_code', 'h.building_id', 'b.name as building'])
    .select(['b.lon', 'b.lat'])
    .where('h.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
    .execute();
}

/** Buildings of a community: id, name, point, grid and compound (no footprints). */
export function buildingPointsOf(db: Db, communityCode: string) {
  return db
    .selectFrom('buildings')
    .select(['id', 'name', 'lon', 'lat', 'grid_code', 'compound_id'])
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A building or compound by id (for a notice scope): its community and name. */
export async function buildingOrCompound(db: Db, kind: 'building' | 'compound', id: string) {
  const table = kind === 'building' ? 'buildings' : 'compounds';
  return db.selectFrom(table).select(['id', 'name', 'community_code']).where('id', '=', id).executeTakeFirst();
}
