/**
 * Test harness: a fresh database per test file — in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (so the same suite runs on both engines) — migrated, optionally
 * seeded with the demo community, and an app built on it for `app.inject()`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openPglite, openPostgres, type DbHandle } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { loadConfig, type Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { seedDemo } from '../modules/registry/seed.ts';
import { TEST_EPOCH, type DbTemplates } from './templates.ts';

/** The PostgreSQL server under test, if any. */
export const TEST_PG_URL = process.env.DATABASE_URL;

/** The run's templates when the suite's global set-up made them for this engine (see templates.ts). */
function templates(): DbTemplates | null {
  const t: DbTemplates | undefined = inject('dbTemplates');
  return t && t.engine === (TEST_PG_URL ? 'postgres' : 'pglite') ? t : null;
}

/**
 * Opens a fresh, migrated database on the engine under test: empty, or with `{ seeded: true }` the demo
 * community as seeded at the test clock's start. A copy of the run's template when there is one.
 */
export async function freshDb(o: { seeded?: boolean } = {}): Promise<DbHandle> {
  const tpl = templates();
  const from = tpl ? (o.seeded ? tpl.seeded : tpl.empty) : null;
  if (!TEST_PG_URL) {
    const h = from
      ? await openPglite('memory://', { loadDataDir: new Blob([readFileSync(from)]) })
      : await openPglite('memory://');
    if (!from) await migrateToLatest(h.db);
    if (!from && o.seeded) await seedDemo(h.db, new Date(TEST_EPOCH));
    return h;
  }
  const name = `linli_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(from ? `CREATE DATABASE ${name} TEMPLATE ${from}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const h = await openPostgres(url.toString(), 5);
  if (!from) await migrateToLatest(h.db);
  if (!from && o.seeded) await seedDemo(h.db, new Date(TEST_EPOCH));
  return {
    ...h,
    async close() {
      await h.close();
      const a = new pg.Client({ connectionString: TEST_PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A test clock that tests can move. */
export class TestClock {
  constructor(public t = new Date(TEST_EPOCH)) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** An app on a fresh database. */
export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

/** Builds an app on a fresh database, seeded with the demo community unless `seed` is false. */
export async function testApp(o: { seed?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const handle = await freshDb({ seeded: o.seed !== false });
  const clock = new TestClock();
  // strict answers: a key a response schema does not list fails the test that reaches it
  const config = { ...loadConfig({}), strictResponses: true, ...o.config };
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, clock: clock.now });
  await app.ready();
  return {
    app,
    handle,
    clock,
    config,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** A logged-in test client: sends the session cookie and the CSRF header. */
export interface Session {
  cookie: string;
  csrf: string;
  account: {
    id: string;
    role: string;
    scope: { code: string } | null;
    householdId: string | null;
    residentId: string | null;
  };
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Demo password of every demo account. */
export const DEMO_PASSWORD = 'linli-demo';

/** Logs in through the API and returns a client bound to that session. */
export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'linli_sid');
  if (!set) throw new Error('no session cookie');
  const account = (res.json() as { account: Session['account'] & { csrfToken: string } }).account;
  const cookie = `linli_sid=${set.value}`;
  return {
    cookie,
    csrf: account.csrfToken,
    account,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        ...(payload === undefined
          ? {}
          : typeof payload === 'string' || Buffer.isBuffer(payload)
            ? { payload }
            : { payload: payload as object }),
        headers: { cookie, 'x-csrf-token': account.csrfToken, ...headers },
      }),
  };
}
