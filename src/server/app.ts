/**
 * buildApp(deps): the whole HTTP application, with no global state, testable with `app.inject()`.
 * Order: security headers → cookies → actor (session + CSRF) → routes; one error handler for everything.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { installErrorHandling, sendError, toAppError } from './platform/http/errorHandler.ts';
import { installActor } from './platform/http/actor.ts';
import { installNoStore } from './platform/http/noStore.ts';
import { installInputGuard } from './platform/http/inputGuard.ts';
import { AppError } from './platform/errors.ts';
import { accountsForRegistry, authRoutes, installPasswordChangeGate } from './modules/auth/index.ts';
import { registryRoutes } from './modules/registry/index.ts';
import { casesPlugin } from './modules/cases/index.ts';
import { circlePlugin } from './modules/circle/index.ts';
import { cobuildPlugin } from './modules/cobuild/index.ts';
import { carePlugin } from './modules/care/index.ts';
import { noticesPlugin } from './modules/notices/index.ts';
import { overviewPlugin } from './modules/overview/index.ts';
import { fundPlugin } from './modules/fund/index.ts';
import { shopPlugin } from './modules/shop/index.ts';
import { consultPlugin } from './modules/consult/index.ts';
import { LocalBus, PgBus } from './platform/events/bus.ts';
import { Locator } from './modules/registry/index.ts';
import { healthRoute } from './platform/http/health.ts';
import { errorResponses, responseSerializer } from './platform/http/responses.ts';

export type { AppDeps } from './deps.ts';
import type { AppDeps } from './deps.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route (method, url pattern): lets tests prove each one is scope-checked and not cached. */
    routeList: { method: string; url: string; publicCache: boolean }[];
    /** The app's one point → grid locator (case routing and /api/geo/locate), invalidated on every instance. */
    locator: Locator;
  }
}

/** GET /api/settings: what the web app needs before anyone logs in. */
const settingsBody = z
  .object({ tileUrl: z.string().nullable(), tileAttribution: z.string().nullable() })
  .meta({ id: 'ClientSettings' });

/**
 * The document with its named schemas as components. fastify-type-provider-zod names each one twice (`X` for
 * answers, `XInput` for requests); an `XInput` that no request uses is dropped.
 */
function namedSchemas(doc: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const out = jsonSchemaTransformObject(doc) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = out.components?.schemas ?? {};
  const used = JSON.stringify(out.paths ?? {});
  for (const name of Object.keys(schemas))
    if (name.endsWith('Input') && !used.includes(`#/components/schemas/${name}"`)) delete schemas[name];
  return out as ReturnType<typeof jsonSchemaTransformObject>;
}

/** Largest accepted request body (bytes); uploads (imports, photos) have their own multipart limit. */
const BODY_LIMIT = 1_048_576;

/**
 * The built web app: brotli/gzip files written at build time are sent as they are; hashed assets (`/assets/`,
 * whose names change with their content) are cached for a year, everything else (index.html) revalidated.
 */
function staticOptions(root: string) {
  return {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) =>
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  };
}

/** Builds the Fastify application. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.log ? { loggerInstance: deps.log as FastifyBaseLogger } : { logger: deps.logger ?? false }),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    // the router's own errors (a malformed percent-encoding, an over-long parameter) get the standard body too
    frameworkErrors: (error, req, reply) => sendError(req, reply, toAppError(error)),
  }).withTypeProvider<ZodTypeProvider>();
  const routeList: { method: string; url: string; publicCache: boolean }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    const publicCache = r.config?.publicCache === true;
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push({ method: m, url: r.url, publicCache });
  });
  installNoStore(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(deps.config.strictResponses));
  const webRoot = deps.webRoot && existsSync(join(deps.webRoot, 'index.html')) ? deps.webRoot : null;
  installErrorHandling(app, (req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url.startsWith('/open311/') || req.url === '/healthz';
    return webRoot && req.method === 'GET' && !isApi
      ? reply.type('text/html').sendFile('index.html', webRoot)
      : undefined;
  });

  const tileOrigin = deps.config.tileUrl ? new URL(deps.config.tileUrl.replace(/\{[^}]+\}/g, '0')).origin : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        connectSrc: ["'self'", ...(tileOrigin ? [tileOrigin] : [])],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // API answers (lists, exports) compressed for browsers that ask; built assets come pre-compressed (see above).
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after body parsing, so limits can key on the username
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', { params: { seconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) } }),
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 6, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Linli (邻里) API',
        version: '0.1.0',
        description:
          'Community governance platform. Errors: `{ error: { code, message } }`, message in zh-CN or en ' +
          '(`?lang=en`). Writes with a session cookie need the `x-csrf-token` header.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_sid' } } },
    },
    transform: jsonSchemaTransform,
    // response schemas with a `.meta({ id })` become named components (the web's generated types use the names)
    transformObject: namedSchemas,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installInputGuard(app);
  installActor(app, deps.db, deps.clock);
  installPasswordChangeGate(app);

  app.get(
    '/api/settings',
    {
      config: { publicCache: true },
      schema: {
        tags: ['system'],
        summary: 'Public client settings (map tiles)',
        response: { 200: settingsBody, ...errorResponses },
      },
    },
    async () => ({
      tileUrl: deps.config.tileUrl ?? null,
      tileAttribution: deps.config.tileAttribution ?? null,
    }),
  );

  // One bus per app, shared by the modules: cases publish changes on it, auth publishes ended sessions (so SSE
  // streams of a logged-out session close on every instance).
  const ownBus = !deps.events;
  const events =
    deps.events ??
    (deps.engine === 'postgres' && deps.config.databaseUrl
      ? await PgBus.connect(deps.config.databaseUrl, app.log.child({ component: 'bus' }))
      : new LocalBus());
  // One point → grid locator per app, dropped on every boundary change on every instance (through the bus).
  const locator = new Locator(deps.db, events);
  app.decorate('locator', locator);
  const withBus: AppDeps = { ...deps, events };
  await app.register(authRoutes(withBus));
  await app.register(registryRoutes({ ...withBus, accounts: accountsForRegistry }));
  await app.register(casesPlugin(withBus));
  await app.register(circlePlugin(withBus));
  await app.register(cobuildPlugin(withBus));
  await app.register(carePlugin(withBus));
  await app.register(noticesPlugin(withBus));
  await app.register(overviewPlugin(withBus));
  await app.register(fundPlugin(withBus));
  await app.register(shopPlugin(withBus));
  await app.register(consultPlugin(withBus));
  await app.register(healthRoute(deps.db, deps.engine, events, () => app.cases.schedulerFailing()));
  app.addHook('onClose', async () => {
    locator.close();
    if (ownBus) await events.close();
  });

  if (webRoot) await app.register(fastifyStatic, staticOptions(webRoot));
  return app;
}
