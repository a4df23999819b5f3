/**
 * The notices module's public face (通知公告): the Fastify plugin, the overview's numbers and the demo story.
 * It reads households and buildings through registry/index.ts only.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { noticeRoutes } from './routes.ts';

/** Registers the notice routes. */
export function noticesPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    await app.register(noticeRoutes({ db: deps.db, clock: deps.clock }));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

export { overviewTiles } from './summary.ts';
export { seedDemoNotices } from './demo.ts';
