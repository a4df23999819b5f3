/**
 * Open311 GeoReport v2 under /open311/v2/ (JSON and XML): services, service definitions, requests (POST with
 * api_key, GET with filters), one request, tokens. Internal states map to open/closed; status_notes carries the
 * last public note; expected_datetime is the resolve-by deadline. Public data only: no reporter, place rounded.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errorMessage } from '../../../platform/errors.ts';
import { toAppError, langOf } from '../../../platform/http/errorHandler.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { CasesModule } from '../module.ts';
import { report } from '../service.ts';
import { parseWith } from '../multipart.ts';
import { toXml, type XmlValue } from './xml.ts';
import { serviceList, serviceDefinition, presentRequest, findRequests } from './present.ts';

const fmt = z.enum(['json', 'xml']);
const CLOSED = ['closed', 'evaluated', 'cancelled', 'merged'] as const;

/** sha256 of an API key: what case_api_keys stores. */
export const hashKey = (k: string) => createHash('sha256').update(k).digest('hex');

function send(reply: FastifyReply, format: 'json' | 'xml', root: string, value: XmlValue, status = 200) {
  if (format === 'xml') return reply.status(status).type('application/xml; charset=utf-8').send(toXml(root, value));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

const postBody = z.object({
  api_key: z.string().min(1).max(200),
  service_code: z.string().min(1).max(20),
  lat: z.coerce.number().optional(),
  long: z.coerce.number().optional(),
  address_string: z.string().max(200).optional(),
  description: z.string().trim().min(1).max(2000),
  email: z.string().max(200).optional(),
  first_name: z.string().max(50).optional(),
  last_name: z.string().max(50).optional(),
  phone: z.string().max(30).optional(),
  device_id: z.string().max(100).optional(),
  account_id: z.string().max(100).optional(),
  media_url: z.string().max(500).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

/** Registers /open311/v2/ (encapsulated: its own form parser and error format). */
export function open311Routes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['open311'];
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    app.setErrorHandler((error, req: FastifyRequest, reply) => {
      const e = toAppError(error);
      const format = String(req.url).split('?')[0]!.endsWith('.xml') ? 'xml' : 'json';
      return send(
        reply,
        format,
        'errors',
        [{ code: e.status, description: errorMessage(e.code, langOf(req), e.params) }],
        e.status,
      );
    });

    app.get(
      '/open311/v2/services.:format',
      { schema: { tags, summary: 'GeoReport v2 service list', params: z.object({ format: fmt }) } },
      async (req, reply) => send(reply, req.params.format, 'services', serviceList(m, langOf(req))),
    );

    app.get(
      '/open311/v2/services/:code.:format',
      {
        schema: {
          tags,
          summary: 'GeoReport v2 service definition',
          params: z.object({ code: z.string().max(20), format: fmt }),
        },
      },
      async (req, reply) => {
        if (!m.category(req.params.code)) throw new AppError('NOT_FOUND');
        return send(reply, req.params.format, 'service_definition', serviceDefinition(req.params.code));
      },
    );

    app.post(
      '/open311/v2/requests.:format',
      {
        schema: {
          tags,
          summary: 'File a request (api_key required; demo key: demo-open311)',
          params: z.object({ format: fmt }),
        },
      },
      async (req, reply) => {
        const b = parseWith(postBody, req.body ?? {});
        const key = await m.db
          .selectFrom('case_api_keys')
          .select(['name', 'community_code'])
          .where('key_hash', '=', hashKey(b.api_key))
          .executeTakeFirst();
        if (!key) throw new AppError('OPEN311_BAD_API_KEY');
        if (b.lat === undefined || b.long === undefined) throw new AppError('CASE_LOCATION_REQUIRED');
        const name = [b.last_name, b.first_name].filter(Boolean).join('') || null;
        const { row } = await report(
          m,
          {
            who: { actor: null, lang: langOf(req), ip: req.ip },
            apiKey: { name: key.name, communityCode: key.community_code },
            contact: { name, phone: b.phone ?? b.email ?? null },
          },
          {
            categoryCode: b.service_code,
            description: b.description,
            location: { lon: b.long, lat: b.lat, crs: 'wgs84' },
            address: b.address_string,
          },
          [],
          null,
        );
        const token = uuidv7();
        await m.db.updateTable('cases').set({ open311_token: token }).where('id', '=', row.id).execute();
        return send(
          reply,
          req.params.format,
          'service_requests',
          [{ service_request_id: row.id, token, service_notice: '', account_id: null }],
          201,
        );
      },
    );

    const listQuery = z.object({
      service_request_id: z.string().max(2000).optional(),
      service_code: z.string().max(200).optional(),
      status: z.enum(['open', 'closed']).optional(),
      start_date: z.iso.datetime({ offset: true }).optional(),
      end_date: z.iso.datetime({ offset: true }).optional(),
      jurisdiction_id: z.string().optional(),
      lang: z.enum(['zh-CN', 'en']).optional(),
    });
    app.get(
      '/open311/v2/requests.:format',
      {
        schema: {
          tags,
          summary: 'Requests with filters (default: last 90 days, at most 1000)',
          params: z.object({ format: fmt }),
          querystring: listQuery,
        },
      },
      async (req, reply) => {
        const q = req.query;
        const end = q.end_date ? new Date(q.end_date) : new Date(m.clock().getTime() + 1);
        const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
        const ids = q.service_request_id
          ?.split(',')
          .map((s) => s.trim())
          .filter((s) => z.uuid().safeParse(s).success);
        const rows = await findRequests(m, {
          ids,
          codes: q.service_code?.split(','),
          status: q.status
            ? q.status === 'closed'
              ? [...CLOSED]
              : ['registered', 'dispatched', 'handling', 'resolved']
            : undefined,
          start,
          end,
        });
        return send(reply, req.params.format, 'service_requests', await presentRequest(m, rows, langOf(req)));
      },
    );

    app.get(
      '/open311/v2/requests/:id.:format',
      { schema: { tags, summary: 'One request', params: z.object({ id: z.string().max(60), format: fmt }) } },
      async (req, reply) => {
        if (!z.uuid().safeParse(req.params.id).success) throw new AppError('NOT_FOUND');
        const rows = await findRequests(m, { ids: [req.params.id] });
        if (!rows.length) throw new AppError('NOT_FOUND');
        return send(reply, req.params.format, 'service_requests', await presentRequest(m, rows, langOf(req)));
      },
    );

    app.get(
      '/open311/v2/tokens/:token.:format',
      {
        schema: {
          tags,
          summary: 'The request id of a token',
          params: z.object({ token: z.string().max(60), format: fmt }),
        },
      },
      async (req, reply) => {
        const r = await m.db
          .selectFrom('cases')
          .select(['id', 'open311_token'])
          .where('open311_token', '=', req.params.token)
          .executeTakeFirst();
        if (!r) throw new AppError('NOT_FOUND');
        return send(reply, req.params.format, 'service_requests', [
          { service_request_id: r.id, token: r.open311_token },
        ]);
      },
    );
  };
}
