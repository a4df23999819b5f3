/** /api/geo/locate (point → grid in any CRS) and GeoJSON import/export of grids and compounds. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import type { RegistryDeps } from './context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { communityCode, lang } from '../../platform/http/zodParts.ts';
import { ctxOf } from './context.ts';
import { parseCrs, toWgs84, validLonLat } from '../../../shared/geo/crs.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import { areasExport, areasImported, locateBody } from './geoSchemas.ts';
import { exportAreas, importCompounds, importGrids } from './geoService.ts';

const crsParam = z.string().max(20).default('wgs84');
const kind = z.enum(['grids', 'compounds']);
const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }).nullable(),
        properties: z.record(z.string(), z.unknown()).nullable(),
      }),
    )
    .min(1)
    .max(5000),
});

function crsOf(s: string) {
  const crs = parseCrs(s);
  if (!crs) throw new AppError('BAD_CRS', { params: { crs: s } });
  return crs;
}

/** Registers the geo routes; they use the app's Locator, and a grid import invalidates it on every instance. */
export function geoRoutes(deps: RegistryDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const locator = app.locator;
    const tags = ['geo'];
    app.get(
      '/api/geo/locate',
      {
        schema: {
          tags,
          summary: 'Which grid (and community) a point is in; crs wgs84 | gcj02 | bd09',
          querystring: z.object({
            lon: z.coerce.number(),
            lat: z.coerce.number(),
            crs: crsParam,
            ...lang,
          }),
          response: { 200: locateBody, ...errorResponses },
        },
      },
      async (req) => {
        requireActor(req);
        const { lon, lat } = req.query;
        if (!validLonLat(lon, lat)) throw new AppError('BAD_COORDINATES');
        const [x, y] = toWgs84(lon, lat, crsOf(req.query.crs));
        return { wgs84: [x, y] as [number, number], ...(await locator.locate(x, y)) };
      },
    );

    app.get(
      '/api/places/:code/geojson',
      {
        schema: {
          tags,
          summary: 'Grids or compounds of a community as GeoJSON (WGS-84)',
          params: z.object({ code: communityCode }),
          querystring: z.object({ kind }),
          response: { 200: areasExport, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply.type('application/geo+json').send(await exportAreas(ctxOf(deps, req), req.params.code, req.query.kind)),
    );

    app.post(
      '/api/places/:code/geojson',
      {
        schema: {
          tags,
          summary: 'Import grids or compounds (all or nothing; GCJ-02/BD-09 converted)',
          params: z.object({ code: communityCode }),
          querystring: z.object(lang),
          body: z.strictObject({ kind, crs: crsParam, featureCollection }),
          response: { 200: areasImported, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        const crs = crsOf(req.body.crs);
        const fc = req.body.featureCollection as FeatureCollection;
        return req.body.kind === 'grids'
          ? importGrids(ctx, req.params.code, fc, crs, () => locator.changed())
          : importCompounds(ctx, req.params.code, fc, crs);
      },
    );
  };
}
