/**
 * The cases module's public face: a Fastify plugin that wires the event bus (PostgreSQL fan-out when the app
 * runs on PostgreSQL with a URL), the escalation scheduler (started on ready, stopped on close), the routes and
 * Open311. `app.cases.tick()` runs the scheduler once (tests move the clock and call it).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { getCase } from './repository.ts';
import type { AppDeps } from '../../deps.ts';
import { LocalBus, type EventBus } from '../../platform/events/bus.ts';
import { defaultCasesOptions, type CasesOptions } from './config.ts';
import { makeModule, type CasesModule } from './module.ts';
import { EscalationScheduler } from './scheduler.ts';
import { caseRoutes } from './routes.ts';
import { staffRoutes } from './staffRoutes.ts';
import { streamRoutes } from './stream.ts';
import { jobsRoutes } from './jobsRoutes.ts';
import { open311Routes } from './open311/routes.ts';
import { calendarRoutes, reloadCalendar } from './calendarRoutes.ts';
import { casesByIds } from './repository.ts';

// For the CLI: `linli calendar import` and `linli open311-key`.
export { importYear } from './calendarStore.ts';
export { yearBody } from './calendarRoutes.ts';
export { createApiKey } from './open311/keys.ts';
// For the demo seed (src/server/demo.ts).
export { seedCasesDemo } from './seed.ts';
export { seedDemoCases } from './demoCases.ts';

declare module '../../deps.ts' {
  interface AppDeps {
    /** Overrides of the case-handling rules and limits. */
    casesOptions?: Partial<CasesOptions>;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The cases runtime and one scheduler pass. */
    cases: {
      module: CasesModule;
      tick(): Promise<number>;
      /** True while the scheduler's last pass failed (it is backing off); /healthz reports it. */
      schedulerFailing(): boolean;
    };
  }
}

/** Registers the cases module on the root app (not encapsulated: `app.cases` is visible to callers). */
export function casesPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    // buildApp passes its bus; a cases plugin registered on its own gets a local one.
    const ownBus = !deps.events;
    const bus: EventBus = deps.events ?? new LocalBus();
    const opts: CasesOptions = { ...defaultCasesOptions(), ...deps.casesOptions };
    const m = makeModule(deps.db, opts, deps.clock, bus, app.locator);
    // The year tables come from the database (importable), unless a test passes its own calendar. A database
    // that is away at start must not stop the server: the built-in years serve until a retry loads the table.
    let calendarRetry: NodeJS.Timeout | undefined;
    const loadYears = async (): Promise<boolean> => {
      try {
        await reloadCalendar(m);
        return true;
      } catch (err) {
        app.log.warn({ component: 'calendar', event: 'calendar_load_failed', err }, 'using the built-in years');
        return false;
      }
    };
    if (!deps.casesOptions?.calendar && !(await loadYears())) {
      calendarRetry = setInterval(() => {
        void loadYears().then((ok) => ok && clearInterval(calendarRetry));
      }, 30_000);
      calendarRetry.unref();
    }
    const offCalendar = bus.subscribe((e) => {
      if (e.topic !== 'calendar' || deps.casesOptions?.calendar) return;
      reloadCalendar(m).catch((err: unknown) => app.log.error({ err }, 'calendar reload failed'));
    });
    const scheduler = new EscalationScheduler(m, app.log.child({ component: 'scheduler' }));
    app.decorate('cases', {
      module: m,
      tick: () => scheduler.tick(),
      schedulerFailing: () => scheduler.failures > 0,
    });
    app.addHook('onReady', async () => {
      scheduler.start(opts.schedulerIntervalMs);
    });
    app.addHook('onClose', async () => {
      clearInterval(calendarRetry);
      offCalendar();
      await scheduler.stop();
      if (ownBus) await bus.close();
    });
    await app.register(caseRoutes(m));
    await app.register(staffRoutes(m));
    await app.register(streamRoutes(m));
    await app.register(jobsRoutes(m));
    await app.register(calendarRoutes(m));
    await app.register(open311Routes(m), { prefix: '/open311' });
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

/** A case as the cobuild needs list links to it (a need that is beyond the grid's own means). */
export interface CaseBrief {
  id: string;
  communityCode: string;
  gridCode: string | null;
  categoryCode: string;
  status: string;
  lon: number;
  lat: number;
}

/** A case by id: place, category and status only (no reporter, no description); null when unknown. */
export async function caseBrief(db: Kysely<Database>, id: string): Promise<CaseBrief | null> {
  const c = await getCase(db, id);
  return c
    ? {
        id: c.id,
        communityCode: c.community_code,
        gridCode: c.grid_code,
        categoryCode: c.category_code,
        status: c.status,
        lon: c.lon,
        lat: c.lat,
      }
    : null;
}

export {
  caseForReader,
  openLinkedCase,
  overviewTiles,
} from './links.ts';
export type { CasesModule } from './module.ts';

/** A cases runtime for seeds and scripts (default rules, built-in calendar, its own local bus and locator). */
export function casesRuntime(db: AppDeps['db'], clock: () => Date): CasesModule {
  return makeModule(db, defaultCasesOptions(), clock, new LocalBus());
}
export { casesNeedingMoney, moneyCase, recordFundPayment } from './fundLink.ts';
/** The short public face of a case another module links to (e.g. a consult topic raised from recurring cases). */
export interface LinkedCase {
  id: string;
  communityCode: string;
  categoryCode: string;
  status: string;
  createdAt: Date;
}

/** Cases by id, only those of `communityCode` (others are simply absent). */
export async function linkedCases(
  db: Kysely<Database>,
  communityCode: string,
  ids: readonly string[],
): Promise<LinkedCase[]> {
  if (!ids.length) return [];
  const rows = await casesByIds(db, [...ids]);
  return rows
    .filter((r) => r.community_code === communityCode)
    .map((r) => ({
      id: r.id,
      communityCode: r.community_code,
      categoryCode: r.category_code,
      status: r.status,
      createdAt: r.created_at,
    }));
}
