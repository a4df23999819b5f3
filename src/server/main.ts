/**
 * Wiring only: config → database → migrations → (demo seed on first start: embedded database or
 * LINLI_SEED_DEMO=true) → app → listen. With no account at all, the log says how to create the first administrator.
 * `startServer` is also what the browser tests and benchmarks use, so they run the real thing.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, shouldSeedDemo, type Config } from './config.ts';
import { openDatabase, openPglite, type DbHandle } from './platform/db/connect.ts';
import { migrateDatabase } from './platform/db/roles.ts';
import { buildApp } from './app.ts';
import { isEmpty, seedDemo, seedDemoStories } from './demo.ts';
import { demoLoaded } from './modules/registry/index.ts';
import { hasAccounts } from './modules/auth/index.ts';
import { createLogger, silentLogger } from './platform/log.ts';

/** Overrides for a server started from code (tests, bench). */
export interface StartOptions {
  port?: number;
  host?: string;
  /** 'memory://' for a throwaway in-memory PGlite. */
  dataDir?: string;
  databaseUrl?: string;
  seedDemo?: boolean;
  /** With the demo seed: also the demo cases of the last 45 days (default true). */
  demoCases?: boolean;
  webRoot?: string;
  clock?: () => Date;
  logger?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** A running server. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  handle: DbHandle;
  config: Config;
  /** The database holds the demo community (and so the demo accounts with the published password). */
  demo: boolean;
  /** No account exists yet: the first administrator must be created with `npx linli admin create`. */
  needsAdmin: boolean;
  close(): Promise<void>;
}

/** The startup message when the database has no account. */
export const NEEDS_ADMIN_MESSAGE =
  'No accounts yet: create the first administrator with `npx linli admin create --username <name>` ' +
  '(README, "Running on PostgreSQL"); the demo is only loaded with LINLI_SEED_DEMO=true.';

/** Starts Linli and resolves once it answers requests. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const base = loadConfig(opts.env ?? process.env);
  const config: Config = {
    ...base,
    port: opts.port ?? base.port,
    host: opts.host ?? base.host,
    dataDir: opts.dataDir === 'memory://' ? 'memory://' : opts.dataDir ? resolve(opts.dataDir) : base.dataDir,
    databaseUrl: opts.databaseUrl ?? (opts.dataDir ? undefined : base.databaseUrl),
    // the owner URL belongs to the configured database only, not to one a caller passes in
    databaseOwnerUrl: opts.databaseUrl || opts.dataDir ? undefined : base.databaseOwnerUrl,
    seedDemo: opts.seedDemo ?? base.seedDemo,
  };
  // One pino logger for the process: requests, the database pool, the event bus and the scheduler.
  const log = (opts.logger ?? false) ? createLogger(config.logLevel) : silentLogger();
  const handle = config.databaseUrl ? await openDatabase(config, log) : await openPglite(config.dataDir);
  try {
    await migrateDatabase(handle, config);
    const clock = opts.clock ?? (() => new Date());
    // Demo accounts share a published password: never on a production database unless asked for.
    if (shouldSeedDemo(config) && (await isEmpty(handle.db))) {
      const now = clock();
      await seedDemo(handle.db, now, undefined, { cases: opts.demoCases ?? true });
      if (opts.demoCases ?? true) await seedDemoStories(handle.db, now);
    }
    const demo = await demoLoaded(handle.db);
    const needsAdmin = !(await hasAccounts(handle.db));
    const app = await buildApp({
      db: handle.db,
      engine: handle.engine,
      config,
      clock,
      webRoot: opts.webRoot ?? resolve('dist/web'),
      log,
    });
    if (needsAdmin) app.log.warn(NEEDS_ADMIN_MESSAGE);
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    return {
      url,
      app,
      handle,
      config,
      demo,
      needsAdmin,
      async close() {
        await app.close();
        await handle.close();
      },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
