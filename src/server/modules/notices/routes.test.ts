import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { walkLength } from './domain/walk.ts';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await testApp();
  for (const u of ['grid03', 'grid04', 'dh_staff', 'resident_silu', 'resident_elder', 'bj_street'])
    s[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const count = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('notices', () => {
  it('a notice to an empty scope is refused and nothing is stored', async () => {
    const r = await s.dh_staff!.request('POST', '/api/notices/send', {
      title: '测试',
      body: '测试',
      scope: { kind: 'tag', value: '没有人的标签' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('NOTICE_EMPTY_SCOPE');
    expect(await count()).toBe(0);
    expect(
      (await s.grid03!.request('POST', '/api/notices/send', { title: 'x', body: 'y', scope: { kind: 'community' } }))
        .statusCode,
    ).toBe(403);
  });

  it('residents of the scope see the notice; opening it counts one read per household, once', async () => {
    const grid = s.resident_silu!.account.scope!.code;
    const r = await s.dh_staff!.request('POST', '/api/notices/send', {
      title: '停水通知',
      body: '明天 9:00–12:00 停水',
      scope: { kind: 'grid', value: grid },
    });
    expect(r.statusCode).toBe(201);
    const n = r.json().notice;
    const households = await t.handle.db.selectFrom('households').select('id').where('grid_code', '=', grid).execute();
    expect(n.households).toBe(households.length);
    const mine = (await s.resident_silu!.request('GET', '/api/notices/mine')).json().items;
    expect(mine.find((x: { id: string }) => x.id === n.id)).toMatchObject({ title: '停水通知', read: false });
    for (let i = 0; i < 2; i++)
      expect((await s.resident_silu!.request('POST', `/api/notices/${n.id}/read`)).statusCode).toBe(200);
    const d = (await s.dh_staff!.request('GET', `/api/notices/${n.id}`)).json();
    expect(d.notice.read).toBe(1);
    expect(d.grids).toEqual([expect.objectContaining({ gridCode: grid, households: households.length, read: 1 })]);
    // a resident outside the scope was not addressed
    if (s.resident_elder!.account.scope!.code !== grid)
      expect((await s.resident_elder!.request('POST', `/api/notices/${n.id}/read`)).statusCode).toBe(404);
    // not urgent: no walk list
    expect((await s.grid03!.request('GET', `/api/notices/${n.id}/walk`)).json().error.code).toBe('NOTICE_NOT_URGENT');
  });

  it('an urgent notice: the unread households in walking order for the grid worker, told in person kept', async () => {
    const r = await s.dh_staff!.request('POST', '/api/notices/send', {
      title: '燃气检修',
      body: '今晚燃气检修，请关闭阀门',
      urgent: true,
      scope: { kind: 'community' },
    });
    const id = r.json().notice.id as string;
    const grid = s.grid03!.account.scope!.code;
    const w = await s.grid03!.request('GET', `/api/notices/${id}/walk`);
    expect(w.statusCode).toBe(200);
    const items = w.json().items as { householdId: string; lon: number; lat: number; building: string }[];
    const inGrid = await t.handle.db.selectFrom('households').select('id').where('grid_code', '=', grid).execute();
    expect(items).toHaveLength(inGrid.length); // nobody has read it yet
    // the nearest-neighbour walk is no longer than visiting the same buildings in the order of their names
    const stops = items.map((i) => ({
      id: i.householdId,
      buildingId: i.building,
      point: [i.lon, i.lat] as [number, number],
      unit: '',
      room: '',
    }));
    const byId = [...stops].sort((a, b) => (a.buildingId! < b.buildingId! ? -1 : 1));
    expect(walkLength(stops, null)).toBeLessThanOrEqual(walkLength(byId, null));
    const first = items[0]!.householdId;
    expect((await s.grid04!.request('POST', `/api/notices/${id}/households/${first}/told`)).statusCode).toBe(403);
    const told = await s.grid03!.request('POST', `/api/notices/${id}/households/${first}/told`);
    expect(told.statusCode).toBe(200);
    expect(told.json().toldAt).not.toBeNull();
    const again = (await s.grid03!.request('GET', `/api/notices/${id}/walk`)).json().items;
    expect(again.find((x: { householdId: string }) => x.householdId === first).toldAt).not.toBeNull();
    const stats = (await s.dh_staff!.request('GET', `/api/notices/${id}`)).json();
    expect(stats.notice.told).toBe(1);
    // the grid worker sees the numbers of their grid only
    const own = (await s.grid03!.request('GET', `/api/notices/${id}`)).json();
    expect(own.grids.map((g: { gridCode: string }) => g.gridCode)).toEqual([grid]);
    // street staff read counts but do not walk
    expect((await s.bj_street!.request('GET', `/api/notices/${id}`)).statusCode).toBe(200);
    expect((await s.bj_street!.request('GET', `/api/notices/${id}/walk?grid=${grid}`)).statusCode).toBe(403);
  });
});
