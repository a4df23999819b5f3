/**
 * `Cache-Control: no-store` on every API response unless its route is declared public with
 * `config: { publicCache: true }`. Responses carry personal data by default (resident lists, household pages,
 * case reporters, GPS tracks, exports), and neither a shared proxy nor the browser's disk cache of a shared
 * computer may keep them; a route must opt out explicitly, which the route-list test checks.
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The response holds no personal data and may be cached (settings, templates, category lists). */
    publicCache?: boolean;
  }
}

/** The value set on every non-public API response. */
const NO_STORE = 'no-store';

/** True for the URLs the rule covers: the JSON API (Open311 and the built web app's files are public). */
const isPrivateApiUrl = (url: string): boolean => url.startsWith('/api/');

/** Installs the hook; it overrides any cache header a handler set (a photo of a case is as private as the case). */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (isPrivateApiUrl(req.url) && req.routeOptions.config?.publicCache !== true) {
      reply.header('cache-control', NO_STORE);
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
