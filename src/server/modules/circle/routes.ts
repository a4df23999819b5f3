/** /api/circle/…: schema-validated input, one use-case call, typed output. Scoped by community code. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { langOf } from '../../platform/http/errorHandler.ts';
import { communityCode, lang } from '../../platform/http/zodParts.ts';
import { parseCrs, validLonLat, type Crs } from '../../../shared/geo/crs.ts';
import * as service from './service.ts';
import { area, sites, whatIf, type AreaFrom } from './analysis.ts';
import { assertNetworkName, importFacilities, importNetwork, type FacilityFormat } from './imports.ts';
import { receiveOsmUpload, registerUploadParsers } from './upload.ts';
import { reportPdf } from './report/index.ts';
import * as repo from './repository.ts';
import { ROADS_NETWORK } from './network/scene.ts';
import { binaryResponse, errorResponses as E } from '../../platform/http/responses.ts';
import {
  categoriesBody,
  coverageSchema,
  facilitiesImported,
  layerSchema,
  nearestBody,
  networkImported,
  networkLinesSchema,
  networksBody,
  sitesSchema,
  walkAreaSchema,
  whatIfSchema,
} from './responseSchemas.ts';

const code = communityCode;
const params = z.object({ code });
const network = { network: z.string().max(40).default(ROADS_NETWORK) };
const profile = z.string().max(20).default('standard');
const threshold = z
  .union([z.literal('gb'), z.string().regex(/^min\d{1,2}$/), z.string().regex(/^m\d{2,4}$/)])
  .default('gb');
const point = z.object({
  lon: z.number(),
  lat: z.number(),
  crs: z.string().max(20).default('wgs84'),
  name: z.string().max(60).optional(),
});

function crsOf(s: string): Crs {
  const c = parseCrs(s);
  if (!c) throw new AppError('BAD_CRS', { params: { crs: s } });
  return c;
}

/** The circle routes on a runtime. */
export function circleRoutes(deps: AppDeps, rt: service.CircleRuntime): FastifyPluginAsyncZod {
  const ctxOf = (req: FastifyRequest): service.Ctx => ({
    db: deps.db,
    actor: requireActor(req),
    now: deps.clock(),
    lang: langOf(req),
    ip: req.ip,
  });
  return async (app) => {
    const tags = ['circle'];
    const bodyLimit = rt.settings.maxPbfBytes;
    registerUploadParsers(app, bodyLimit, '/api/circle/:code/networks');

    app.get(
      '/api/circle/categories',
      {
        schema: {
          tags,
          summary: 'Life-circle categories (GB 50180 levels and distances) and walking profiles',
          response: { 200: categoriesBody, ...E },
        },
      },
      async (req) => {
        requireActor(req);
        return {
          categories: rt.settings.categories,
          profiles: rt.settings.profiles.map((p) => ({
            id: p.id,
            speedMps: p.speedMps,
            stepsFactor: Number.isFinite(p.stepsFactor) ? p.stepsFactor : null,
          })),
          minutes: rt.settings.minutes,
        };
      },
    );

    app.get(
      '/api/circle/:code/networks',
      {
        schema: {
          tags,
          summary: 'Walking networks of a community (its own roads + OSM imports)',
          params,
          querystring: z.object(lang),
          response: { 200: networksBody, ...E },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await service.authorize(ctx, 'circle.read', req.params.code);
        const list = await repo.listNetworks(ctx.db, req.params.code);
        return {
          networks: [
            { name: ROADS_NETWORK, source: 'roads' as const, attribution: null },
            ...list.map((n) => ({
              name: n.name,
              source: n.source,
              fileName: n.file_name,
              stats: n.stats,
              bytes: n.bytes,
              importedAt: n.imported_at,
              attribution: '© OpenStreetMap contributors',
            })),
          ],
        };
      },
    );

    app.post(
      '/api/circle/:code/networks',
      {
        bodyLimit,
        schema: {
          tags,
          summary:
            'Import an OSM PBF extract as a named network (body: the .osm.pbf, or multipart `file`); all or nothing',
          params,
          querystring: z.object({ name: z.string().max(60), ...lang }),
          response: { 201: networkImported, ...E },
        },
      },
      async (req, reply) => {
        await service.authorize(ctxOf(req), 'circle.import', req.params.code);
        assertNetworkName(req.query.name);
        const file = await receiveOsmUpload(req, reply, rt.settings.maxPbfBytes);
        let out: Awaited<ReturnType<typeof importNetwork>>;
        try {
          out = await importNetwork(rt, ctxOf(req), req.params.code, req.query.name, file);
        } finally {
          await file.remove();
        }
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/api/circle/:code/coverage',
      {
        schema: {
          tags,
          summary: 'Coverage per category × threshold × profile by households, people, elderly, children; GB gaps',
          params,
          querystring: z.object({ ...network, ...lang }),
          response: { 200: coverageSchema, ...E },
        },
      },
      async (req) => service.coverage(rt, ctxOf(req), req.params.code, req.query.network),
    );

    app.get(
      '/api/circle/:code/network',
      {
        schema: {
          tags,
          summary: 'The walking network as GeoJSON lines (WGS-84)',
          params,
          querystring: z.object({ ...network, ...lang }),
          response: { 200: networkLinesSchema, ...E },
        },
      },
      async (req) => service.networkLines(rt, ctxOf(req), req.params.code, req.query.network),
    );

    app.get(
      '/api/circle/:code/layer',
      {
        schema: {
          tags,
          summary: 'Buildings with walking metres/minutes to the nearest facility of a category (GeoJSON)',
          params,
          querystring: z.object({ category: z.string().max(60), profile, ...network, ...lang }),
          response: { 200: layerSchema, ...E },
        },
      },
      async (req) =>
        service.layer(rt, ctxOf(req), req.params.code, req.query.network, req.query.category, req.query.profile),
    );

    app.get(
      '/api/circle/:code/buildings/:id/nearest',
      {
        schema: {
          tags,
          summary: 'Nearest facility per category of one building (metres and minutes); residents: own building',
          params: z.object({ code, id: z.string().min(1).max(80) }),
          querystring: z.object({ ...network, ...lang }),
          response: { 200: nearestBody, ...E },
        },
      },
      async (req) => service.nearest(rt, ctxOf(req), req.params.code, req.query.network, req.params.id),
    );

    app.get(
      '/api/circle/:code/area',
      {
        schema: {
          tags,
          summary: 'Walking area (reached edges + outline polygon) from a point, a facility or a building',
          params,
          querystring: z.object({
            lon: z.coerce.number().optional(),
            lat: z.coerce.number().optional(),
            crs: z.string().max(20).default('wgs84'),
            facility: z.string().max(80).optional(),
            building: z.string().max(80).optional(),
            minutes: z.coerce.number().min(1).max(30).default(15),
            profile,
            ...network,
            ...lang,
          }),
          response: { 200: walkAreaSchema, ...E },
        },
      },
      async (req) => {
        const q = req.query;
        let from: AreaFrom;
        if (q.facility) from = { facility: q.facility };
        else if (q.building) from = { building: q.building };
        else if (q.lon !== undefined && q.lat !== undefined) {
          if (!validLonLat(q.lon, q.lat)) throw new AppError('BAD_COORDINATES');
          from = { lon: q.lon, lat: q.lat, crs: crsOf(q.crs) };
        } else throw new AppError('VALIDATION_FAILED', { params: { detail: 'lon+lat, facility or building' } });
        return area(rt, ctxOf(req), req.params.code, q.network, from, q.minutes, q.profile);
      },
    );

    app.post(
      '/api/circle/:code/sites',
      {
        schema: {
          tags,
          summary:
            'The k sites covering the most uncovered demand (lazy greedy; exact HiGHS optimum on small instances)',
          params,
          querystring: z.object(lang),
          body: z.strictObject({
            category: z.string().max(60),
            k: z.number().int().min(1).max(20).default(3),
            candidates: z.enum(['freed', 'vacant', 'any']).default('freed'),
            profile,
            threshold,
            weights: z
              .strictObject({
                base: z.enum(['households', 'people', 'none']).default('households'),
                elderly: z.number().min(0).max(100).default(0),
                children: z.number().min(0).max(100).default(0),
              })
              .default({ base: 'households', elderly: 0, children: 0 }),
            exact: z.boolean().default(true),
            network: z.string().max(40).default(ROADS_NETWORK),
          }),
          response: { 200: sitesSchema, ...E },
        },
      },
      async (req) => {
        const b = req.body;
        const th =
          b.threshold === 'gb'
            ? { kind: 'gb' as const }
            : b.threshold.startsWith('min')
              ? { kind: 'minutes' as const, value: Number(b.threshold.slice(3)) }
              : { kind: 'metres' as const, value: Number(b.threshold.slice(1)) };
        return sites(rt, ctxOf(req), req.params.code, b.network, {
          category: b.category,
          k: b.k,
          candidates: b.candidates,
          profile: b.profile,
          threshold: th,
          weights: b.weights,
          exact: b.exact,
        });
      },
    );

    app.post(
      '/api/circle/:code/whatif',
      {
        schema: {
          tags,
          summary: 'What-if: add a facility at a point or remove one; coverage before and after',
          params,
          querystring: z.object(lang),
          body: z.strictObject({
            category: z.string().max(60),
            profile,
            add: point.optional(),
            remove: z.string().max(80).optional(),
            network: z.string().max(40).default(ROADS_NETWORK),
          }),
          response: { 200: whatIfSchema, ...E },
        },
      },
      async (req) => {
        const b = req.body;
        return whatIf(rt, ctxOf(req), req.params.code, b.network, {
          category: b.category,
          profile: b.profile,
          add: b.add ? { ...b.add, crs: crsOf(b.add.crs) } : undefined,
          remove: b.remove,
        });
      },
    );

    app.get(
      '/api/circle/:code/report.pdf',
      {
        schema: {
          tags,
          summary: 'Printable 一老一小 coverage report (PDF)',
          params,
          querystring: z.object({ ...network, ...lang }),
          response: { 200: binaryResponse('The report', 'application/pdf'), ...E },
        },
      },
      async (req, reply) => {
        const pdf = await reportPdf(rt, ctxOf(req), req.params.code, req.query.network);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="linli-circle-${req.params.code}.pdf"`)
          .send(pdf);
      },
    );

    app.post(
      '/api/circle/:code/facilities',
      {
        schema: {
          tags,
          summary: 'Import community facilities (CSV / xlsx / GeoJSON; crs wgs84 | gcj02 | bd09): all rows or none',
          params,
          querystring: z.object({
            format: z.enum(['csv', 'xlsx', 'geojson']).optional(),
            crs: z.string().max(20).default('wgs84'),
            ...network,
            ...lang,
          }),
          response: { 201: facilitiesImported, ...E },
        },
      },
      async (req, reply) => {
        await service.authorize(ctxOf(req), 'circle.import', req.params.code);
        let buf: Buffer,
          fmt: FacilityFormat | undefined = req.query.format;
        if (req.isMultipart()) {
          const f = await req.file();
          if (!f) throw new AppError('BAD_FILE', { params: { reason: 'no file' } });
          buf = await f.toBuffer();
          fmt ??= /\.xlsx$/i.test(f.filename) ? 'xlsx' : /\.(geo)?json$/i.test(f.filename) ? 'geojson' : 'csv';
        } else if (Buffer.isBuffer(req.body)) buf = req.body;
        else if (req.body && typeof req.body === 'object') {
          buf = Buffer.from(JSON.stringify(req.body));
          fmt ??= 'geojson';
        } else throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        fmt ??= /json/.test(req.headers['content-type'] ?? '')
          ? 'geojson'
          : /sheet/.test(req.headers['content-type'] ?? '')
            ? 'xlsx'
            : 'csv';
        return reply
          .status(201)
          .send(await importFacilities(rt, ctxOf(req), req.params.code, buf, fmt, req.query.crs, req.query.network));
      },
    );
  };
}
