/**
 * The demo cases (seedDemoCases): deterministic, every status, non-trivial indicators, the 丝路嘉苑 story, and
 * a scheduler that finds nothing historical left to escalate and escalates what becomes overdue once.
 * Seeded the way `npm start` does it (before the app is built), on the engine under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { DbHandle } from '../../platform/db/connect.ts';
import { freshDb, login, TestClock } from '../../testing/harness.ts';
import { seedDemo } from '../../demo.ts';
import { seedDemoCases, type DemoCasesReport } from './demoCases.ts';
import { dueEscalation } from './domain/workflow.ts';
import { stateOf } from './present.ts';
import { indicators, metricsGroupKey, type Indicators } from './domain/metrics.ts';
import { factsUnder } from './repository.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
const STATUSES = ['registered', 'dispatched', 'handling', 'resolved', 'closed', 'evaluated', 'cancelled', 'merged'];

let handle: DbHandle;
let app: App;
let clock: TestClock;
let report: DemoCasesReport;

beforeAll(async () => {
  handle = await freshDb();
  clock = new TestClock();
  const seeded = await seedDemo(handle.db, clock.now(), undefined, { cases: true });
  report = { cases: seeded.cases, statuses: {}, autoEscalations: 0 };
  // The scheduler timer is off: the test runs the passes itself.
  app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    config: loadConfig({}),
    clock: clock.now,
    casesOptions: { schedulerIntervalMs: 0 },
  });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

/** What must not depend on random ids: local report date, class, place, status, level, rating, flags. */
async function fingerprint(h: DbHandle): Promise<string[]> {
  const rows = await h.db
    .selectFrom('cases')
    .select([
      'created_at',
      'category_code',
      'description',
      'grid_code',
      'status',
      'level',
      'rating',
      'rework_count',
      'extension_count',
      'supervised',
      'source',
      'escalation_count',
      'lon',
      'lat',
    ])
    .execute();
  return rows
    .map((r) =>
      JSON.stringify({ ...r, created_at: r.created_at.toISOString(), lon: r.lon.toFixed(6), lat: r.lat.toFixed(6) }),
    )
    .sort();
}

describe('demo cases', () => {
  it('are deterministic: a second seed on a fresh database gives the same cases, times and statuses', async () => {
    const other = await freshDb();
    try {
      await seedDemo(other.db, clock.now());
      const again = await seedDemoCases(other.db, clock.now());
      expect(again.cases).toBe(report.cases);
      expect(again.cases).toBeGreaterThanOrEqual(40);
      expect(again.cases).toBeLessThanOrEqual(60);
      expect(await fingerprint(other)).toEqual(await fingerprint(handle));
      // Case numbers: the report date part is reproducible (the tail is the random part of the uuid).
      const nos = async (h: DbHandle) =>
        (await h.db.selectFrom('cases').select('created_at').execute()).map((r) => r.created_at.toISOString()).sort();
      expect(await nos(other)).toEqual(await nos(handle));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('cover all statuses, 8 grids, sources, the last ~45 days, escalations, extensions, reworks and 督办', async () => {
    const rows = await handle.db.selectFrom('cases').selectAll().execute();
    expect(rows.length).toBe(report.cases);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(new Set(rows.map((r) => r.grid_code)).size).toBe(8);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['resident', 'patrol', 'hotline', 'open311']));
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['grid', 'community', 'street', 'district']));
    const ages = rows.map((r) => (clock.now().getTime() - r.created_at.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(40);
    expect(Math.max(...ages)).toBeLessThanOrEqual(46);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(rows.filter((r) => r.extension_count > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.rework_count > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.supervised).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.pending_extension)).toBe(true);
    expect(new Set(rows.filter((r) => r.rating !== null).map((r) => r.rating))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(rows.every((r) => (r.status === 'evaluated') === (r.rating !== null))).toBe(true);
    // Community classes and national event/component classes.
    for (const code of ['X01', 'X02', 'X03', 'X04', 'X05'])
      expect(rows.some((r) => r.category_code === code)).toBe(true);
    expect(rows.some((r) => r.category_code.startsWith('E'))).toBe(true);
    expect(rows.some((r) => r.category_code.startsWith('C'))).toBe(true);
    // Escalations by hand (money, coordination) and by the scheduler (auto), all recorded as history events.
    const esc = await handle.db.selectFrom('case_events').select(['data']).where('type', '=', 'escalate').execute();
    const reasons = new Set(esc.map((e) => (e.data as { reason?: string }).reason));
    for (const r of ['money', 'coordination', 'overdue_accept', 'overdue_resolve']) expect(reasons).toContain(r);
    // Every case has its register event, notifications and audit rows were written by the use cases.
    const registered = await handle.db
      .selectFrom('case_events')
      .select('case_id')
      .where('type', '=', 'register')
      .execute();
    expect(new Set(registered.map((e) => e.case_id)).size).toBe(rows.length);
    expect(
      Number(
        (
          await handle.db
            .selectFrom('case_notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(20);
    expect(
      Number(
        (
          await handle.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entity', '=', 'case')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(rows.length * 3);
  });

  it('give the community non-trivial indicators (0 < rate < 1) on the metrics page and an overdue list', async () => {
    const staff = await login(app, 'dh_staff');
    const res = await staff.request('GET', '/api/cases/metrics?groupBy=community');
    expect(res.statusCode).toBe(200);
    const row = (res.json() as { rows: { code: string; rates: Record<string, number | null> }[] }).rows[0]!;
    for (const k of ['response', 'resolution', 'satisfaction', 'closure', 'onTimeClosure', 'rework', 'extension']) {
      expect(row.rates[k], k).toBeGreaterThan(0);
      expect(row.rates[k], k).toBeLessThan(1);
    }
    const grids = (await staff.request('GET', '/api/cases/metrics?groupBy=grid')).json() as { rows: unknown[] };
    expect(grids.rows.length).toBe(8);
    const overdue = (await staff.request('GET', '/api/cases/overdue')).json() as { items: { overdue: boolean }[] };
    expect(overdue.items.length).toBeGreaterThanOrEqual(2);
    expect(overdue.items.every((c) => c.overdue)).toBe(true);
    const map = (await staff.request('GET', '/api/cases/map')).json() as { total: number };
    expect(map.total).toBeGreaterThan(30);
  });

  it('count the indicators in SQL exactly as the domain rules count the loaded cases', async () => {
    const staff = await login(app, 'dh_staff');
    const to = clock.now();
    for (const groupBy of ['grid', 'community', 'street'] as const)
      for (const days of [3, 30, 400]) {
        const from = new Date(to.getTime() - days * 86_400_000);
        const url = `/api/cases/metrics?groupBy=${groupBy}&from=${from.toISOString()}&to=${to.toISOString()}`;
        const got = (await staff.request('GET', url)).json() as {
          rows: ({ code: string; name?: string } & Indicators)[];
        };
        const facts = await factsUnder(handle.db, staff.account.scope!.code, from, to);
        const groups = new Map<string, typeof facts>();
        for (const f of facts) {
          const key = metricsGroupKey(f.grid_code, f.community_code, groupBy);
          groups.set(key, [...(groups.get(key) ?? []), f]);
        }
        const want = [...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, list]) => ({
            code,
            ...indicators(
              list.map((f) => ({
                status: f.status,
                acceptBy: f.accept_by,
                resolveBy: f.resolve_by,
                acceptedAt: f.accepted_at,
                acceptedOnTime: f.accepted_on_time,
                resolvedAt: f.resolved_at,
                closedAt: f.closed_at,
                closedOnTime: f.closed_on_time,
                reworkCount: f.rework_count,
                extensionCount: f.extension_count,
                rating: f.rating,
              })),
              to,
            ),
          }));
        expect(want.length, `${groupBy} ${days}`).toBeGreaterThan(0);
        expect(got.rows.map(({ name: _n, ...r }) => r)).toEqual(want);
      }
  });

  it('stream the indicators as an xlsx with the same rows as the JSON', async () => {
    const staff = await login(app, 'dh_staff');
    const json = (await staff.request('GET', '/api/cases/metrics?groupBy=grid')).json() as {
      rows: { code: string; registered: number }[];
    };
    const x = await staff.request('GET', '/api/cases/metrics.xlsx?groupBy=grid');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const got = json.rows.map((_, i) => [ws.getRow(i + 2).getCell(1).text, Number(ws.getRow(i + 2).getCell(3).text)]);
    expect(got).toEqual(json.rows.map((r) => [r.code, r.registered]));
  });

  it('include 丝路嘉苑: sewer escalated "needs money", paid from 甘州铺子\'s first profit, confirmed, rated 5', async () => {
    const c = await handle.db
      .selectFrom('cases')
      .selectAll()
      .where('description', 'like', '丝路嘉苑排污管道堵塞%')
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ category_code: 'X01', status: 'evaluated', rating: 5, source: 'resident' });
    const compound = await handle.db
      .selectFrom('buildings as b')
      .innerJoin('compounds as k', 'k.id', 'b.compound_id')
      .select('k.name')
      .where('b.grid_code', '=', c.grid_code!)
      .where('k.name', '=', '丝路嘉苑')
      .executeTakeFirst();
    expect(compound?.name).toBe('丝路嘉苑');
    const silu = await login(app, 'resident_silu');
    expect(c.reporter_id).toBe(silu.account.id);
    const staff = await login(app, 'dh_staff');
    const h = (await staff.request('GET', `/api/cases/${c.id}/history`)).json() as {
      events: { type: string; note: string | null; data: Record<string, unknown>; at: string }[];
    };
    const at = (pred: (e: (typeof h.events)[number]) => boolean) => h.events.findIndex(pred);
    const esc = at((e) => e.type === 'escalate' && e.data.reason === 'money');
    const resolve = at((e) => e.type === 'resolve');
    const confirm = at((e) => e.type === 'confirm' && e.data.fixed === true);
    const rate = at((e) => e.type === 'rate' && e.data.score === 5);
    expect(esc).toBeGreaterThan(0);
    expect(resolve).toBeGreaterThan(esc);
    expect(confirm).toBeGreaterThan(resolve);
    expect(rate).toBeGreaterThan(confirm);
    expect(h.events[resolve]!.note).toContain('甘州铺子');
    const times = h.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('leave nothing historical to the scheduler; what becomes overdue later is escalated once', async () => {
    // Right after seeding: every deadline up to now was handled at its time — no storm at start-up.
    expect(await app.cases.tick()).toBe(0);
    // A day later: exactly the cases then overdue (below the district) are escalated, once each.
    clock.advance(26 * 3_600_000);
    const later = clock.now();
    const open = await handle.db
      .selectFrom('cases')
      .selectAll()
      .where('status', 'in', ['registered', 'dispatched', 'handling'])
      .execute();
    const due = new Set(open.filter((r) => dueEscalation(stateOf(r), later)).map((r) => r.id));
    expect(due.size).toBeGreaterThan(0);
    const n = await app.cases.tick();
    expect(n).toBe(due.size);
    const ev = await handle.db
      .selectFrom('case_events')
      .select('case_id')
      .where('type', '=', 'escalate')
      .where('at', '=', later)
      .execute();
    expect(ev.map((e) => e.case_id).sort()).toEqual([...due].sort());
    expect(await app.cases.tick()).toBe(0);
  });
});
