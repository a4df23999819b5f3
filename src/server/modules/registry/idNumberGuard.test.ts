/** A write that loses the race on the ID number's unique index gets the pre-check's answer, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, OTHER_GRID, type OtherIds } from '../../testing/fixtures.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { uniqueId } from './idNumberGuard.ts';
import * as repo from './repository.ts';

let t: TestApp;
let other: OtherIds;
beforeAll(async () => {
  t = await testApp();
  other = await addOtherCommunity(t.handle.db);
});
afterAll(async () => {
  await t.close();
});

describe('uniqueId', () => {
  it('maps the unique violation on residents.id_number to DUPLICATE_ID_NUMBER, and nothing else', async () => {
    const row = {
      id: uuidv7(),
      community_code: OTHER_COMMUNITY,
      grid_code: OTHER_GRID,
      household_id: other.household,
      name: '竞争者',
      gender: 'male' as const,
      phone: null,
      id_number: '62070219800101001X', // the fixture's adult
      birth_date: '1980-01-01',
      relation: '其他',
      tags: [],
    };
    await expect(uniqueId(repo.insertResident(t.handle.db, row))).rejects.toMatchObject({
      code: 'DUPLICATE_ID_NUMBER',
    });
    // Another unique violation (the primary key) is not an ID-number answer.
    const dupKey = { ...row, id: other.adult, id_number: null };
    await expect(uniqueId(repo.insertResident(t.handle.db, dupKey))).rejects.not.toMatchObject({
      code: 'DUPLICATE_ID_NUMBER',
    });
  });
});
