/** /api/consult/topics…: raise, list, read (per audience), stage, comments, supports, proposals, meetings. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { presentResident, presentStaff, residentTopicSchema, staffTopicSchema, topicLine } from '../present.ts';
import { topicFor } from '../service/access.ts';
import * as delib from '../service/deliberation.ts';
import { loadTopic } from '../service/detail.ts';
import * as topics from '../service/topics.ts';
import { myParticipation } from '../service/votes.ts';
import * as repo from '../repository.ts';
import { ctxOf, errors, idParams, lang, tags } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const created = { 201: z.object({ id: z.string() }), ...errors };

/** The topic routes. */
export function topicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/consult/topics',
      {
        schema: {
          tags,
          summary: 'Topics the caller may read (staff: under their scope; residents: whose scope holds their home)',
          querystring: z.object(lang),
          response: { 200: z.object({ items: z.array(topicLine) }), ...errors },
        },
      },
      async (req) => {
        const rows = await topics.listTopics(ctxOf(deps, req));
        return {
          items: rows.map((t) => ({
            id: t.id,
            title: t.title,
            stage: t.stage,
            scopeName: t.scope_name,
            published: t.published,
            updatedAt: t.updated_at.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/api/consult/topics',
      {
        schema: {
          tags,
          summary: 'Raise a topic over a registry scope (community, grid, compound, building); staff may link cases',
          querystring: z.object(lang),
          body: z.strictObject({
            communityCode: z.string().regex(/^\d{12}$/),
            scope: z.strictObject({
              kind: z.enum(['community', 'grid', 'compound', 'building']),
              id: z.string().min(1).max(40),
            }),
            title: text(200),
            body: text(5000),
            caseIds: z.array(z.uuid()).max(200).optional(),
          }),
          response: created,
        },
      },
      async (req, reply) => reply.code(201).send({ id: await topics.createTopic(ctxOf(deps, req), req.body) }),
    );

    app.get(
      '/api/consult/topics/:id',
      {
        schema: {
          tags,
          summary: 'A topic: timeline, discussion, meetings, drawings, votes, project (cut for the caller)',
          params: idParams,
          querystring: z.object(lang),
          response: { 200: z.union([staffTopicSchema, residentTopicSchema]), ...errors },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        const t = await topicFor(ctx, req.params.id, 'read');
        const loaded = await loadTopic(ctx.db, t);
        if (ctx.actor.role !== 'resident') return presentStaff(loaded);
        const mine: Record<string, 'online' | 'paper' | null> = {};
        for (const v of loaded.votes) {
          const row = await repo.getVote(ctx.db, v.id);
          if (row) mine[v.id] = await myParticipation(ctx, row);
        }
        return presentResident(loaded, mine);
      },
    );

    app.post(
      '/api/consult/topics/:id/stage',
      {
        schema: {
          tags,
          summary: 'Move the topic to its next stage (征集→协商→表决→公示→实施→验收→评价), dated',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            to: z.enum(['collect', 'deliberate', 'vote', 'publicity', 'implement', 'acceptance', 'review']),
            note: z.string().trim().max(500).optional(),
          }),
          response: { 200: z.object({ stage: z.string() }), ...errors },
        },
      },
      async (req) => {
        await topics.advanceStage(ctxOf(deps, req), req.params.id, req.body.to, req.body.note ?? null);
        return { stage: req.body.to };
      },
    );

    app.post(
      '/api/consult/topics/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a topic or reply to a comment',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({ body: text(2000), parentId: z.uuid().optional() }),
          response: created,
        },
      },
      async (req, reply) =>
        reply.code(201).send({
          id: await delib.comment(ctxOf(deps, req), req.params.id, req.body.body, req.body.parentId ?? null),
        }),
    );

    app.post(
      '/api/consult/topics/:id/support',
      {
        schema: {
          tags,
          summary: 'Support a topic (residents of the scope, once each)',
          params: idParams,
          querystring: z.object(lang),
          response: { 200: z.object({ supports: z.number().int() }), ...errors },
        },
      },
      async (req) => ({ supports: await delib.support(ctxOf(deps, req), req.params.id) }),
    );

    app.post(
      '/api/consult/topics/:id/proposals',
      {
        schema: {
          tags,
          summary: 'A proposal with its alternatives',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({ title: text(200), body: text(5000), alternatives: z.array(text(500)).max(10) }),
          response: created,
        },
      },
      async (req, reply) =>
        reply.code(201).send({ id: await delib.propose(ctxOf(deps, req), req.params.id, req.body) }),
    );

    app.post(
      '/api/consult/topics/:id/meetings',
      {
        schema: {
          tags,
          summary: 'Record a meeting (议事会, 居民代表会议, 业主大会): agenda, households present, minutes, decisions',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            kind: z.enum(['council', 'representatives', 'owners_assembly']),
            heldAt: z.iso.datetime({ offset: true }),
            agenda: z.array(text(300)).min(1).max(30),
            households: z.array(z.uuid()).max(5000),
            minutes: text(20_000),
            decisions: z.array(text(500)).max(30),
          }),
          response: created,
        },
      },
      async (req, reply) =>
        reply.code(201).send({
          id: await delib.recordMeeting(ctxOf(deps, req), req.params.id, {
            ...req.body,
            heldAt: new Date(req.body.heldAt),
          }),
        }),
    );
  };
}
