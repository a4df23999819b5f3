/**
 * The till under load: a 5-line sale saved and its receipt returned, 20 concurrent tills (autocannon in a child
 * process, a fresh Idempotency-Key on every request as the web till sends), against a server started with
 * startServer on in-memory PGlite and on a fresh PostgreSQL database (DATABASE_URL or the local test cluster).
 * The reference in the same run, on the same database: one-row INSERT transactions, 20 concurrent, through Kysely.
 * Target (issue 10): p99 ≤ 150 ms.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { startServer, type RunningServer } from '../src/server/main.ts';

const SECONDS = Number(process.env.BENCH_SHOP_SECONDS ?? 8);
const WARMUP_S = 2;
const TILLS = 20;
const LOCAL_PG = 'postgres://postgres@127.0.0.1:55432/postgres';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
}

async function session(url: string, username: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'linli-demo' }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await r.json()) as { account: { csrfToken: string } }).account.csrfToken;
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, { id: string }>>;
  };
  return { cookie, csrf, call };
}

function tills(url: string, auth: { cookie: string; csrf: string }, body: string, seconds: number): Promise<Load> {
  const script = `
    const autocannon = require('autocannon');
    const { randomUUID } = require('node:crypto');
    autocannon({ url: ${JSON.stringify(`${url}/api/shop/sales`)}, method: 'POST', connections: ${TILLS},
      duration: ${seconds},
      headers: { 'content-type': 'application/json', cookie: ${JSON.stringify(auth.cookie)},
        'x-csrf-token': ${JSON.stringify(auth.csrf)} }, body: ${JSON.stringify(body)},
      requests: [{ setupRequest: (req) =>
        ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }] },
      (err, r) => { if (err) { console.error(err); process.exit(1); }
        process.stdout.write(JSON.stringify({ ok: r['2xx'], non2xx: r.non2xx, p50: r.latency.p50,
          p99: r.latency.p99, duration: r.duration })); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as Load & { duration: number };
      resolve({ rps: r.ok / r.duration, p50: r.p50, p99: r.p99, ok: r.ok, non2xx: r.non2xx });
    });
  });
}

/** One-row INSERT transactions, TILLS concurrent workers, for `seconds`: transactions/s and latency. */
async function rawInserts(s: RunningServer, seconds: number): Promise<Load> {
  const db = s.handle.db;
  await sql`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, v text NOT NULL)`.execute(db);
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: TILLS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await db.transaction().execute((trx) => sql`INSERT INTO bench_raw (v) VALUES ('x')`.execute(trx));
        lat.push(performance.now() - t0);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]! * 10) / 10;
  return { rps: lat.length / seconds, p50: q(0.5), p99: q(0.99), ok: lat.length, non2xx: 0 };
}

async function engineRun(label: string, start: () => Promise<RunningServer>) {
  const s = await start();
  try {
    const url = s.url.replace('localhost', '127.0.0.1');
    const shop = await session(url, 'shop01');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await shop.call('POST', '/api/shop/products', {
        sku: `BENCH-${i}`,
        barcode: `69700000000${i}${i}`,
        name: `压测商品 ${i}`,
        category: 'specialty',
        unit: '袋',
        costFen: 1000 + i * 100,
        priceFen: 2000 + i * 250,
      });
      ids.push(p.product!.id);
      await shop.call('POST', '/api/shop/stock/moves', {
        kind: 'stocktake',
        productId: p.product!.id,
        location: 'counter',
        counted: 1_000_000,
      });
    }
    const body = JSON.stringify({
      lines: ids.map((productId, i) => ({ productId, qty: 1 + (i % 3) })),
      discountFen: 100,
      paymentMethod: 'wechat',
    });
    await tills(url, shop, body, WARMUP_S);
    const load = await tills(url, shop, body, SECONDS);
    const raw = await rawInserts(s, 3);
    return { label, load, raw };
  } finally {
    await s.close();
  }
}

/** Runs the benchmark and returns a markdown section. */
export async function runShopBench(): Promise<string> {
  const rows: Awaited<ReturnType<typeof engineRun>>[] = [];
  const notes: string[] = [];
  const env = { ...process.env, LINLI_LOGIN_MAX_PER_MINUTE: '500' };
  rows.push(
    await engineRun('PGlite (in-memory)', () =>
      startServer({ port: 0, dataDir: 'memory://', seedDemo: true, demoCases: false, env }),
    ),
  );
  const base = process.env.DATABASE_URL ?? LOCAL_PG;
  const name = `linli_bench_shop_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    const pgEnv = { ...env, DATABASE_URL: u.toString() };
    rows.push(
      await engineRun('PostgreSQL 15', () =>
        startServer({ port: 0, databaseUrl: u.toString(), seedDemo: true, demoCases: false, env: pgEnv }),
      ),
    );
  } catch (e) {
    notes.push(`PostgreSQL not measured: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  const f = (n: number) => n.toFixed(0);
  // the machine is shared: the load average says how much of it the run really had
  notes.push(`Load average (1 min) at the end of the run: ${loadavg()[0]!.toFixed(1)}.`);
  const lines = [
    '## Shop till (甘州铺子)',
    '',
    `A 5-line sale (sale discount spread over the lines, stock taken, movements and audit row written) saved and its ` +
      `receipt returned, ${TILLS} concurrent tills for ${SECONDS} s after ${WARMUP_S} s warm-up, a fresh ` +
      'Idempotency-Key per sale; autocannon in a child process against the HTTP server. Reference in the same run ' +
      `on the same database: one-row INSERT transactions, ${TILLS} concurrent, through Kysely. Target: p99 ≤ 150 ms.`,
    '',
    '| engine | sales/s | p50 ms | p99 ms | non-2xx | raw inserts/s | raw p50 ms | raw p99 ms | sales : inserts |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${f(r.load.rps)} | ${r.load.p50} | ${r.load.p99} | ${r.load.non2xx} | ${f(r.raw.rps)} | ` +
        `${r.raw.p50} | ${r.raw.p99} | 1 : ${(r.raw.rps / Math.max(1, r.load.rps)).toFixed(1)} |`,
    ),
    ...notes.map((n) => `\n${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
