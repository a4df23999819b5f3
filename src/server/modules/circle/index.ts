/**
 * The circle module's public face (15-minute life circle): the Fastify plugin and the functions the CLI
 * uses. The engine lives in `domain/` (pure), the OSM reader in `osm/`, the community network in `network/`.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { resolveCircleSettings, type CircleOptions } from './config.ts';
import { EngineCache } from './network/scene.ts';
import { circleRoutes } from './routes.ts';
import type { CircleRuntime } from './service.ts';
import { CirclePool } from './workers/pool.ts';

declare module '../../deps.ts' {
  interface AppDeps {
    /** Overrides of the life-circle categories, profiles and limits. */
    circleOptions?: Partial<CircleOptions>;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The circle runtime (settings + engine cache). */
    circle: CircleRuntime;
  }
}

/** A runtime for the CLI or tests: resolved settings, an empty engine cache and a (not yet started) worker pool. */
export function circleRuntime(options?: Partial<CircleOptions>): CircleRuntime {
  const settings = resolveCircleSettings(options);
  const pool = new CirclePool();
  return { settings, cache: new EngineCache(settings, pool), pool };
}

/** Registers the circle module (routes encapsulated; `app.circle` visible to callers). */
export function circlePlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    const rt = circleRuntime(deps.circleOptions);
    app.decorate('circle', rt);
    app.addHook('onClose', () => rt.pool.close());
    await app.register(circleRoutes(deps, rt));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

export { coverage } from './service.ts';
export { sites } from './analysis.ts';
export { importFacilities, importNetwork } from './imports.ts';
export { reportPdf } from './report/index.ts';
export { ROADS_NETWORK } from './network/scene.ts';
export { cjkFontPath } from './report/pdf.ts';
