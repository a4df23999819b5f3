/**
 * The care module's public face (关爱一老一小): the Fastify plugin, the overview's numbers and the demo story.
 * It reads the register through registry/index.ts and opens cases through cases/index.ts; cases never import it
 * (the carers on a case come from GET /api/care/cases/:caseId/carers, which the case page calls).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { careRoutes } from './routes.ts';

/** Registers the care routes (needs the cases plugin registered first: a finding becomes a case). */
export function carePlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    await app.register(careRoutes({ db: deps.db, clock: deps.clock, cases: () => app.cases.module }));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

export { overviewTiles } from './summary.ts';
export { seedDemoCare, WATER_HEATER } from './demo.ts';
export { syncCommunity as syncCareList } from './service.ts';
/** Benchmark fixtures (a synthetic list, the SQL and the naive overdue computation). */
export * as careBench from './fixtures.ts';
