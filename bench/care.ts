/**
 * Care and overview speed (issue 12), on in-memory PGlite:
 * - the overdue-visit list of a community with 10,000 people on the care list (first page of 50 + the total,
 *   indexed SQL on the maintained next-due date), beside the naive reference measured in the same run: every
 *   plan and visit row of the community loaded and the overdue people computed in Node;
 * - the same list through the HTTP API for the demo community (as its staff: names from the register, audit row);
 * - the secretary's overview page (GET /api/overview/tiles) on the demo community, beside a trivial signed-in
 *   request (GET /api/auth/me) measured in the same run as the floor of any request.
 * Standalone: `node --import tsx bench/care.ts`.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { login, testApp } from '../src/server/testing/harness.ts';
import { careBench, seedDemoCare } from '../src/server/modules/care/index.ts';
import { seedDemoNotices } from '../src/server/modules/notices/index.ts';

const SYNTHETIC = '620702004099';
const PEOPLE = 10_000;
const VISITS_EACH = 8;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}

async function time(runs: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await f(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)] ?? NaN, p95: p95(xs) };
}

const ms = (x: number) => x.toFixed(1);

/** Runs the section; returns markdown. */
export async function runCareBench(): Promise<string> {
  const t = await testApp();
  try {
    const now = t.clock.now();
    const s0 = performance.now();
    await seedDemoCare(t.handle.db, now);
    await seedDemoNotices(t.handle.db, now);
    const seedMs = performance.now() - s0;
    const visits = await careBench.syntheticCareList(t.handle.db, SYNTHETIC, PEOPLE, VISITS_EACH, now);
    const sqlPage = await careBench.overdueBySql(t.handle.db, SYNTHETIC, now);
    const naive = await careBench.overdueNaive(t.handle.db, SYNTHETIC, now);
    if (sqlPage.total !== naive.length || sqlPage.items[0]?.resident_id !== naive[0]?.residentId)
      throw new Error(`SQL and naive disagree: ${sqlPage.total} vs ${naive.length}`);
    const sql = await time(50, () => careBench.overdueBySql(t.handle.db, SYNTHETIC, now));
    const ref = await time(10, () => careBench.overdueNaive(t.handle.db, SYNTHETIC, now));
    const staff = await login(t.app, 'dh_staff');
    const api = await time(50, () => staff.request('GET', '/api/care/overdue?pageSize=50'));
    const overview = await time(50, () => staff.request('GET', '/api/overview/tiles'));
    const floor = await time(50, () => staff.request('GET', '/api/auth/me'));
    const ok = (x: number, target: number) => (x <= target ? `✓ ≤ ${target}` : `✗ > ${target}`);
    return [
      '## care',
      '',
      `Overdue visits: a synthetic community with ${PEOPLE.toLocaleString('en')} people on the care list and ` +
        `${visits.toLocaleString('en')} visits (${sqlPage.total.toLocaleString('en')} overdue now; the SQL answer ` +
        'equals the naive one). Demo story seeded in ' +
        `${ms(seedMs)} ms (care list, a year of visits, notices). PGlite in memory, one connection. Load average ` +
        `at the end of the run: ${loadavg()[0]!.toFixed(1)} (the machine is shared; timings scale with it).`,
      '',
      '| measurement | p50 ms | p95 ms | target |',
      '|---|---:|---:|---|',
      `| overdue list, 10,000 people: indexed SQL (page of 50 + total) | ${ms(sql.p50)} | ${ms(sql.p95)} | ` +
        `${ok(sql.p95, 100)} |`,
      `| reference: same list computed in Node from every plan and visit row | ${ms(ref.p50)} | ${ms(ref.p95)} | |`,
      `| GET /api/care/overdue, demo community (the whole request: names from the register, audit row) | ` +
        `${ms(api.p50)} | ${ms(api.p95)} | (no target) |`,
      `| GET /api/overview/tiles, demo community | ${ms(overview.p50)} | ${ms(overview.p95)} | ` +
        `${ok(overview.p95, 300)} |`,
      `| reference: GET /api/auth/me (floor of a signed-in request) | ${ms(floor.p50)} | ${ms(floor.p95)} | |`,
      '',
    ].join('\n');
  } finally {
    await t.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await runCareBench());
