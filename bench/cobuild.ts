/**
 * 500 volunteers checking in to one activity through the HTTP API (rotating code + GPS), against a server started
 * with startServer on in-memory PGlite and, when reachable, a fresh PostgreSQL database. Arrivals are open-loop:
 * 500 check-ins spread evenly over ARRIVAL_S seconds (60 s by default: "within a minute"), then the same 500 as a
 * burst with 16 in flight. Every check-in must count once (500 attendance rows; 50 repeats refused with 409 and
 * nothing added). Beside it, in the same run on the same database: 500 raw one-row INSERT transactions, 16 in
 * flight (the floor the engine sets). The client runs in the server's process (node
 * fetch, keep-alive), which adds its own small share to each latency.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { startServer, type RunningServer } from '../src/server/main.ts';
import type { Database } from '../src/server/platform/db/schema.ts';
import { machineLine } from './machine.ts';
import { uuidv7 } from '../src/server/platform/ids.ts';

const N = 500;
const ARRIVAL_S = Number(process.env.BENCH_COBUILD_SECONDS ?? 60);
const LOCAL_PG = 'postgres://postgres@127.0.0.1:55432/postgres';
const C = '620702004006';
const PLACE = { lon: 100.45078895, lat: 38.9448666 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 500 resident accounts with sessions and confirmed sign-ups, inserted directly (setup, not measured). */
async function setup(db: Kysely<Database>, url: string, run: 'a' | 'b') {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dh_staff', password: 'linli-demo' }),
  });
  const staff = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
    csrf: ((await login.json()) as { account: { csrfToken: string } }).account.csrfToken,
  };
  const now = Date.now();
  const act = await fetch(`${url}/api/cobuild/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: staff.cookie, 'x-csrf-token': staff.csrf },
    body: JSON.stringify({
      communityCode: C,
      title: '压测：500 人签到',
      placeName: '东湖广场',
      ...PLACE,
      radiusM: 200,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 3 * 3_600_000).toISOString(),
      capacity: N,
    }),
  });
  const activityId = ((await act.json()) as { activity: { id: string } }).activity.id;
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'name', 'grid_code'])
    .where('community_code', '=', C)
    .orderBy('id')
    .offset(run === 'a' ? 0 : N)
    .limit(N)
    .execute();
  const users = residents.map((r, i) => ({
    account: uuidv7(),
    volunteer: `bench-${run}-vol-${i}`,
    token: randomBytes(24).toString('hex'),
    csrf: randomBytes(16).toString('hex'),
    r,
  }));
  await db
    .insertInto('accounts')
    .values(
      users.map((u, i) => ({
        id: u.account,
        username: `bench_${run}_${i}`,
        display_name: u.r.name,
        password_hash: 'x',
        role: 'resident' as const,
        scope_code: u.r.grid_code ?? C,
        resident_id: u.r.id,
        phone: null,
      })),
    )
    .execute();
  await db
    .insertInto('sessions')
    .values(
      users.map((u) => ({
        id: createHash('sha256').update(u.token).digest('hex'),
        account_id: u.account,
        csrf_token: u.csrf,
        expires_at: new Date(now + 3_600_000),
      })),
    )
    .execute();
  await db
    .insertInto('cobuild_volunteers')
    .values(
      users.map((u) => ({
        id: u.volunteer,
        community_code: C,
        resident_id: u.r.id,
        account_id: u.account,
        name: u.r.name,
        skills: '[]',
        created_at: new Date(now),
      })),
    )
    .execute();
  await db
    .insertInto('cobuild_signups')
    .values(
      users.map((u) => ({
        id: `bench-su-${u.volunteer}`,
        activity_id: activityId,
        volunteer_id: u.volunteer,
        community_code: C,
        status: 'confirmed' as const,
        created_at: new Date(now),
        updated_at: new Date(now),
      })),
    )
    .execute();
  let cached = { step: -1, code: '' };
  const code = async () => {
    const step = Math.floor(Date.now() / 30_000);
    if (cached.step !== step) {
      const r = await fetch(`${url}/api/cobuild/activities/${activityId}/code`, { headers: { cookie: staff.cookie } });
      cached = { step, code: ((await r.json()) as { code: string }).code };
    }
    return cached.code;
  };
  return { activityId, users, code };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function checkIn(url: string, s: Setup, u: Setup['users'][number]) {
  const body = JSON.stringify({ action: 'in', code: await s.code(), lon: PLACE.lon, lat: PLACE.lat + 0.0002 });
  const t = performance.now();
  const r = await fetch(`${url}/api/cobuild/activities/${s.activityId}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `linli_sid=${u.token}`, 'x-csrf-token': u.csrf },
    body,
  });
  await r.arrayBuffer();
  return { ms: performance.now() - t, status: r.status };
}

/** Open-loop arrivals: request i starts at i × (seconds / n), whatever the earlier ones are doing. */
async function paced<T>(n: number, seconds: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const t0 = performance.now();
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await sleep(Math.max(0, t0 + (i * seconds * 1000) / n - performance.now()));
      return f(i);
    }),
  );
}

async function burst<T>(n: number, inFlight: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await f(i);
      }
    }),
  );
  return out;
}

const count = async (db: Kysely<Database>, id: string) =>
  Number(
    (
      await sql<{ n: number | string }>`select count(*) as n from cobuild_attendance where activity_id = ${id}`.execute(
        db,
      )
    ).rows[0]?.n,
  );

async function engineRun(label: string, start: () => Promise<RunningServer>) {
  const s = await start();
  try {
    const db = s.handle.db;
    // paced run: the realistic arrival of a crowd at the door
    const a = await setup(db, s.url, 'a');
    const pacedRes = await paced(N, ARRIVAL_S, (i) => checkIn(s.url, a, a.users[i]!));
    const counted = await count(db, a.activityId);
    const repeats = await Promise.all(a.users.slice(0, 50).map((u) => checkIn(s.url, a, u)));
    const afterRepeats = await count(db, a.activityId);
    // burst run on a second activity with 500 other volunteers
    const b = await setup(db, s.url, 'b');
    const burstRes = await burst(N, 16, (i) => checkIn(s.url, b, b.users[i]!));
    // raw reference: one-row INSERT transactions at the same pacing, on the same database
    await sql`create table bench_raw (id text primary key, at timestamptz not null)`.execute(db);
    const raw = await burst(N, 16, async (i) => {
      const t = performance.now();
      await db.transaction().execute((trx) => sql`insert into bench_raw values (${`r${i}`}, now())`.execute(trx));
      return performance.now() - t;
    });
    return {
      label,
      paced: pacedRes,
      burst: burstRes,
      raw,
      counted,
      repeats: repeats.filter((r) => r.status === 409).length,
      afterRepeats,
      burstCounted: await count(db, b.activityId),
    };
  } finally {
    await s.close();
  }
}

/** Runs the benchmark and returns a markdown section. */
export async function runCobuildBench(): Promise<string> {
  const runs: Awaited<ReturnType<typeof engineRun>>[] = [];
  const notes: string[] = [];
  const opts = { port: 0, host: '127.0.0.1', seedDemo: true, demoCases: false, webRoot: '/nonexistent' };
  runs.push(await engineRun('PGlite (in memory)', () => startServer({ ...opts, dataDir: 'memory://' })));
  const base = process.env.DATABASE_URL ?? LOCAL_PG;
  const name = `linli_bench_cobuild_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    runs.push(await engineRun('PostgreSQL', () => startServer({ ...opts, databaseUrl: u.toString() })));
  } catch (e) {
    notes.push(`PostgreSQL not measured: ${(e as Error).message}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  const f = (x: number) => x.toFixed(1);
  const ok = (xs: { status: number }[]) => xs.filter((x) => x.status === 200).length;
  const lines = [
    '## Volunteer check-in (rotating QR code)',
    '',
    `POST /api/cobuild/activities/:id/check by ${N} volunteers (own sessions, current code, GPS inside the radius) ` +
      `to one activity. Paced: ${N} arrivals spread evenly over ${ARRIVAL_S} s (open loop). Burst: the same on a ` +
      'second activity, 16 in flight. Raw: 500 one-row INSERT transactions, 16 in flight, on the same database. ' +
      'Target: every check-in counted once, p99 ≤ 100 ms. Client in the server process (fetch, keep-alive).',
    '',
    '| engine | paced ok | counted | repeats refused (of 50) / rows after | paced p50 / p99 ms | ' +
      'burst ok / counted | burst p50 / p99 ms | raw insert p50 / p99 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map((r) => {
      const pm = r.paced.map((x) => x.ms);
      const bm = r.burst.map((x) => x.ms);
      return (
        `| ${r.label} | ${ok(r.paced)} | ${r.counted} | ${r.repeats} / ${r.afterRepeats} | ${f(pct(pm, 50))} / ` +
        `${f(pct(pm, 99))} | ${ok(r.burst)} / ${r.burstCounted} | ${f(pct(bm, 50))} / ${f(pct(bm, 99))} | ` +
        `${f(pct(r.raw, 50))} / ${f(pct(r.raw, 99))} |`
      );
    }),
    '',
    ...notes,
    machineLine(),
  ];
  return lines.join('\n');
}
