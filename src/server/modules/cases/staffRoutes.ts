/** Staff and worker routes: queue, list, map, overdue, metrics (+ xlsx), notifications, patrols. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/cursor.ts';
import type { CasesModule } from './module.ts';
import * as queries from './queries.ts';
import * as patrols from './patrols.ts';
import { whoOf } from './routes.ts';
import { parseWith } from './multipart.ts';
import { lang, listQuery, metricsQuery, placeCode, trackBody, uuid } from './schemas.ts';
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import { casePage, fullCaseSchema, notificationSchema, patrolSchema, statusSchema } from './responseSchemas.ts';
import { metricsBody } from './staffResponseSchemas.ts';

const E = errorResponses;
const patrolBody = z.object({ patrol: patrolSchema });

const DAY = 86_400_000;

/** Registers the staff routes. */
export function staffRoutes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    const q = z.object(lang);
    const range = (from?: string, to?: string) => {
      const t = to ? new Date(to) : new Date(m.clock().getTime() + 1);
      return { from: from ? new Date(from) : new Date(t.getTime() - 30 * DAY), to: t };
    };

    app.get(
      '/api/cases/queue',
      {
        schema: {
          tags,
          summary: 'My open cases, nearest deadline first (200 at most): { items, total, more }',
          querystring: q,
          response: {
            200: z.object({ items: z.array(fullCaseSchema), total: z.number().int(), more: z.boolean() }),
            ...E,
          },
        },
      },
      async (req) => queries.queue(m, whoOf(req)),
    );

    app.get(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Cases under a place with filters, newest first: { items, nextCursor, total }',
          querystring: listQuery,
          response: { 200: casePage, ...E },
        },
      },
      async (req) => {
        const { cursor, pageSize, from, to, lang: _l, ...f } = req.query;
        return queries.list(
          m,
          whoOf(req),
          { ...f, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) },
          cursor,
          pageSize,
        );
      },
    );

    app.get(
      '/api/cases/overdue',
      {
        schema: {
          tags,
          summary: 'Open cases past a deadline, newest first: { items, nextCursor, total }',
          querystring: z.object({ code: placeCode.optional(), ...pageQuery, ...lang }),
          response: { 200: casePage, ...E },
        },
      },
      async (req) =>
        queries.list(m, whoOf(req), { code: req.query.code, overdue: true }, req.query.cursor, req.query.pageSize),
    );

    app.get(
      '/api/cases/map',
      {
        schema: {
          tags,
          summary: 'Case points for clusters and heat: [lon, lat, weight, status, id]; { points, total, truncated }',
          querystring: listQuery,
          response: {
            200: z.object({
              total: z.number().int(),
              truncated: z.boolean(),
              points: z.array(z.tuple([z.number(), z.number(), z.number(), statusSchema, z.string()])),
            }),
            ...E,
          },
        },
      },
      async (req) => {
        const { from, to, code, status } = req.query;
        return queries.mapData(m, whoOf(req), {
          code,
          status,
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
        });
      },
    );

    app.get(
      '/api/cases/metrics',
      {
        schema: {
          tags,
          summary: '响应率, 解决率, 满意率, 结案率, 按期结案率, 返工率, 延期率 per grid/community/street',
          querystring: metricsQuery,
          response: { 200: metricsBody, ...E },
        },
      },
      async (req) =>
        queries.metrics(m, whoOf(req), {
          code: req.query.code,
          groupBy: req.query.groupBy,
          ...range(req.query.from, req.query.to),
        }),
    );

    app.get(
      '/api/cases/metrics.xlsx',
      {
        schema: {
          tags,
          summary: 'The indicators as an xlsx workbook',
          querystring: metricsQuery,
          response: {
            200: binaryResponse('The workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
            ...E,
          },
        },
      },
      async (req, reply) => {
        const who = whoOf(req);
        const r = await queries.metrics(m, who, {
          code: req.query.code,
          groupBy: req.query.groupBy,
          ...range(req.query.from, req.query.to),
        });
        // Written by the streaming WorkbookWriter straight into the response (like every export).
        const out = new PassThrough();
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
        const ws = wb.addWorksheet('指标 Indicators');
        const keys = [
          'response',
          'resolution',
          'satisfaction',
          'closure',
          'onTimeClosure',
          'rework',
          'extension',
        ] as const;
        ws.addRow([
          '编码 code',
          '名称 name',
          '立案 registered',
          '应结案 due',
          '结案 closed',
          '按期结案 on time',
          ...keys.map((k) => r.definitions[k].zh.split(' =')[0]),
        ]);
        for (const row of r.rows)
          ws.addRow([
            row.code,
            row.name,
            row.registered,
            row.due,
            row.closed,
            row.closedOnTime,
            ...keys.map((k) => row.rates[k]),
          ]);
        ws.addRow([]);
        ws.addRow([`${r.from} – ${r.to}`]);
        for (const k of keys) ws.addRow([r.definitions[k].zh, r.definitions[k].en]);
        ws.commit();
        wb.commit().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="case-metrics.xlsx"')
          .send(out);
      },
    );

    app.get(
      '/api/cases/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications (newest first)',
          querystring: z.object({ after: z.iso.datetime({ offset: true }).optional(), ...lang }),
          response: { 200: z.object({ more: z.boolean(), items: z.array(notificationSchema) }), ...E },
        },
      },
      async (req) => queries.notifications(m, whoOf(req), req.query.after ? new Date(req.query.after) : null),
    );
    app.post(
      '/api/cases/notifications/read',
      {
        schema: {
          tags,
          summary: 'Mark notifications read (all when ids omitted); ok: false without a session',
          querystring: q,
          response: { 200: z.object({ ok: z.boolean() }), ...E },
        },
      },
      async (req) => {
        const who = whoOf(req);
        if (!who.actor) return { ok: false };
        const { markNotificationsRead } = await import('./repository.ts');
        await markNotificationsRead(
          m.db,
          who.actor.accountId,
          parseWith(z.strictObject({ ids: z.array(uuid).max(500).optional() }), req.body ?? {}).ids ?? null,
          m.clock(),
        );
        return { ok: true };
      },
    );

    const params = z.object({ id: uuid });
    app.post(
      '/api/cases/patrols',
      { schema: { tags, summary: 'Start a patrol', querystring: q, response: { 201: patrolBody, ...E } } },
      async (req, reply) => reply.status(201).send({ patrol: await patrols.start(m, whoOf(req)) }),
    );
    app.get(
      '/api/cases/patrols/:id',
      { schema: { tags, summary: 'One of my patrols', params, querystring: q, response: { 200: patrolBody, ...E } } },
      async (req) => ({ patrol: await patrols.get(m, whoOf(req), req.params.id) }),
    );
    app.post(
      '/api/cases/patrols/:id/track',
      {
        schema: {
          tags,
          summary: 'Append GPS track points',
          params,
          querystring: q,
          body: trackBody,
          response: { 200: patrolBody, ...E },
        },
      },
      async (req) => ({ patrol: await patrols.track(m, whoOf(req), req.params.id, req.body.points) }),
    );
    app.post(
      '/api/cases/patrols/:id/stop',
      { schema: { tags, summary: 'Stop a patrol', params, querystring: q, response: { 200: patrolBody, ...E } } },
      async (req) => ({ patrol: await patrols.stop(m, whoOf(req), req.params.id) }),
    );
  };
}
