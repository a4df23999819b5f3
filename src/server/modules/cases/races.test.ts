/**
 * Races found by reading, fired at once through the API. On PostgreSQL the requests really overlap (pool of 5);
 * on PGlite they are serialised, and the same outcome must hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { SILU_GRID, SILU_POINT } from './testing/demo.ts';

let t: TestApp;
let resident: Session, worker: Session, staff: Session, elder: Session;

beforeAll(async () => {
  t = await testApp();
  [resident, worker, staff, elder] = await Promise.all([
    login(t.app, 'resident_silu'),
    login(t.app, SILU_GRID.worker.username),
    login(t.app, 'dh_staff'),
    login(t.app, 'resident_elder'),
  ]);
});
afterAll(async () => {
  await t.close();
});

const newCase = async (description: string) => {
  const r = await resident.request('POST', '/api/cases', { categoryCode: 'X01', description, location: SILU_POINT });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json().case as { id: string };
};

describe('one-press help tapped several times at once', () => {
  it('opens exactly one case; every tap answers with it', async () => {
    const rs = await Promise.all(Array.from({ length: 6 }, () => elder.request('POST', '/api/cases/help', {})));
    expect(rs.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    const ids = new Set(rs.map((r) => r.json().case.id as string));
    expect(ids.size).toBe(1);
    const rows = await t.handle.db
      .selectFrom('cases')
      .select('id')
      .where('reporter_id', '=', elder.account.id)
      .where('category_code', '=', 'X05')
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('patrol track points posted at once', () => {
  it('keeps every point once, and the distance covers them all', async () => {
    const start = await worker.request('POST', '/api/cases/patrols', {});
    expect(start.statusCode).toBe(201);
    const id = start.json().patrol.id as string;
    const t0 = Date.parse('2026-11-27T02:00:00Z');
    const point = (i: number) => ({
      lon: SILU_POINT.lon + i * 0.0001,
      lat: SILU_POINT.lat,
      at: new Date(t0 + i * 10_000).toISOString(),
    });
    // 8 posts of 3 points each, all at once; the last post is a retry of the first (same points).
    const batches = Array.from({ length: 8 }, (_, b) => [0, 1, 2].map((k) => point(b * 3 + k)));
    batches.push(batches[0]!);
    const rs = await Promise.all(
      batches.map((points) => worker.request('POST', `/api/cases/patrols/${id}/track`, { points })),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(batches.map(() => 200));
    const p = (await worker.request('GET', `/api/cases/patrols/${id}`)).json().patrol as {
      points: number;
      track: [number, number, number][];
      distanceM: number;
    };
    expect(p.points).toBe(24);
    expect(new Set(p.track.map((q) => q[2])).size).toBe(24);
    // Points go out of order across posts, so the walk is at least the straight span from first to last.
    expect(p.distanceM).toBeGreaterThan(23 * 8);
  });
});

describe('two opposite merges at once', () => {
  it('one merge wins, the other is refused; no case ends merged into a merged case', async () => {
    for (let i = 0; i < 6; i++) {
      const a = await newCase(`合并测试 A${i}`);
      const b = await newCase(`合并测试 B${i}`);
      const rs = await Promise.all([
        staff.request('POST', `/api/cases/${a.id}/actions`, { action: 'merge', intoId: b.id }),
        staff.request('POST', `/api/cases/${b.id}/actions`, { action: 'merge', intoId: a.id }),
      ]);
      const won = rs.filter((r) => r.statusCode === 200);
      const lost = rs.filter((r) => r.statusCode !== 200);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.json().error.code)).toEqual([expect.stringMatching(/^CASE_(BAD_TARGET|ILLEGAL_)/)]);
      const rows = await t.handle.db
        .selectFrom('cases')
        .select(['id', 'status'])
        .where('id', 'in', [a.id, b.id])
        .execute();
      expect(rows.map((r) => r.status).sort()).toEqual(['dispatched', 'merged']);
    }
  });
});
