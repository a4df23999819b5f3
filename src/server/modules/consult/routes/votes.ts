/** /api/consult/…/votes: open, cast online or on paper, close, tally, check a receipt. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { resultSchema } from '../present.ts';
import { drawingType } from '../service/deliberation.ts';
import * as votes from '../service/votes.ts';
import { base64, choice, ctxOf, errors, FILE_BODY_LIMIT, idParams, lang, tags } from './common.ts';

/** The vote routes. */
export function voteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/consult/topics/:id/votes',
      {
        schema: {
          tags,
          summary: 'Open a vote over the topic scope (owners: art. 278 with the declared total area; or households)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            title: z.string().trim().min(1).max(200),
            kind: z.enum(['owners', 'households']),
            matter: z.enum(['major', 'ordinary']),
            secret: z.boolean(),
            closesAt: z.iso.datetime({ offset: true }),
            declaredTotalArea: z.string().max(20).optional(),
            purpose: z.enum(['decision', 'acceptance']).optional(),
          }),
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (req, reply) => {
        const id = await votes.openVote(ctxOf(deps, req), req.params.id, {
          ...req.body,
          closesAt: new Date(req.body.closesAt),
        });
        return reply.code(201).send({ id });
      },
    );

    app.post(
      '/api/consult/votes/:id/ballot',
      {
        schema: {
          tags,
          summary: 'A resident of the scope votes online (owners’ votes: the registered owner only)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({ choice }),
          response: { 201: z.object({ receipt: z.string().nullable() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await votes.castOnline(ctxOf(deps, req), req.params.id, req.body.choice)),
    );

    app.post(
      '/api/consult/votes/:id/paper',
      {
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Staff enter a paper ballot: household, ballot serial number, choice and a scan (base64 image)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({
            householdId: z.uuid(),
            serial: z.string().trim().min(1).max(40),
            choice,
            scan: base64,
          }),
          response: { 201: z.object({ receipt: z.string().nullable() }), ...errors },
        },
      },
      async (req, reply) => {
        const scan = Buffer.from(req.body.scan, 'base64');
        const type = drawingType(scan, `scan ${req.body.serial}`);
        if (type !== 'image/jpeg' && type !== 'image/png') {
          throw new AppError('CONSULT_BAD_FILE', { params: { name: `scan ${req.body.serial}` } });
        }
        return reply.code(201).send(await votes.castPaper(ctxOf(deps, req), req.params.id, req.body));
      },
    );

    app.post(
      '/api/consult/votes/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a vote: the result is stored and never changes',
          params: idParams,
          querystring: z.object(lang),
          response: { 200: resultSchema, ...errors },
        },
      },
      async (req) => votes.closeVote(ctxOf(deps, req), req.params.id),
    );

    app.get(
      '/api/consult/votes/:id/tally',
      {
        schema: {
          tags,
          summary: 'The tally with each threshold and its numbers (running while open; staff in scope)',
          params: idParams,
          querystring: z.object(lang),
          response: {
            200: z.object({
              result: resultSchema,
              counts: z.object({ participants: z.number().int(), ballots: z.number().int() }),
              closed: z.boolean(),
            }),
            ...errors,
          },
        },
      },
      async (req) => votes.voteTally(ctxOf(deps, req), req.params.id),
    );

    app.post(
      '/api/consult/votes/:id/receipt',
      {
        schema: {
          tags,
          summary: 'Check a secret ballot with its receipt code (shows the recorded choice)',
          params: idParams,
          querystring: z.object(lang),
          body: z.strictObject({ code: z.string().trim().min(4).max(20) }),
          response: { 200: z.object({ choice }), ...errors },
        },
      },
      async (req) => votes.checkReceipt(ctxOf(deps, req), req.params.id, req.body.code),
    );
  };
}
