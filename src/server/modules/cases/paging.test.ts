/**
 * Lists never stop silently: every case list pages with a cursor to its end and tells the total; the map says
 * when it caps. 20,100 cases are cloned in SQL so the old silent caps (200 overdue, 20,000 map points) are hit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { SILU_GRID, SILU_POINT } from './testing/demo.ts';
import { MAP_POINTS_MAX } from './queries.ts';

let t: TestApp;
let resident: Session, staff: Session;
const CLONES = 20_100;

beforeAll(async () => {
  t = await testApp();
  [resident, staff] = await Promise.all([login(t.app, 'resident_silu'), login(t.app, 'dh_staff')]);
  const r = await resident.request('POST', '/api/cases', {
    categoryCode: 'X01',
    description: '克隆样本',
    location: SILU_POINT,
  });
  expect(r.statusCode).toBe(201);
  const id = r.json().case.id as string;
  const cols = (
    await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_name = 'cases' AND table_schema = current_schema() AND column_name <> 'id'
      ORDER BY ordinal_position`.execute(t.handle.db)
  ).rows.map((c) => `"${c.column_name}"`);
  const list = sql.raw(cols.join(', '));
  const picked = sql.raw(
    cols.map((c) => (c === '"created_at"' ? `created_at - (g * interval '1 second')` : c)).join(', '),
  );
  await sql`INSERT INTO cases (id, ${list})
    SELECT gen_random_uuid(), ${picked} FROM cases, generate_series(1, ${CLONES}) AS g WHERE id = ${id}::uuid`.execute(
    t.handle.db,
  );
  // The sample itself leaves the open lists (the scheduler would re-arm its deadline while a test walks them).
  await t.handle.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', id).execute();
  t.clock.advance(5 * 86_400_000); // every clone is now past its accept-by
}, 120_000);
afterAll(async () => {
  await t.close();
});

/** Follows nextCursor to the end; returns every id and the totals announced. */
async function walk(s: Session, url: string): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const r = await s.request(
      'GET',
      `${url}${sep}pageSize=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: { id: string }[]; nextCursor: string | null; total: number };
    ids.push(...body.items.map((i) => i.id));
    totals.push(body.total);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { ids, totals, pages };
}

describe('case lists page to the end', () => {
  it('the overdue list goes past 200: every case once, as many as the total says', async () => {
    const { ids, totals, pages } = await walk(staff, `/api/cases/overdue?code=${SILU_GRID.code}`);
    expect(totals[0]).toBeGreaterThanOrEqual(CLONES);
    expect([...new Set(totals)]).toEqual([CLONES]);
    expect(ids.length).toBe(totals[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.ceil(ids.length / 200));
  }, 120_000);

  it('the filtered list pages with a stable cursor; a forged cursor is a 400', async () => {
    const first = (await staff.request('GET', '/api/cases?q=克隆&pageSize=7')).json();
    expect(first.items).toHaveLength(7);
    expect(first.total).toBe(CLONES + 1);
    const second = (
      await staff.request('GET', `/api/cases?q=克隆&pageSize=7&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items[0].id).not.toBe(first.items[6].id);
    expect(Date.parse(second.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(first.items[6].createdAt));
    const bad = await staff.request('GET', '/api/cases?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_CURSOR');
  });

  it('the map says it is truncated and how many match', async () => {
    const r = (await staff.request('GET', `/api/cases/map?code=${SILU_GRID.code}`)).json();
    expect(r.points).toHaveLength(MAP_POINTS_MAX);
    expect(r.total).toBeGreaterThan(MAP_POINTS_MAX);
    expect(r.truncated).toBe(true);
  });

  it('the worker queue tells the total and that more are open', async () => {
    const worker = await login(t.app, SILU_GRID.worker.username);
    const r = (await worker.request('GET', '/api/cases/queue')).json();
    expect(r.items.length).toBeLessThan(r.total);
    expect(r.total).toBeGreaterThanOrEqual(CLONES);
    expect(r.more).toBe(true);
  });

  it('my cases tell the total and go on past the first page', async () => {
    const first = (await resident.request('GET', '/api/cases/mine')).json();
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(CLONES + 1);
    const next = (
      await resident.request('GET', `/api/cases/mine?cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(next.items).toHaveLength(50);
    expect(new Set([...first.items, ...next.items].map((c: { id: string }) => c.id)).size).toBe(100);
  });
});
