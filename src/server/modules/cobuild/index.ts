/**
 * The cobuild module's public face (大党委引领、社会化共建): partner units, 双报到 party members, the three lists
 * (needs, resources, projects), volunteers, activities with QR check-in, and the time bank. Other modules and the
 * composition roots import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { publicCobuildRoutes } from './publicRoutes.ts';
import { cobuildRoutes } from './routes.ts';
import { volunteerRoutes } from './volunteerRoutes.ts';

/** Registers the cobuild routes. */
export function cobuildPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    await app.register(cobuildRoutes(deps));
    await app.register(volunteerRoutes(deps));
    await app.register(publicCobuildRoutes(deps));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

export { overviewTiles } from './service/reports.ts';
export { seedDemoCobuild } from './demo.ts';
