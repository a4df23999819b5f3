/**
 * Wiring only: config → database → migrations → (demo seed on first start) → app → listen.
 * `startServer` is also what the browser tests and benchmarks use, so they run the real thing.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, openPglite, type DbHandle } from './platform/db/connect.ts';
import { migrateDatabase } from './platform/db/roles.ts';
import { buildApp } from './app.ts';
import { isEmpty, seedDemo } from './modules/registry/seed.ts';

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
  close(): Promise<void>;
}

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
  const handle = config.databaseUrl ? await openDatabase(config) : await openPglite(config.dataDir);
  try {
    await migrateDatabase(handle, config);
    const clock = opts.clock ?? (() => new Date());
    if (config.seedDemo && (await isEmpty(handle.db)))
      await seedDemo(handle.db, clock(), undefined, { cases: opts.demoCases ?? true });
    const app = await buildApp({
      db: handle.db,
      engine: handle.engine,
      config,
      clock,
      webRoot: opts.webRoot ?? resolve('dist/web'),
      logger: (opts.logger ?? false) ? { level: config.logLevel } : false,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    return {
      url,
      app,
      handle,
      config,
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
