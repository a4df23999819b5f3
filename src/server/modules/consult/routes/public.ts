/**
 * /api/public/consult/…: no login. Only published topics (from 公示 on), through the public presenter; the tally
 * file of a closed owners' vote on a published topic, which `linli vote tally` reproduces; drawings and photos of
 * published topics. Anything else is 404, whether it exists or not.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { presentPublic, publicTopicSchema } from '../present.ts';
import * as repo from '../repository.ts';
import { loadTopic } from '../service/detail.ts';
import { tallyFileOf } from '../service/votes.ts';
import { idParams, lang, sendFile } from './common.ts';
import { binaryResponse, errorResponses } from '../../../platform/http/responses.ts';

const tags = ['consult', 'public'];
const errors = errorResponses;

/** A stored image or PDF (drawings and project photos), or an error. */
const fileAnswer = {
  200: binaryResponse('The file', 'image/png', 'image/jpeg', 'image/svg+xml', 'application/pdf'),
  ...errors,
};
/** A published topic or 404. */
async function published(deps: AppDeps, topicId: string) {
  const t = await repo.getTopic(deps.db, topicId);
  if (!t?.published) throw new AppError('NOT_FOUND');
  return t;
}

/** The public routes. */
export function publicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/consult/:community/topics',
      {
        schema: {
          tags,
          summary: 'Published topics of a community',
          params: z.object({ community: z.string().regex(/^\d{12}$/) }),
          querystring: z.object(lang),
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), title: z.string(), stage: z.string(), scopeName: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        items: (await repo.publishedTopics(deps.db, req.params.community)).map((t) => ({
          id: t.id,
          title: t.title,
          stage: t.stage,
          scopeName: t.scope_name,
        })),
      }),
    );

    app.get(
      '/api/public/consult/topics/:id',
      {
        schema: {
          tags,
          summary: 'A published topic: timeline, drawings and versions, minutes, closed votes with their tally',
          params: idParams,
          querystring: z.object(lang),
          response: { 200: publicTopicSchema, ...errors },
        },
      },
      async (req) => presentPublic(await loadTopic(deps.db, await published(deps, req.params.id))),
    );

    app.get(
      '/api/public/consult/votes/:id/tally.json',
      {
        schema: {
          tags,
          summary: 'The tally file of a closed owners’ vote: `npx linli vote tally FILE.json` reproduces the result',
          params: idParams,
          response: {
            200: z.object({
              matter: z.enum(['major', 'ordinary']),
              units: z.array(
                z.object({ unit: z.string(), area: z.string(), owner: z.string(), developerUnsold: z.boolean() }),
              ),
              ballots: z.array(z.object({ owner: z.string(), choice: z.enum(['yes', 'no', 'abstain']) })),
            }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const v = await repo.getVote(deps.db, req.params.id);
        if (!v) throw new AppError('NOT_FOUND');
        await published(deps, v.topic_id);
        const file = await tallyFileOf(deps.db, v);
        if (!file) throw new AppError('NOT_FOUND');
        reply.header('content-disposition', `attachment; filename="tally-${v.id}.json"`);
        return file;
      },
    );

    app.get(
      '/api/public/consult/drawings/:id',
      { schema: { tags, summary: 'A drawing of a published topic', params: idParams, response: fileAnswer } },
      async (req, reply) => {
        const d = await repo.getDrawing(deps.db, req.params.id);
        if (!d) throw new AppError('NOT_FOUND');
        await published(deps, d.topic_id);
        return sendFile(reply, d.media_type, d.data, `drawing-v${d.version}`);
      },
    );

    app.get(
      '/api/public/consult/photos/:id',
      { schema: { tags, summary: 'A project photo of a published topic', params: idParams, response: fileAnswer } },
      async (req, reply) => {
        const p = await repo.getPhoto(deps.db, req.params.id);
        if (!p) throw new AppError('NOT_FOUND');
        const project = await repo.getProject(deps.db, p.project_id);
        if (!project) throw new AppError('NOT_FOUND');
        await published(deps, project.topic_id);
        return sendFile(reply, p.media_type, p.data, `photo-${p.phase}`);
      },
    );
  };
}
