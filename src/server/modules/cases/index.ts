/**
 * The cases module's public face: a Fastify plugin that wires the event bus (PostgreSQL fan-out when the app
 * runs on PostgreSQL with a URL), the escalation scheduler (started on ready, stopped on close), the routes and
 * Open311. `app.cases.tick()` runs the scheduler once (tests move the clock and call it).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import { LocalBus, PgBus, type EventBus } from '../../platform/events/bus.ts';
import { defaultCasesOptions, type CasesOptions } from './config.ts';
import { makeModule, type CasesModule } from './module.ts';
import { EscalationScheduler } from './scheduler.ts';
import { caseRoutes } from './routes.ts';
import { staffRoutes } from './staffRoutes.ts';
import { streamRoutes } from './stream.ts';
import { open311Routes } from './open311/routes.ts';

declare module '../../app.ts' {
  interface AppDeps {
    /** Event bus to use (tests share one PostgreSQL bus between two apps); built from the config when absent. */
    events?: EventBus;
    /** Overrides of the case-handling rules and limits. */
    casesOptions?: Partial<CasesOptions>;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The cases runtime and one scheduler pass. */
    cases: { module: CasesModule; tick(): Promise<number> };
  }
}

/** Registers the cases module on the root app (not encapsulated: `app.cases` is visible to callers). */
export function casesPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    const ownBus = !deps.events;
    const bus: EventBus =
      deps.events ??
      (deps.engine === 'postgres' && deps.config.databaseUrl
        ? await PgBus.connect(deps.config.databaseUrl)
        : new LocalBus());
    const opts: CasesOptions = { ...defaultCasesOptions(), ...deps.casesOptions };
    const m = makeModule(deps.db, opts, deps.clock, bus);
    const scheduler = new EscalationScheduler(m);
    app.decorate('cases', { module: m, tick: () => scheduler.tick() });
    app.addHook('onReady', async () => {
      scheduler.start(opts.schedulerIntervalMs);
    });
    app.addHook('onClose', async () => {
      await scheduler.stop();
      if (ownBus) await bus.close();
    });
    await app.register(caseRoutes(m));
    await app.register(staffRoutes(m));
    await app.register(streamRoutes(m));
    await app.register(open311Routes(m), { prefix: '/open311' });
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
