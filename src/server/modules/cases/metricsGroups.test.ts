/**
 * Metrics group by the whole grid code: in a community of 15-digit (Beijing-style) grids, two grids are two rows,
 * not one row under their common 14-digit prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../testing/harness.ts';
import { uuidv7 } from '../../platform/ids.ts';

const COMMUNITY = '620702004009';
const GRIDS = [`${COMMUNITY}011`, `${COMMUNITY}012`];
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const db = t.handle.db;
  const place = (kind: 'community' | 'grid', code: string, parent: string) => ({
    id: uuidv7(),
    kind,
    code,
    parent_code: parent,
    name: code,
    name_en: code,
    boundary: 'null',
    properties: '{}',
    is_demo: true,
  });
  await db
    .insertInto('places')
    .values(place('community', COMMUNITY, '620702004'))
    .execute();
  await db
    .insertInto('places')
    .values(GRIDS.map((g) => place('grid', g, COMMUNITY)))
    .execute();
  const now = t.clock.now();
  for (const grid of GRIDS) {
    await db
      .insertInto('cases')
      .values({
        id: uuidv7(),
        community_code: COMMUNITY,
        grid_code: grid,
        handler_code: grid,
        level: 'grid',
        status: 'dispatched',
        category_code: 'X01',
        urgent: false,
        description: '十五位网格的案件',
        address: null,
        lon: 100.5,
        lat: 38.9,
        reporter_id: null,
        reporter_name: '王五',
        reporter_phone: null,
        hide_name: true,
        source: 'hotline',
        patrol_id: null,
        tags: '[]',
        accept_by: new Date(now.getTime() + 3_600_000),
        resolve_by: new Date(now.getTime() + 86_400_000),
        supervised: false,
        pending_extension: null,
        rework_count: 0,
        extension_count: 0,
        escalation_count: 0,
        accepted_at: null,
        accepted_on_time: null,
        resolved_at: null,
        closed_at: null,
        closed_on_time: null,
        rating: null,
        rating_comment: null,
        merged_into: null,
        open311_token: null,
        last_note: null,
        created_at: new Date(now.getTime() - 60_000),
        updated_at: now,
      })
      .execute();
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('metrics by grid', () => {
  it('keeps two 15-digit grids apart', async () => {
    const admin = await login(t.app, 'gz_admin');
    const r = await admin.request('GET', `/api/cases/metrics?code=${COMMUNITY}&groupBy=grid`);
    expect(r.statusCode, r.body).toBe(200);
    const rows = (r.json() as { rows: { code: string; registered: number }[] }).rows;
    expect(rows.map((x) => [x.code, x.registered])).toEqual(GRIDS.map((g) => [g, 1]));
  });
});
