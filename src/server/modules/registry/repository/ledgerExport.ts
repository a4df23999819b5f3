/**
 * The ledger export's SQL (the first file of the registry's repository/ split; the rest still lives in
 * ../repository.ts): counts, keyset batches of households and their residents.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A household's position in ledger order: building name, unit, room, id. */
export type HouseholdKey = [string, string, string, string];

/** How many rows of `table` belong to a community. */
export async function countInCommunity(
  db: Db,
  table: 'households' | 'residents',
  communityCode: string,
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_code', '=', communityCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One batch of a community's households in (building, unit, room, id) order after `after`. */
export function householdBatch(db: Db, communityCode: string, after: HouseholdKey | null, batch: number) {
  return db
    .selectFrom('households as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .selectAll('h')
    .select('b.name as building_name')
    .where('h.community_code', '=', communityCode)
    .where(
      after
        ? sql<boolean>`(b.name, h.unit, h.room, h.id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}::uuid)`
        : sql<boolean>`true`,
    )
    .orderBy('b.name')
    .orderBy('h.unit')
    .orderBy('h.room')
    .orderBy('h.id')
    .limit(batch)
    .execute();
}

/** The residents of these households, each household's by birth date (then id). */
export function residentsOfHouseholds(db: Db, householdIds: readonly string[]) {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('household_id', 'in', householdIds)
    .orderBy('birth_date')
    .orderBy('id')
    .execute();
}
