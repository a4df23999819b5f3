/**
 * Case creation through the HTTP API, load from a second process (autocannon in a child process), against a
 * server started with startServer on a fresh PostgreSQL database (DATABASE_URL or the local test cluster) and
 * on in-memory PGlite: sustained creations/s and p99. On PostgreSQL, a raw `pgbench` single-row insert runs on
 * the same server in the same run for the ratio. Also: assignment visible on the grid worker's SSE stream after
 * the POST returns (p99). Flood limits are raised for the run (they would otherwise stop the load at 20/min).
 * Each engine is loaded twice: without an Idempotency-Key, and with a fresh key on every request (what the web
 * client sends; one more indexed read per creation). The server process's own CPU time per creation
 * (process.cpuUsage over the load) is reported, so the share of Node vs the database is visible.
 * Standalone: `node --import tsx bench/cases.ts` writes docs/benchmarks-cases.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startServer, type RunningServer } from '../src/server/main.ts';
import { SILU_GRID, SILU_POINT } from '../src/server/modules/cases/testing/demo.ts';
import { machineLine } from './machine.ts';

const DURATION_S = Number(process.env.BENCH_CASES_SECONDS ?? 10);
/** Unmeasured load first, so the JIT has compiled the hot path (the figures are for sustained creation). */
const WARMUP_S = Number(process.env.BENCH_CASES_WARMUP_SECONDS ?? 3);
const CONNECTIONS = 16;
const LOCAL_PG = 'postgres://postgres@127.0.0.1:55432/postgres';
/** Everything after this line of docs/benchmarks-cases.md is hand-written and survives a re-run. */
const KEEP_MARKER = '<!-- kept by bench/cases.ts -->';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  nodeMsPerCase: number;
}

async function loginCookie(url: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'linli-demo' }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await r.json()) as { account: { csrfToken: string } };
  return { cookie, csrf: body.account.csrfToken };
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
function autocannon(
  url: string,
  auth: { cookie: string; csrf: string },
  idempotencyKeys: boolean,
  seconds = DURATION_S,
): Promise<Load> {
  const keyed = `requests: [{ setupRequest: (req) =>
        ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],`;
  const script = `
    const autocannon = require('autocannon');
    const { randomUUID } = require('node:crypto');
    const body = JSON.stringify({
      categoryCode: 'X01', description: '下水管道堵塞（压测）', location: ${JSON.stringify(SILU_POINT)} });
    autocannon({ url: ${JSON.stringify(`${url}/api/cases`)}, method: 'POST', connections: ${CONNECTIONS},
      duration: ${seconds},
      headers: { 'content-type': 'application/json', cookie: ${JSON.stringify(auth.cookie)},
        'x-csrf-token': ${JSON.stringify(auth.csrf)} }, body,
      ${idempotencyKeys ? keyed : ''} },
      (err, r) => { if (err) { console.error(err); process.exit(1); }
        process.stdout.write(JSON.stringify({ ok: r['2xx'], non2xx: r.non2xx, errors: r.errors,
          p50: r.latency.p50, p99: r.latency.p99, duration: r.duration })); });`;
  const cpu0 = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as {
        ok: number;
        non2xx: number;
        errors: number;
        p50: number;
        p99: number;
        duration: number;
      };
      const cpu = process.cpuUsage(cpu0);
      resolve({
        rps: r.ok / r.duration,
        p50: r.p50,
        p99: r.p99,
        ok: r.ok,
        non2xx: r.non2xx,
        errors: r.errors,
        nodeMsPerCase: (cpu.user + cpu.system) / 1000 / Math.max(1, r.ok),
      });
    });
  });
}

/** Time from each POST's response to the event on the grid worker's SSE stream; returns p50/p99 in ms. */
async function sseLatency(url: string, n: number): Promise<{ p50: number; p99: number; n: number }> {
  const worker = await loginCookie(url, SILU_GRID.worker.username);
  const resident = await loginCookie(url, 'resident_silu');
  const arrivals = new Map<string, number>();
  const req = http.get(`${url}/api/cases/stream`, { headers: { cookie: worker.cookie } }, (res) => {
    let buf = '';
    res.on('data', (c: Buffer) => {
      buf += c.toString();
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const m = /data: (.+)/.exec(buf.slice(0, i));
        buf = buf.slice(i + 2);
        if (m) arrivals.set((JSON.parse(m[1]!) as { id: string }).id, performance.now());
      }
    });
  });
  await new Promise((r) => setTimeout(r, 200));
  const lat: number[] = [];
  for (let k = 0; k < n; k++) {
    const r = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: resident.cookie, 'x-csrf-token': resident.csrf },
      body: JSON.stringify({ categoryCode: 'X03', description: `噪音 ${k}`, location: SILU_POINT }),
    });
    const returned = performance.now();
    const id = ((await r.json()) as { case: { id: string } }).case.id;
    for (let w = 0; w < 200 && !arrivals.has(id); w++) await new Promise((res) => setTimeout(res, 5));
    lat.push(Math.max(0, (arrivals.get(id) ?? Infinity) - returned));
  }
  req.destroy();
  lat.sort((a, b) => a - b);
  return { p50: lat[Math.floor(n * 0.5)]!, p99: lat[Math.min(n - 1, Math.floor(n * 0.99))]!, n };
}

async function freshPgDb(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `linli_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function pgbench(url: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'linli-pgbench-'));
  const f = join(dir, 'insert.sql');
  writeFileSync(f, "INSERT INTO bench_insert (v) VALUES ('x');\n");
  execFileSync('psql', [url, '-q', '-c', 'CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, v text)']);
  const out = execFileSync(
    'pgbench',
    ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(DURATION_S), '-f', f, url],
    { encoding: 'utf8' },
  );
  const m = /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench: no tps in output:\n${out}`);
  return Number(m[1]);
}

async function engineRun(label: string, start: () => Promise<RunningServer>, pgUrl: string | null) {
  const s = await start();
  try {
    (s.app.cases.module.opts as { ratePerAccount: number; ratePerIp: number }).ratePerAccount = 1e9;
    (s.app.cases.module.opts as { ratePerIp: number }).ratePerIp = 1e9;
    const url = s.url.replace('localhost', '127.0.0.1');
    const auth = await loginCookie(url, 'resident_silu');
    if (WARMUP_S > 0) await autocannon(url, auth, false, WARMUP_S);
    const load = await autocannon(url, auth, false);
    const keyed = await autocannon(url, auth, true);
    const sse = await sseLatency(url, 200);
    const raw = pgUrl ? pgbench(pgUrl) : null;
    return { label, load, keyed, sse, raw };
  } finally {
    await s.close();
  }
}

/** Runs the benchmark and returns a markdown section. */
export async function runCasesBench(): Promise<string> {
  const rows: Awaited<ReturnType<typeof engineRun>>[] = [];
  const notes: string[] = [];
  const pgBase = process.env.DATABASE_URL ?? LOCAL_PG;
  let pgOk = true;
  try {
    const c = new pg.Client({ connectionString: pgBase });
    await c.connect();
    await c.end();
  } catch {
    pgOk = false;
    notes.push(`PostgreSQL not reachable at ${pgBase.replace(/:[^:@/]+@/, ':***@')}: not measured.`);
  }
  if (pgOk) {
    const db = await freshPgDb(pgBase);
    try {
      rows.push(
        await engineRun(
          'PostgreSQL',
          () =>
            startServer({ port: 0, host: '127.0.0.1', databaseUrl: db.url, seedDemo: true, webRoot: '/nonexistent' }),
          db.url,
        ),
      );
    } finally {
      await db.drop();
    }
  }
  rows.push(
    await engineRun(
      'PGlite (in memory)',
      () => startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', seedDemo: true, webRoot: '/nonexistent' }),
      null,
    ),
  );
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines = [
    '## Case creation (一键式响应)',
    '',
    `POST /api/cases (JSON, one resident session, ${CONNECTIONS} connections, ${DURATION_S} s, ` +
      `autocannon in a child process) against a server started with startServer; demo community seeded; ` +
      `${WARMUP_S} s of unmeasured load first (JIT warm-up). Server CPU = the server process's user+system time ` +
      `over the measured load ÷ creations. Targets: ≥ 1,000/s with p99 ≤ 100 ms on PostgreSQL, ` +
      `≥ 300/s on PGlite; SSE p99 ≤ 1 s.`,
    '',
    '| engine | Idempotency-Key | creations/s | p50 ms | p99 ms | non-2xx | server CPU ms / creation | ' +
      'raw pgbench insert tps | API / pgbench | SSE visible after POST p50 / p99 ms (n) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows
      .flatMap(
        (r) =>
          [
            [r.load, 'none'],
            [r.keyed, 'fresh per request'],
          ] as const,
      )
      .map(([l, k], i) => {
        const r = rows[Math.floor(i / 2)]!;
        const cells = [
          r.label,
          k,
          f(l.rps),
          f(l.p50),
          f(l.p99),
          l.non2xx + l.errors,
          f(l.nodeMsPerCase, 2),
          r.raw === null ? '—' : f(r.raw),
          r.raw === null ? '—' : `${f((100 * l.rps) / r.raw, 1)} %`,
          i % 2 === 0 ? `${f(r.sse.p50, 1)} / ${f(r.sse.p99, 1)} (${r.sse.n})` : '—',
        ];
        return `| ${cells.join(' | ')} |`;
      }),
    '',
    ...notes,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const md = await runCasesBench();
  console.log(md);
  // Keep the hand-written part (profile, earlier runs) that follows the marker.
  const path = 'docs/benchmarks-cases.md';
  const kept = existsSync(path) ? readFileSync(path, 'utf8').split(KEEP_MARKER)[1] : undefined;
  writeFileSync(
    path,
    `# Case benchmarks\n\n${machineLine()}\n\n${md}${kept === undefined ? '' : `\n${KEEP_MARKER}${kept}`}`,
  );
}
