/** The cases module's runtime: database, options, clock, event bus, locator and flood limiter, built once per app. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { Locator } from '../registry/index.ts';
import type { CasesOptions } from './config.ts';
import { findCategory, type Category } from './domain/categories.ts';
import { WindowLimiter } from './limiter.ts';

/** Shared state of the module. */
export interface CasesModule {
  db: Kysely<Database>;
  opts: CasesOptions;
  clock: () => Date;
  bus: EventBus;
  locator: Locator;
  limiter: WindowLimiter;
  category(code: string): Category | undefined;
}

/** Per-request context. */
export interface Who {
  actor: Actor | null;
  lang: 'zh-CN' | 'en';
  ip: string;
}

/** Builds the module runtime; `locator` is the app's (one per app), a private one for scripts. */
export function makeModule(
  db: Kysely<Database>,
  opts: CasesOptions,
  clock: () => Date,
  bus: EventBus,
  locator: Locator = new Locator(db, bus),
): CasesModule {
  return {
    db,
    opts,
    clock,
    bus,
    locator,
    limiter: new WindowLimiter(opts.rateWindowMs),
    category: (code) => findCategory(opts.categories, code),
  };
}
