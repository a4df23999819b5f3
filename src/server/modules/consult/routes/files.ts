/** Drawings, project photos and projects: upload (base64 JSON), download (scope-checked), milestones. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { AppError } from '../../../platform/errors.ts';
import * as repo from '../repository.ts';
import { topicFor } from '../service/access.ts';
import * as delib from '../service/deliberation.ts';
import * as projects from '../service/projects.ts';
import { base64, ctxOf, errors, FILE_BODY_LIMIT, idParams, lang, sendFile, tags } from './common.ts';
import { binaryResponse } from '../../../platform/http/responses.ts';

const day = z.iso.date();

/** A stored image or PDF (drawings and project photos), or an error. */
const fileAnswer = {
  200: binaryResponse('The file', 'image/png', 'image/jpeg', 'image/svg+xml', 'application/pdf'),
  ...errors,
};
/** The file and project routes. */
export function fileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/consult/topics/:id/drawings',
      {
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Add the next version of the topic drawing (PNG, JPEG, SVG or PDF as base64)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            title: z.string().trim().min(1).max(200),
            note: z.string().trim().max(1000),
            filename: z.string().trim().min(1).max(120),
            data: base64,
          }),
          response: { 201: z.object({ id: z.string(), version: z.number().int() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await delib.addDrawing(ctxOf(deps, req), req.params.id, {
            ...req.body,
            data: Buffer.from(req.body.data, 'base64'),
          }),
        ),
    );

    app.get(
      '/api/consult/drawings/:id',
      { schema: { tags, summary: 'A drawing file (scope-checked)', params: idParams, response: fileAnswer } },
      async (req, reply) => {
        const d = await repo.getDrawing(deps.db, req.params.id);
        if (!d) throw new AppError('NOT_FOUND');
        await topicFor(ctxOf(deps, req), d.topic_id, 'read');
        return sendFile(reply, d.media_type, d.data, `drawing-v${d.version}`);
      },
    );

    app.post(
      '/api/consult/topics/:id/project',
      {
        schema: {
          tags,
          summary: 'Start the project of an approved topic (budget in fen, contractor, map point, 3 milestones)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            title: z.string().trim().min(1).max(200),
            budgetFen: z.number().int().min(0).max(1e13),
            contractor: z.string().trim().min(1).max(200),
            lon: z.number().min(-180).max(180),
            lat: z.number().min(-90).max(90),
            milestones: z.array(z.strictObject({ startsOn: day, dueOn: day })).length(3),
          }),
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send({ id: await projects.createProject(ctxOf(deps, req), req.params.id, req.body) }),
    );

    app.post(
      '/api/consult/projects/:id/milestones/:seq',
      {
        schema: {
          tags,
          summary: 'Set a milestone’s progress in % (100 = done); milestones finish in order',
          params: z.object({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(3) }),
          querystring: z.object(lang),
          body: z.strictObject({ progress: z.number().int().min(0).max(100) }),
          response: { 200: z.object({ progress: z.number().int() }), ...errors },
        },
      },
      async (req) => {
        await projects.setProgress(ctxOf(deps, req), req.params.id, req.params.seq, req.body.progress);
        return { progress: req.body.progress };
      },
    );

    app.post(
      '/api/consult/projects/:id/photos',
      {
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'A before/after photo of the project (PNG or JPEG as base64)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            phase: z.enum(['before', 'after']),
            filename: z.string().trim().min(1).max(120),
            data: base64,
          }),
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (req, reply) => {
        const data = Buffer.from(req.body.data, 'base64');
        const id = await projects.addPhoto(ctxOf(deps, req), req.params.id, req.body.phase, data, req.body.filename);
        return reply.code(201).send({ id });
      },
    );

    app.get(
      '/api/consult/photos/:id',
      { schema: { tags, summary: 'A project photo (scope-checked)', params: idParams, response: fileAnswer } },
      async (req, reply) => {
        const p = await repo.getPhoto(deps.db, req.params.id);
        if (!p) throw new AppError('NOT_FOUND');
        await projects.projectFor(ctxOf(deps, req), p.project_id, 'read');
        return sendFile(reply, p.media_type, p.data, `photo-${p.phase}`);
      },
    );
  };
}
