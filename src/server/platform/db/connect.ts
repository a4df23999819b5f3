/**
 * Opens the database: PGlite in `<dataDir>/pgdata` by default (locked), or PostgreSQL through DATABASE_URL.
 * Both speak the same SQL; type parsers are aligned so repositories see the same JS types on either engine
 * (int8/numeric → number, date → 'YYYY-MM-DD' string).
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import { lockDataDir } from './lock.ts';
import { errFields, type Logger } from '../log.ts';
import type { Database } from './schema.ts';

/** Which engine a handle talks to; reported by /healthz. */
export type Engine = 'pglite' | 'postgres';

/** An open database. `close()` releases the data-directory lock. */
export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** PostgreSQL URL when engine is postgres (for LISTEN/NOTIFY or pg_dump-like tools). */
  url?: string;
  /** PGlite only: the whole data directory as an uncompressed tarball (the test suite's templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v };

pg.types.setTypeParser(INT8, parsers[INT8]);
pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);
pg.types.setTypeParser(DATE, parsers[DATE]);

/**
 * Opens PGlite at `dir` (a path, or 'memory://' for tests); `loadDataDir` starts an in-memory database from a
 * dump made by `dumpDataDir` (skipping initdb).
 */
export async function openPglite(dir: string, o: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const lock = dir === 'memory://' ? null : lockDataDir(dir);
  try {
    const client = await PGlite.create(dir === 'memory://' ? undefined : join(dir, 'pgdata'), {
      parsers,
      ...(o.loadDataDir ? { loadDataDir: o.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
    return {
      db,
      engine: 'pglite',
      dumpDataDir: () => client.dumpDataDir('none'),
      async close() {
        await db.destroy();
        if (!client.closed) await client.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * Opens a PostgreSQL pool at `url`. The server may go away at any time (restart, failover, `pg_ctl stop -m
 * immediate`): every client gets a permanent `error` listener, because node-postgres emits `error` on a client
 * whose connection dies *between* queries — also while Kysely holds it checked out for a transaction, when the
 * pool's own idle listener is not attached — and an unhandled `error` event would end the process. The broken
 * client is not queryable any more, so the pool drops it on release and opens a new one on demand.
 */
export async function openPostgres(url: string, max = 10, log?: Logger): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, keepAlive: true });
  const lost = (e: Error) => {
    // 57P01 is also what DROP DATABASE … WITH (FORCE) and a clean shutdown send: expected, so only logged.
    const code = (e as { code?: string }).code;
    if (log) log.warn({ component: 'db', event: 'db_connection_lost', err: errFields(e) }, 'database connection lost');
    else if (code !== '57P01') process.emitWarning(`PostgreSQL connection lost: ${e.message}`);
  };
  pool.on('connect', (client) => {
    client.on('error', lost);
  });
  // Idle clients also report through the pool (the pool removes them); the client listener above logs it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', url, close: () => db.destroy() };
}

/** Opens whichever engine the config selects. */
export function openDatabase(
  cfg: { databaseUrl: string | undefined; dataDir: string },
  log?: Logger,
): Promise<DbHandle> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl, 10, log) : openPglite(cfg.dataDir);
}
