/** /api/shop till and stock routes: sales with receipts, refunds, stock levels and movements. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiDayBound } from '../../../../shared/time.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ShopModule } from '../module.ts';
import * as till from '../service/till.ts';
import * as stock from '../service/stock.ts';
import {
  community,
  communityQuery,
  errors,
  idParams,
  lang,
  moveBody,
  moveOut,
  movesOut,
  receiptOut,
  refundBody,
  saleBody,
  salesQuery,
  stockOut,
  uuid,
} from '../schemas.ts';
import { idemKey, whoOf } from './http.ts';

/** Registers the till and stock routes. */
export function tillRoutes(m: ShopModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['shop'];
    const q = z.object(lang);
    app.post(
      '/api/shop/sales',
      {
        schema: {
          tags,
          summary: 'Ring up a sale; answers the receipt (Idempotency-Key: a retry answers the same receipt)',
          querystring: q,
          body: saleBody,
          response: { 200: z.object({ receipt: receiptOut }), 201: z.object({ receipt: receiptOut }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await till.sell(m, whoOf(req), req.body, idemKey(req));
        if (r.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(r.replayed ? 200 : 201).send({ receipt: r.value });
      },
    );
    app.get(
      '/api/shop/sales',
      {
        schema: {
          tags,
          summary: 'Sales between two Shanghai dates (both included), newest first, at most 500',
          querystring: salesQuery,
          response: { 200: z.object({ items: z.array(receiptOut) }), ...errors },
        },
      },
      async (req) => {
        const from = shanghaiDayBound(req.query.from);
        const to = shanghaiDayBound(req.query.to, true);
        if (!from || !to) throw new AppError('VALIDATION_FAILED', { params: { detail: 'from/to' } });
        const f = { community: req.query.community, from: new Date(from), to: new Date(to) };
        return { items: await till.listSales(m, whoOf(req), f) };
      },
    );
    app.get(
      '/api/shop/sales/:id',
      {
        schema: {
          tags,
          summary: 'The receipt of a sale',
          params: idParams,
          querystring: q,
          response: { 200: z.object({ receipt: receiptOut }), ...errors },
        },
      },
      async (req) => ({ receipt: await till.receipt(m, whoOf(req), req.params.id) }),
    );
    app.post(
      '/api/shop/sales/:id/refunds',
      {
        schema: {
          tags,
          summary: 'Refund or take back part or all of a sale (Idempotency-Key)',
          params: idParams,
          querystring: q,
          body: refundBody,
          response: { 200: z.object({ receipt: receiptOut }), 201: z.object({ receipt: receiptOut }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await till.refund(m, whoOf(req), req.params.id, req.body, idemKey(req));
        if (r.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(r.replayed ? 200 : 201).send({ receipt: r.receipt });
      },
    );
    app.get(
      '/api/shop/stock',
      {
        schema: {
          tags,
          summary: 'Stock per product and location, and the low-stock list',
          querystring: communityQuery,
          response: { 200: stockOut, ...errors },
        },
      },
      async (req) => stock.levels(m, whoOf(req), req.query.community),
    );
    app.get(
      '/api/shop/stock/moves',
      {
        schema: {
          tags,
          summary: 'The latest stock movements (receipts, sales, returns, adjustments, stock-takes)',
          querystring: z.object({ ...community, productId: uuid.optional(), ...lang }),
          response: { 200: movesOut, ...errors },
        },
      },
      async (req) => ({ items: await stock.history(m, whoOf(req), req.query) }),
    );
    app.post(
      '/api/shop/stock/moves',
      {
        schema: {
          tags,
          summary: 'Book a receipt from a supplier, an adjustment with its reason, or a stock-take',
          querystring: q,
          body: moveBody,
          response: { 201: z.object({ move: moveOut }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send({ move: await stock.move(m, whoOf(req), req.body) }),
    );
  };
}
