/** /api/public/cobuild/… what each partner unit did: published units and completed projects, no personal data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const params = z.strictObject({ code: s.code12 });

/** The public (no login) routes. */
export function publicCobuildRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cobuild', 'public'];
    app.get(
      '/api/public/cobuild/:code/units',
      {
        config: { publicCache: true },
        schema: {
          tags,
          summary: 'Public: the published partner units of a community and their completed projects',
          params,
          querystring: s.langQuery,
          response: {
            200: z.object({ community: s.publicCommunityOut, units: z.array(s.publicUnitOut) }),
            400: s.errorBody,
            404: s.errorBody,
          },
        },
      },
      async (req) => service.publicUnits(deps.db, req.params.code),
    );
    app.get(
      '/api/public/cobuild/units/:id',
      {
        config: { publicCache: true },
        schema: {
          tags,
          summary: 'Public: one published partner unit and its completed projects',
          params: s.idParams,
          querystring: s.langQuery,
          response: {
            200: z.object({ community: s.publicCommunityOut, unit: s.publicUnitOut }),
            400: s.errorBody,
            404: s.errorBody,
          },
        },
      },
      async (req) => service.publicUnit(deps.db, req.params.id),
    );
  };
}
