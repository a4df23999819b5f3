/**
 * The overview module (a composition module): the secretary's page of numbers from every module. It may import
 * other modules' index.ts; nothing imports it except app.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { overview } from './service.ts';
import { errorBody } from '../../platform/http/responses.ts';

const tile = z.strictObject({ key: z.string(), value: z.union([z.number(), z.string()]), href: z.string() });
const errorOut = errorBody;

function routes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/overview/tiles',
      {
        schema: {
          tags: ['overview'],
          summary: 'The secretary’s numbers under a community or street (each with the link to its list)',
          querystring: z.strictObject({
            code: z
              .string()
              .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'a 6/9/12-digit code')
              .optional(),
            lang: z.enum(['zh-CN', 'en']).optional(),
          }),
          response: {
            200: z.object({
              code: z.string(),
              name: z.string(),
              asOf: z.string(),
              tiles: z.array(tile),
              communities: z.array(z.object({ code: z.string(), name: z.string(), tiles: z.array(tile) })),
            }),
            '4xx': errorOut,
            '5xx': errorOut,
          },
        },
      },
      async (req) => overview(deps.db, req.actor, deps.clock(), req.query.code),
    );
  };
}

/** Registers the overview route. */
export function overviewPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    await app.register(routes(deps));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
