/** Extra rows for tests: a second community (with a grid, building, household and an adult and a child). */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/ids.ts';

export const OTHER_COMMUNITY = '620702004007';
export const OTHER_GRID = '62070200400701';

/** Ids of the rows added by {@link addOtherCommunity}. */
export interface OtherIds {
  household: string;
  adult: string;
  child: string;
  building: string;
  account: string;
}

const square = (x: number, y: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

/** Adds 620702004007 (another community of 北街街道, 2 km east of the demo) with one grid and one household. */
export async function addOtherCommunity(db: Kysely<Database>): Promise<OtherIds> {
  const ids: OtherIds = {
    household: uuidv7(),
    adult: uuidv7(),
    child: uuidv7(),
    building: uuidv7(),
    account: uuidv7(),
  };
  await db
    .insertInto('places')
    .values([
      {
        id: uuidv7(),
        kind: 'community',
        code: OTHER_COMMUNITY,
        parent_code: '620702004',
        name: '测试社区',
        name_en: 'Test',
        boundary: JSON.stringify(square(100.48, 38.93, 0.01)),
        properties: '{}',
        is_demo: true,
      },
    ])
    .execute();
  await db
    .insertInto('places')
    .values([
      {
        id: uuidv7(),
        kind: 'grid',
        code: OTHER_GRID,
        parent_code: OTHER_COMMUNITY,
        name: '测试网格',
        name_en: null,
        boundary: JSON.stringify(square(100.48, 38.93, 0.01)),
        properties: '{}',
        is_demo: true,
      },
    ])
    .execute();
  await db
    .insertInto('buildings')
    .values({
      id: ids.building,
      community_code: OTHER_COMMUNITY,
      grid_code: OTHER_GRID,
      compound_id: null,
      name: '测试楼',
      floors: 6,
      units: 1,
      use: 'residential',
      footprint: JSON.stringify(square(100.485, 38.935, 0.0002)),
      lon: 100.4851,
      lat: 38.9351,
    })
    .execute();
  await db
    .insertInto('households')
    .values({
      id: ids.household,
      community_code: OTHER_COMMUNITY,
      grid_code: OTHER_GRID,
      building_id: ids.building,
      unit: '1',
      room: '101',
      area_centi_m2: 8000,
      area_source: 'register',
      owner_name: '王五',
      owner_key: '王五',
    })
    .execute();
  await db
    .insertInto('residents')
    .values([
      {
        id: ids.adult,
        community_code: OTHER_COMMUNITY,
        grid_code: OTHER_GRID,
        household_id: ids.household,
        name: '王五',
        gender: 'male',
        phone: '13912345678',
        id_number: '62070219800101001X',
        birth_date: '1980-01-01',
        relation: '户主',
        tags: '[]',
      },
      {
        id: ids.child,
        community_code: OTHER_COMMUNITY,
        grid_code: OTHER_GRID,
        household_id: ids.household,
        name: '王小五',
        gender: 'male',
        phone: null,
        id_number: null,
        birth_date: '2018-06-01',
        relation: '子女',
        tags: '["儿童"]',
      },
    ])
    .execute();
  await db
    .insertInto('accounts')
    .values({
      id: ids.account,
      username: 'other_grid01',
      display_name: '测试网格员',
      password_hash: 'x',
      role: 'grid_worker',
      scope_code: OTHER_GRID,
      resident_id: null,
      phone: null,
    })
    .execute();
  return ids;
}
