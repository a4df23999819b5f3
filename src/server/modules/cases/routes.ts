/** /api/cases: reporting, the case page, workflow actions, notes, "me too", resident confirmation and rating. */
import { shanghaiDate } from '../../../shared/time.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/cursor.ts';
import { langOf } from '../../platform/http/errorHandler.ts';
import { AppError } from '../../platform/errors.ts';
import type { Action } from './domain/workflow.ts';
import { yearTable } from './domain/calendar.ts';
import type { CasesModule, Who } from './module.ts';
import * as service from './service.ts';
import * as queries from './queries.ts';
import { actionBody, confirmBody, crs, helpBody, lang, noteBody, rateBody, reportBody, uuid } from './schemas.ts';
import { parseWith, readBodyAndPhotos } from './multipart.ts';
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import {
  caseBody,
  caseEventSchema,
  casePage,
  categorySchema,
  fullCaseBody,
  publicCaseSchema,
} from './responseSchemas.ts';
import { yearTableSchema } from './staffResponseSchemas.ts';

const E = errorResponses;
/** A report answers 201, or 200 when an Idempotency-Key replays an earlier one. */
const created = { 200: fullCaseBody, 201: fullCaseBody, ...E };

/** The per-request context. */
export function whoOf(req: FastifyRequest): Who {
  return { actor: req.actor, lang: langOf(req), ip: req.ip };
}

const idemKey = (req: FastifyRequest): string | null => {
  const k = req.headers['idempotency-key'];
  if (k === undefined) return null;
  if (typeof k !== 'string' || !/^[\x21-\x7e]{8,100}$/.test(k))
    throw new AppError('VALIDATION_FAILED', { params: { detail: 'Idempotency-Key: 8–100 visible ASCII characters' } });
  return k;
};

/** Registers the resident- and case-level routes. */
export function caseRoutes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    const params = z.object({ id: uuid });
    const q = z.object(lang);
    const view = async (req: FastifyRequest, row: Parameters<typeof queries.present>[2][number]) =>
      (await queries.present(m, whoOf(req), [row]))[0]!;

    app.get(
      '/api/cases/categories',
      {
        schema: {
          tags,
          summary: 'Case classes with their deadlines',
          querystring: q,
          response: { 200: z.object({ categories: z.array(categorySchema) }), ...E },
        },
      },
      async () => ({ categories: [...m.opts.categories] }),
    );
    app.get(
      '/api/cases/calendar',
      {
        schema: {
          tags,
          summary: 'Working calendar of a year (holidays, 调休 days, hours)',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: yearTableSchema, ...E },
        },
      },
      // default: this year in Shanghai (it was a fixed 2026)
      async (req) => yearTable(m.opts.calendar, req.query.year ?? Number(shanghaiDate(m.clock()).slice(0, 4))),
    );

    app.post(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Report a case (JSON, or multipart `data` + up to 6 `photos`); Idempotency-Key header',
          querystring: q,
          response: created,
        },
      },
      async (req, reply) => {
        const who = whoOf(req);
        if (!who.actor) throw new AppError('UNAUTHENTICATED');
        const key = idemKey(req);
        const { body, files } = await readBodyAndPhotos(req, m.opts.maxPhotos);
        const input = parseWith(reportBody, body);
        const { row, replayed, photoIds } = await service.report(m, { who }, input, files, key);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply
          .status(replayed ? 200 : 201)
          .send({ case: photoIds ? queries.presentCreated(m, who, row, photoIds) : await view(req, row) });
      },
    );

    app.post(
      '/api/cases/help',
      { schema: { tags, summary: 'One-press urgent help (独居老人)', querystring: q, response: created } },
      async (req, reply) => {
        const { row, replayed } = await service.help(m, whoOf(req), parseWith(helpBody, req.body ?? {}).note);
        return reply.status(replayed ? 200 : 201).send({ case: await view(req, row) });
      },
    );

    app.get(
      '/api/cases/duplicates',
      {
        schema: {
          tags,
          summary: 'Open cases of the class within 50 m in the last 7 days',
          querystring: z.object({
            categoryCode: z.string().max(20),
            lon: z.coerce.number(),
            lat: z.coerce.number(),
            crs,
            ...lang,
          }),
          response: {
            200: z.object({ duplicates: z.array(publicCaseSchema.extend({ distanceM: z.number() })) }),
            ...E,
          },
        },
      },
      async (req) => queries.duplicates(m, whoOf(req), req.query),
    );

    app.get(
      '/api/cases/mine',
      {
        schema: {
          tags,
          summary: 'Cases I reported or support, newest first: { items, nextCursor, total }',
          querystring: z.object({ ...pageQuery, pageSize: pageQuery.pageSize.default(50), ...lang }),
          response: { 200: casePage, ...E },
        },
      },
      async (req) => queries.mine(m, whoOf(req), req.query.cursor, req.query.pageSize),
    );

    app.get(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: 'One case (full for staff and the reporter, public otherwise)',
          params,
          querystring: q,
          response: { 200: caseBody, ...E },
        },
      },
      async (req) => ({ case: await queries.caseDetail(m, whoOf(req), req.params.id) }),
    );

    app.get(
      '/api/cases/:id/history',
      {
        schema: {
          tags,
          summary: 'Every step of a case',
          params,
          querystring: q,
          response: { 200: z.object({ events: z.array(caseEventSchema) }), ...E },
        },
      },
      async (req) => ({ events: await queries.history(m, whoOf(req), req.params.id) }),
    );

    app.get(
      '/api/cases/photos/:id',
      {
        schema: {
          tags,
          summary: 'A case photo (JPEG)',
          params,
          response: { 200: binaryResponse('The photo', 'image/jpeg', 'image/png'), ...E },
        },
      },
      async (req, reply) => {
        const p = await queries.photo(m, whoOf(req), req.params.id);
        return reply.type(p.mime).header('cache-control', 'private, max-age=3600').send(p.data);
      },
    );

    app.post(
      '/api/cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'A workflow action (签收, 回退, 派遣, 反馈, 核查, 延期, 上报, 督办, 合并, 撤销)',
          params,
          querystring: q,
          body: actionBody,
          response: { 200: fullCaseBody, ...E },
        },
      },
      async (req) => {
        const { action: type, version, note, public: isPublic, ...rest } = req.body;
        const action = { type, ...rest } as Action;
        const n = note ?? ('reason' in rest && typeof rest.reason === 'string' ? rest.reason : null);
        const o = { note: n, version, public: isPublic === true };
        return { case: await view(req, await service.act(m, whoOf(req), req.params.id, action, o)) };
      },
    );

    app.post(
      '/api/cases/:id/notes',
      {
        schema: {
          tags,
          summary: 'A progress note with photos (JSON or multipart)',
          params,
          querystring: q,
          response: { 201: z.object({ event: z.object({ id: z.string(), at: z.string() }) }), ...E },
        },
      },
      async (req, reply) => {
        const { body, files } = await readBodyAndPhotos(req, m.opts.maxPhotos);
        const { note, public: isPublic } = parseWith(noteBody, body);
        const event = await service.addNote(m, whoOf(req), req.params.id, note, files, isPublic === true);
        return reply.status(201).send({ event });
      },
    );

    app.post(
      '/api/cases/:id/support',
      {
        schema: {
          tags,
          summary: '"Me too": support an open case',
          params,
          querystring: q,
          response: { 200: caseBody.extend({ supporters: z.number().int() }), ...E },
        },
      },
      async (req) => {
        const row = await service.support(m, whoOf(req), req.params.id);
        const c = await queries.caseDetail(m, whoOf(req), row.id);
        return { case: c, supporters: c.supporters };
      },
    );

    app.post(
      '/api/cases/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Resident: fixed? yes → closed, no → rework',
          params,
          querystring: q,
          body: confirmBody,
          response: { 200: fullCaseBody, ...E },
        },
      },
      async (req) => ({
        case: await view(
          req,
          await service.act(
            m,
            whoOf(req),
            req.params.id,
            { type: 'confirm', fixed: req.body.fixed },
            { note: req.body.note ?? null },
          ),
        ),
      }),
    );

    app.post(
      '/api/cases/:id/rate',
      {
        schema: {
          tags,
          summary: 'Resident: 1–5 satisfaction with comment',
          params,
          querystring: q,
          body: rateBody,
          response: { 200: fullCaseBody, ...E },
        },
      },
      async (req) => ({
        case: await view(
          req,
          await service.act(
            m,
            whoOf(req),
            req.params.id,
            { type: 'rate', score: req.body.score },
            { note: req.body.comment ?? null, comment: req.body.comment },
          ),
        ),
      }),
    );
  };
}
