/**
 * Open311 GeoReport v2 under /open311/v2/ (JSON and XML) and Service Discovery under /open311/discovery.
 * Reads are public but limited to one jurisdiction (an api_key's community or a jurisdiction_id) and go
 * through the cases module's public presenter; every answer passes a response schema (schemas.ts).
 * Register with `{ prefix: '/open311' }`: the plugin owns the error and not-found answers under that prefix.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { langOf } from '../../../platform/http/errorHandler.ts';
import { lang as langField } from '../../../platform/http/zodParts.ts';
import type { CasesModule } from '../module.ts';
import { discovery } from './discovery.ts';
import { installOpen311Http, send } from './http.ts';
import { fileRequest } from './post.ts';
import { findRequests, offeredService, presentRequests, serviceDefinition, serviceList } from './present.ts';
import { readScope } from './scope.ts';
import { caseByToken } from '../repository/open311.ts';
import {
  createdOut,
  definitionOut,
  discoveryOut,
  errorsOut,
  listQuery,
  requestsOut,
  scopeQuery,
  servicesOut,
  tokenOut,
} from './schemas.ts';

const fmt = z.enum(['json', 'xml']);
const lang = z.object(langField);
const DAY = 86_400_000;

/** Registers Open311 (encapsulated: its own form parser, error format, CORS). */
export function open311Routes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['open311'];
    const errors = { 400: errorsOut, 403: errorsOut, 404: errorsOut, '5xx': errorsOut };
    // Repeated fields (attribute[code][]) keep every value.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const prev = out[k];
        out[k] = prev === undefined ? v : [prev, v].flat();
      }
      done(null, out);
    });
    installOpen311Http(app);

    app.get(
      '/discovery.:format',
      {
        schema: {
          tags,
          summary: 'Service Discovery',
          params: z.object({ format: fmt }),
          querystring: lang,
          response: { 200: discoveryOut, ...errors },
        },
      },
      async (req, reply) => send(reply, req.params.format, 'discovery', discoveryOut, discovery(m, req)),
    );

    app.get(
      '/v2/services.:format',
      {
        schema: {
          tags,
          summary: 'GeoReport v2 service list',
          params: z.object({ format: fmt }),
          querystring: z.object({ jurisdiction_id: z.string().max(100).optional(), ...lang.shape }),
          response: { 200: servicesOut, ...errors },
        },
      },
      async (req, reply) => send(reply, req.params.format, 'services', servicesOut, serviceList(m, langOf(req))),
    );

    app.get(
      '/v2/services/:code.:format',
      {
        schema: {
          tags,
          summary: 'GeoReport v2 service definition (attributes)',
          params: z.object({ code: z.string().max(40), format: fmt }),
          querystring: z.object({ jurisdiction_id: z.string().max(100).optional(), ...lang.shape }),
          response: { 200: definitionOut, ...errors },
        },
      },
      async (req, reply) => {
        const c = offeredService(m, req.params.code);
        if (!c) throw new AppError('OPEN311_UNKNOWN_SERVICE', { params: { code: req.params.code } });
        return send(
          reply,
          req.params.format,
          'service_definition',
          definitionOut,
          serviceDefinition(c.code, langOf(req)),
        );
      },
    );

    app.post(
      '/v2/requests.:format',
      {
        schema: {
          tags,
          summary: 'File a request (api_key in the form or the query string; demo key: demo-open311)',
          params: z.object({ format: fmt }),
          querystring: z.object({ api_key: z.string().max(200).optional(), ...lang.shape }),
          response: { 201: createdOut, ...errors },
        },
      },
      async (req, reply) => fileRequest(m, req, reply, req.params.format),
    );

    app.get(
      '/v2/requests.:format',
      {
        schema: {
          tags,
          summary: 'Requests of one jurisdiction (api_key or jurisdiction_id); default: last 90 days, at most 1000',
          params: z.object({ format: fmt }),
          querystring: listQuery,
          response: { 200: requestsOut, ...errors },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const prefix = await readScope(m, q);
        const end = q.end_date ?? m.clock();
        const start = q.start_date ?? new Date(end.getTime() - 90 * DAY);
        const rows = await findRequests(m, {
          prefix,
          ids: q.service_request_id,
          codes: q.service_code,
          status: q.status,
          start,
          end,
        });
        return send(
          reply,
          req.params.format,
          'service_requests',
          requestsOut,
          await presentRequests(m, rows, langOf(req)),
        );
      },
    );

    app.get(
      '/v2/requests/:id.:format',
      {
        schema: {
          tags,
          summary: 'One request',
          params: z.object({ id: z.string().max(60), format: fmt }),
          querystring: scopeQuery,
          response: { 200: requestsOut, ...errors },
        },
      },
      async (req, reply) => {
        const rows = await findRequests(m, { prefix: await readScope(m, req.query), ids: [req.params.id] });
        if (!rows.length) throw new AppError('NOT_FOUND');
        return send(
          reply,
          req.params.format,
          'service_requests',
          requestsOut,
          await presentRequests(m, rows, langOf(req)),
        );
      },
    );

    app.get(
      '/v2/tokens/:token.:format',
      {
        schema: {
          tags,
          summary: 'The request id of a token',
          params: z.object({ token: z.string().max(60), format: fmt }),
          querystring: scopeQuery,
          response: { 200: tokenOut, ...errors },
        },
      },
      async (req, reply) => {
        const prefix = await readScope(m, req.query);
        const r = await caseByToken(m.db, req.params.token, prefix);
        if (!r?.open311_token || !offeredService(m, r.category_code)) throw new AppError('NOT_FOUND');
        return send(reply, req.params.format, 'service_requests', tokenOut, [
          { service_request_id: r.id, token: r.open311_token },
        ]);
      },
    );
  };
}
