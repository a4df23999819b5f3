/** The GeoJSON import's SQL: grid and compound upserts and re-homing rows into the grid that now contains them. */
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { CompoundsTable, Database, PlacesTable } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Renames and redraws a place, bumping its version. */
export async function redrawPlace(db: Db, code: string, name: string, boundary: string, now: Date): Promise<void> {
  await db
    .updateTable('places')
    .set({ name, boundary, updated_at: now, version: sql<number>`version + 1` })
    .where('code', '=', code)
    .execute();
}

/** Inserts a place. */
export async function insertPlaceRow(db: Db, row: Insertable<PlacesTable>): Promise<void> {
  await db.insertInto('places').values(row).execute();
}

/** Moves a building, its households and their residents into grid `gridCode` (null: no grid). */
export async function moveBuildingToGrid(db: Db, buildingId: string, gridCode: string | null): Promise<void> {
  await db.updateTable('buildings').set({ grid_code: gridCode }).where('id', '=', buildingId).execute();
  await db.updateTable('households').set({ grid_code: gridCode }).where('building_id', '=', buildingId).execute();
  await db
    .updateTable('residents')
    .set({ grid_code: gridCode })
    .where('household_id', 'in', (eb) => eb.selectFrom('households').select('id').where('building_id', '=', buildingId))
    .execute();
}

/** A community's compounds: id, boundary and grid. */
export function compoundAreas(db: Db, communityCode: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'boundary', 'grid_code'])
    .where('community_code', '=', communityCode)
    .execute();
}

/** Moves a compound into grid `gridCode`. */
export async function moveCompoundToGrid(db: Db, id: string, gridCode: string | null): Promise<void> {
  await db.updateTable('compounds').set({ grid_code: gridCode }).where('id', '=', id).execute();
}

/** A community's compound by name. */
export function compoundByName(db: Db, communityCode: string, name: string) {
  return db
    .selectFrom('compounds')
    .selectAll()
    .where('community_code', '=', communityCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Changes a compound's columns. */
export async function updateCompound(db: Db, id: string, set: Updateable<CompoundsTable>): Promise<void> {
  await db.updateTable('compounds').set(set).where('id', '=', id).execute();
}

/** Inserts a compound. */
export async function insertCompound(db: Db, row: Insertable<CompoundsTable>): Promise<void> {
  await db.insertInto('compounds').values(row).execute();
}
