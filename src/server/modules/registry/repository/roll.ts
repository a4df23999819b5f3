/** The register's owner roll of a scope (community, grid, compound, building), for votes and consultations. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A scope inside one community: the community itself, one of its grids, a compound or a building. */
export type RollScope =
  | { kind: 'community'; id: string }
  | { kind: 'grid'; id: string }
  | { kind: 'compound'; id: string }
  | { kind: 'building'; id: string };

/** Every household of the scope with its exclusive area and owner, in (building, unit, room) order. */
export function householdsOfScope(db: Db, communityCode: string, scope: RollScope) {
  let q = db
    .selectFrom('households as h')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select([
      'h.id',
      'h.grid_code',
      'h.building_id',
      'b.compound_id',
      'b.name as building_name',
      'h.unit',
      'h.room',
      'h.area_centi_m2',
      'h.owner_name',
      'h.owner_key',
    ])
    .where('h.community_code', '=', communityCode);
  if (scope.kind === 'grid') q = q.where('h.grid_code', '=', scope.id);
  if (scope.kind === 'compound') q = q.where('b.compound_id', '=', scope.id);
  if (scope.kind === 'building') q = q.where('h.building_id', '=', scope.id);
  return q.orderBy('b.name').orderBy('h.unit').orderBy('h.room').orderBy('h.id').execute();
}

/** The name of a scope inside a community (undefined when it is not in that community). */
export async function scopeName(db: Db, communityCode: string, scope: RollScope): Promise<string | undefined> {
  if (scope.kind === 'community' || scope.kind === 'grid') {
    const p = await db
      .selectFrom('places')
      .select('name')
      .where('code', '=', scope.id)
      .where('kind', '=', scope.kind)
      .where(scope.kind === 'community' ? 'code' : 'parent_code', '=', communityCode)
      .executeTakeFirst();
    return p?.name;
  }
  const table = scope.kind === 'compound' ? 'compounds' : 'buildings';
  if (!/^[0-9a-f-]{36}$/i.test(scope.id)) return undefined;
  const r = await db
    .selectFrom(table)
    .select('name')
    .where('id', '=', scope.id)
    .where('community_code', '=', communityCode)
    .executeTakeFirst();
  return r?.name;
}

/** A resident's household and where it lies (for "is this resident inside the scope" and owner checks). */
export function residentPlaceRow(db: Db, residentId: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('buildings as b', 'b.id', 'h.building_id')
    .select([
      'r.id as resident_id',
      'r.name as resident_name',
      'r.birth_date',
      'h.id as household_id',
      'h.community_code',
      'h.grid_code',
      'h.building_id',
      'b.compound_id',
      'h.owner_name',
      'h.owner_key',
    ])
    .where('r.id', '=', residentId)
    .executeTakeFirst();
}

/** The compounds of a community with their 三无 history (for choosing a scope). */
export function compoundsOfCommunity(db: Db, communityCode: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name', 'grid_code', 'former_sanwu'])
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .execute();
}
