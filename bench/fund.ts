/**
 * The community fund (issue 10): ledger append through the service layer on PostgreSQL (balanced two-line
 * transactions, each a Merkle-log append) beside a raw `pgbench` run of the same rows on the same server in the
 * same run; offline verification of a 1,000,000-entry ledger file (`linli fund verify`'s code path); inclusion
 * proofs served from the stored subtrees (p99). Standalone: `node --import tsx bench/fund.ts`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openPostgres } from '../src/server/platform/db/connect.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import {
  inclusion,
  postFundTransaction,
  publishHead,
  signingKey,
  writeSampleLedger,
} from '../src/server/modules/fund/index.ts';
import { createDistrict, placeExists } from '../src/server/modules/registry/index.ts';
import { uuidv7 } from '../src/server/platform/ids.ts';
import { verifyLedgerFile } from '../src/cli/fund.ts';
import { machineLine } from './machine.ts';

const LOCAL_PG = 'postgres://postgres@127.0.0.1:55432/postgres';
const SECONDS = Number(process.env.BENCH_FUND_SECONDS ?? 8);
const WORKERS = 8;
const VERIFY_N = Number(process.env.BENCH_FUND_VERIFY_N ?? 1_000_000);

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Posts balanced transactions for `SECONDS` from `WORKERS` concurrent loops, each on its own community. */
async function appendRun(url: string, communities: string[]): Promise<{ tps: number; n: number; p99: number }> {
  const h = await openPostgres(url, WORKERS + 2);
  const lat: number[] = [];
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  const at = new Date('2026-08-20T02:00:00Z');
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      const community = communities[w % communities.length]!;
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        const fen = BigInt(100 + ((i * 37) % 10_000));
        await postFundTransaction(h.db, {
          communityCode: community,
          occurredAt: at,
          memo: '压测捐赠',
          source: { kind: 'bench', ref: `${w}-${i}-${randomBytes(4).toString('hex')}` },
          lines: [
            { account: 'bank', amountFen: fen },
            { account: 'income:donation', amountFen: -fen },
          ],
          actorId: null,
        });
        lat.push(performance.now() - t0);
        n++;
      }
    }),
  );
  await h.close();
  return { tps: n / SECONDS, n, p99: pct(lat, 99) };
}

/** The same rows (one transaction row + two lines, in one transaction) inserted by pgbench. */
function pgbenchRun(url: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'linli-fund-pgbench-'));
  const f = join(dir, 'post.sql');
  writeFileSync(
    f,
    [
      'BEGIN;',
      "INSERT INTO bench_fund_tx (id, memo) VALUES (gen_random_uuid(), '压测捐赠');",
      "INSERT INTO bench_fund_lines (account, fen) VALUES ('bank', 100), ('income:donation', -100);",
      'COMMIT;',
      '',
    ].join('\n'),
  );
  execFileSync('psql', [
    url,
    '-q',
    '-c',
    'CREATE TABLE bench_fund_tx (id uuid PRIMARY KEY, memo text); ' +
      'CREATE TABLE bench_fund_lines (id bigserial PRIMARY KEY, account text, fen bigint)',
  ]);
  const out = execFileSync('pgbench', ['-n', '-c', String(WORKERS), '-j', '2', '-T', String(SECONDS), '-f', f, url], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  const m = /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench: no tps in output:\n${out}`);
  return Number(m[1]);
}

/** Runs the benchmark and returns a markdown section. */
export async function runFundBench(): Promise<string> {
  const rows: string[] = [];
  const notes: string[] = [];
  const base = process.env.DATABASE_URL ?? LOCAL_PG;
  const name = `linli_fundbench_${randomBytes(4).toString('hex')}`;
  let pgOk = true;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    pgOk = false;
    notes.push('PostgreSQL not reachable: ledger append and proofs not measured.');
  }
  if (pgOk) {
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const h = await openPostgres(url.toString(), 4);
      await migrateToLatest(h.db);
      const many = Array.from({ length: WORKERS }, (_, i) => `6207020040${String(50 + i)}`);
      for (const c of many) {
        if (!(await placeExists(h.db, c))) await createDistrict(h.db, { id: uuidv7(), code: c, name: '压测' });
      }
      await h.close();
      await appendRun(url.toString(), many.slice(0, 1)); // warm-up: JIT and connections
      const one = await appendRun(url.toString(), many.slice(0, 1));
      const spread = await appendRun(url.toString(), many);
      const raw = pgbenchRun(url.toString());
      rows.push(
        `| ledger append via service, ${WORKERS} clients, one community (serialised on its log head) | ` +
          `${one.tps.toFixed(0)} tx/s (p99 ${one.p99.toFixed(1)} ms) | ` +
          `${((one.tps / raw) * 100).toFixed(1)} % of raw |`,
        `| ledger append via service, ${WORKERS} clients, ${WORKERS} communities | ${spread.tps.toFixed(0)} tx/s ` +
          `(p99 ${spread.p99.toFixed(1)} ms) | ${((spread.tps / raw) * 100).toFixed(1)} % of raw |`,
        `| raw pgbench: same rows (1 transaction row + 2 lines per transaction), ${WORKERS} clients | ` +
          `${raw.toFixed(0)} tx/s | 100 % |`,
        '| target | ≥ 5,000 tx/s through the service | |',
      );
      const h2 = await openPostgres(url.toString(), 2);
      const key = await signingKey(h2.db, new Date());
      const head = await publishHead(h2.db, many[0]!, key, new Date());
      const size = head?.size ?? 0;
      const lat: number[] = [];
      for (let i = 0; i < 2000 && size > 0; i++) {
        const t0 = performance.now();
        await inclusion(h2.db, many[0]!, (i * 7919) % size, size);
        lat.push(performance.now() - t0);
      }
      await h2.close();
      rows.push(
        `| inclusion proof from PostgreSQL (log of ${size} entries, 2,000 proofs, service call) | ` +
          `p50 ${pct(lat, 50).toFixed(2)} ms, p99 ${pct(lat, 99).toFixed(2)} ms | target p99 ≤ 5 ms |`,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    }
  }
  await admin.end().catch(() => undefined);

  const dir = mkdtempSync(join(tmpdir(), 'linli-fund-verify-'));
  try {
    const t0 = performance.now();
    const file = await writeSampleLedger(VERIFY_N, join(dir, 'ledger.jsonl'));
    const madeS = (performance.now() - t0) / 1000;
    const mb = statSync(file).size / 1e6;
    const t1 = performance.now();
    const r = await verifyLedgerFile(file);
    const s = (performance.now() - t1) / 1000;
    if (!r.ok) throw new Error(`verify failed: ${JSON.stringify(r.problem)}`);
    rows.push(
      `| offline verify of ${VERIFY_N.toLocaleString('en')} entries (${mb.toFixed(0)} MB file, ` +
        `\`linli fund verify\` code path) | ${s.toFixed(2)} s | target ≤ 3 s (file written in ${madeS.toFixed(1)} s) |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '## fund',
    '',
    'Community fund ledger (issue 10): append through `postFundTransaction` (checks, per-community log-head lock, ' +
      'one read under the lock, Merkle append, one CTE write) vs `pgbench` inserting the same rows; offline ' +
      'verify; inclusion proofs. Load average at the start of the run: ' +
      `${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} on ${cpus().length} cores.`,
    '',
    '| measure | result | reference |',
    '|---|---|---|',
    ...rows,
    '',
    ...notes,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(machineLine());
  console.log(await runFundBench());
}
