/** /api/notices: send (staff), lists and read counts, the resident's notices, the urgent walk list. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/cursor.ts';
import * as service from './service.ts';
import type { NoticesCtx, Who } from './service.ts';
import { errorBody } from '../../platform/http/responses.ts';

const whoOf = (req: FastifyRequest): Who => ({ actor: req.actor, ip: req.ip });
const uuid = z.uuid();
const placeCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{2,3})?)?)?$/, 'a 6/9/12/14/15-digit code');
const gridCode = z.string().regex(/^\d{14,15}$/, 'a 14/15-digit grid code');
const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
const errorOut = errorBody;
const errors = { '4xx': errorOut, '5xx': errorOut };

const scopeIn = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('community') }),
  z.strictObject({ kind: z.literal('grid'), value: gridCode }),
  z.strictObject({ kind: z.literal('compound'), value: uuid }),
  z.strictObject({ kind: z.literal('building'), value: uuid }),
  z.strictObject({ kind: z.literal('tag'), value: z.string().trim().min(1).max(20) }),
]);
const sendBody = z.strictObject({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(5000),
  urgent: z.boolean().default(false),
  scope: scopeIn,
});

/** A notice as staff and grid workers see it (no personal data). */
const noticeOut = z.strictObject({
  id: z.string(),
  communityCode: z.string(),
  scope: z.strictObject({ kind: z.string(), value: z.string(), label: z.string() }),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  senderName: z.string(),
  sentAt: z.string(),
  households: z.number().int(),
  read: z.number().int(),
  told: z.number().int(),
});
const detailOut = z.object({
  notice: noticeOut,
  grids: z.array(
    z.strictObject({
      gridCode: z.string().nullable(),
      gridName: z.string().nullable(),
      households: z.number().int(),
      read: z.number().int(),
      told: z.number().int(),
    }),
  ),
});
/** The walk list (grid worker of the grid, community staff): addresses and the owner's name. */
const walkOut = z.object({
  noticeId: z.string(),
  gridCode: z.string(),
  start: z.string().nullable(),
  items: z.array(
    z.strictObject({
      order: z.number().int(),
      householdId: z.string(),
      building: z.string().nullable(),
      unit: z.string(),
      room: z.string(),
      ownerName: z.string(),
      lon: z.number().nullable(),
      lat: z.number().nullable(),
      toldAt: z.string().nullable(),
    }),
  ),
});
/** A notice as a resident sees it (no counts, no sender account). */
const residentNoticeOut = z.strictObject({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  senderName: z.string(),
  sentAt: z.string(),
  read: z.boolean(),
});

/** Registers the notice routes. */
export function noticeRoutes(ctx: NoticesCtx): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notices'];
    const params = z.strictObject({ id: uuid });
    const q = z.strictObject(lang);
    app.get(
      '/api/notices/scopes',
      {
        schema: {
          tags,
          summary: 'Places and tags a sender may address (community staff)',
          querystring: q,
          response: {
            200: z.object({
              communityCode: z.string(),
              grids: z.array(z.object({ code: z.string(), name: z.string() })),
              compounds: z.array(z.object({ id: z.string(), name: z.string() })),
              buildings: z.array(z.object({ id: z.string(), name: z.string() })),
              tags: z.array(z.string()),
            }),
            ...errors,
          },
        },
      },
      async (req) => service.scopes(ctx, whoOf(req)),
    );
    app.post(
      '/api/notices/send',
      {
        schema: {
          tags,
          summary: 'Send a notice to a scope of the community (refused when the scope holds no household)',
          body: sendBody,
          querystring: q,
          response: { 201: detailOut, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await service.send(ctx, whoOf(req), req.body)),
    );
    app.get(
      '/api/notices/list',
      {
        schema: {
          tags,
          summary: 'Notices under the viewer’s scope, newest first, with read counts',
          querystring: z.strictObject({ ...lang, ...pageQuery, code: placeCode.optional() }),
          response: { 200: z.object({ items: z.array(noticeOut), nextCursor: z.string().nullable() }), ...errors },
        },
      },
      async (req) => service.list(ctx, whoOf(req), req.query),
    );
    app.get(
      '/api/notices/mine',
      {
        schema: {
          tags,
          summary: 'The notices addressed to the resident’s household',
          querystring: q,
          response: { 200: z.object({ items: z.array(residentNoticeOut) }), ...errors },
        },
      },
      async (req) => service.mine(ctx, whoOf(req)),
    );
    app.get(
      '/api/notices/:id',
      {
        schema: {
          tags,
          summary: 'One notice with read counts per grid',
          params,
          querystring: q,
          response: { 200: detailOut, ...errors },
        },
      },
      async (req) => service.detail(ctx, whoOf(req), req.params.id),
    );
    app.post(
      '/api/notices/:id/read',
      {
        schema: {
          tags,
          summary: 'The resident opened the notice: their household has read it',
          params,
          querystring: q,
          response: { 200: z.object({ id: z.string(), read: z.boolean() }), ...errors },
        },
      },
      async (req) => service.markRead(ctx, whoOf(req), req.params.id),
    );
    app.get(
      '/api/notices/:id/walk',
      {
        schema: {
          tags,
          summary: 'Urgent notice: households of a grid that have not read it, in walking order',
          params,
          querystring: z.strictObject({ ...lang, grid: gridCode.optional() }),
          response: { 200: walkOut, ...errors },
        },
      },
      async (req) => service.walk(ctx, whoOf(req), req.params.id, req.query.grid),
    );
    app.post(
      '/api/notices/:id/households/:householdId/told',
      {
        schema: {
          tags,
          summary: 'Record that the household was told the urgent notice in person',
          params: z.strictObject({ id: uuid, householdId: uuid }),
          querystring: q,
          response: {
            200: z.object({ householdId: z.string(), toldAt: z.string().nullable(), readAt: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (req) => service.tell(ctx, whoOf(req), req.params.id, req.params.householdId),
    );
  };
}
