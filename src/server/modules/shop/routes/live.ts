/** /api/shop live-stream and settlement routes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ShopModule } from '../module.ts';
import * as live from '../service/live.ts';
import * as settlement from '../service/settlement.ts';
import { community, communityQuery, date, errors, idParams, lang, platform } from '../schemas.ts';
import {
  boardOut,
  importOut,
  mappingBody,
  mappingOut,
  periodBody,
  previewOut,
  sessionBody,
  sessionOut,
  settingsBody,
  settingsOut,
  settlementOut,
} from '../schemasLive.ts';
import { idemKey, oneFile, whoOf } from './http.ts';

/** Largest order export accepted (bytes). */
const MAX_EXPORT = 10 * 1024 * 1024;

/** Registers the live-stream and settlement routes. */
export function liveRoutes(m: ShopModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['shop'];
    const q = z.object(lang);
    app.get(
      '/api/shop/live/sessions',
      {
        schema: {
          tags,
          summary: 'Live-stream sessions, newest first',
          querystring: communityQuery,
          response: { 200: z.object({ items: z.array(sessionOut) }), ...errors },
        },
      },
      async (req) => ({ items: await live.sessions(m, whoOf(req), req.query.community) }),
    );
    app.post(
      '/api/shop/live/sessions',
      {
        schema: {
          tags,
          summary: 'Plan a live-stream session (time, host, platform, product line-up)',
          querystring: q,
          body: sessionBody,
          response: { 201: z.object({ session: sessionOut }), ...errors },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const input = { ...b, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) };
        return reply.status(201).send({ session: await live.createSession(m, whoOf(req), input) });
      },
    );
    app.get(
      '/api/shop/live/sessions/:id/board',
      {
        schema: {
          tags,
          summary: 'The live board of a session: orders and revenue so far, per product, the latest orders',
          params: idParams,
          querystring: q,
          response: { 200: boardOut, ...errors },
        },
      },
      async (req) => live.board(m, whoOf(req), req.params.id),
    );
    app.post(
      '/api/shop/live/sessions/:id/import',
      {
        schema: {
          tags,
          summary: "Import the platform's order export (multipart; CSV UTF-8/GBK or xlsx); all rows or none",
          params: idParams,
          querystring: q,
          response: { 200: importOut, ...errors },
        },
      },
      async (req) => live.importOrders(m, whoOf(req), req.params.id, () => oneFile(req, MAX_EXPORT)),
    );
    app.get(
      '/api/shop/live/mappings',
      {
        schema: {
          tags,
          summary: 'Column mapping of each platform (saved, or the built-in one)',
          querystring: communityQuery,
          response: { 200: z.object({ items: z.array(mappingOut) }), ...errors },
        },
      },
      async (req) => ({ items: await live.mappings(m, whoOf(req), req.query.community) }),
    );
    app.put(
      '/api/shop/live/mappings/:platform',
      {
        schema: {
          tags,
          summary: "Save a platform's column mapping",
          params: z.object({ platform }),
          querystring: communityQuery,
          body: mappingBody,
          response: { 200: mappingOut, ...errors },
        },
      },
      async (req) => live.saveMapping(m, whoOf(req), req.params.platform, req.body, req.query.community),
    );
    app.get(
      '/api/shop/settings',
      {
        schema: {
          tags,
          summary: "The fund's share of gross profit (basis points: 3000 = 30 %)",
          querystring: communityQuery,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => settlement.settings(m, whoOf(req), req.query.community),
    );
    app.put(
      '/api/shop/settings',
      {
        schema: {
          tags,
          summary: "Set the fund's share (community staff)",
          querystring: q,
          body: settingsBody,
          response: { 200: settingsOut, ...errors },
        },
      },
      async (req) => settlement.saveSettings(m, whoOf(req), req.body.fundShareBp, req.body.community),
    );
    app.get(
      '/api/shop/settlements',
      {
        schema: {
          tags,
          summary: 'Settled periods',
          querystring: communityQuery,
          response: { 200: z.object({ items: z.array(settlementOut) }), ...errors },
        },
      },
      async (req) => ({ items: await settlement.list(m, whoOf(req), req.query.community) }),
    );
    app.get(
      '/api/shop/settlements/preview',
      {
        schema: {
          tags,
          summary: 'Gross profit of a period per channel and product, and the share, without settling',
          querystring: z.object({ ...community, from: date, to: date, ...lang }),
          response: { 200: previewOut, ...errors },
        },
      },
      async (req) => settlement.preview(m, whoOf(req), req.query),
    );
    app.post(
      '/api/shop/settlements',
      {
        schema: {
          tags,
          summary: 'Settle a closed period; the share goes to the community fund once (Idempotency-Key)',
          querystring: q,
          body: periodBody,
          response: {
            200: z.object({ settlement: settlementOut }),
            201: z.object({ settlement: settlementOut }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const r = await settlement.run(m, whoOf(req), req.body, idemKey(req));
        return reply.status(r.replayed ? 200 : 201).send({ settlement: r.settlement });
      },
    );
  };
}
