/**
 * What the app needs from outside (the composition root builds it; tests pass their own). Its own file, so that
 * modules can name it without importing app.ts, which imports every module (no import cycle).
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './platform/db/schema.ts';
import type { Engine } from './platform/db/connect.ts';
import type { EventBus } from './platform/events/bus.ts';
import type { Logger } from './platform/log.ts';

/** What the app needs from outside; tests pass their own. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  /** The clock; tests move it. */
  clock: () => Date;
  /** Folder of the built web app (index.html); omitted in API-only tests. */
  webRoot?: string;
  logger?: boolean | { level: string };
  /** The process's one pino logger (wins over `logger`); background work logs through its children. */
  log?: Logger;
  /** Event bus to use (tests share one PostgreSQL bus between two apps); built from the config when absent. */
  events?: EventBus;
}
