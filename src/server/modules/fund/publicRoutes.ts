/**
 * /api/public/fund/:code/…: the disclosure (财务公开), no login. Everything here goes through the public
 * presenter (public.ts) and its response schema; only paid expenses and the public log are shown.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { consistency, exportLedger, inclusion, listHeads } from './log.ts';
import { publicCommunity, publicSummary } from './public.ts';
import { monthReport, reportPdf, reportXlsx } from './report.ts';
import { periodOf } from './domain/ledger.ts';
import * as repo from './repository/expenses.ts';
import { headsSchema, publicSummarySchema } from './schemas.ts';
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import type { FundRuntime } from './runtime.ts';

const code = z.string().regex(/^\d{12}$/, 'a 12-digit community code');
const params = z.object({ code }).strict();
const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
const errors = errorResponses;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The public routes on a runtime. */
export function publicFundRoutes(rt: FundRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['fund (public)'];
    app.get(
      '/api/public/fund/:code',
      {
        schema: {
          tags,
          summary: 'Disclosure: balances, the public log, paid expenses, money flow, signed heads and keys',
          params,
          querystring: z.object(lang).strict(),
          response: { 200: publicSummarySchema, ...errors },
        },
      },
      async (req) => publicSummary(rt.db, req.params.code),
    );

    app.get(
      '/api/public/fund/:code/heads',
      {
        schema: {
          tags,
          summary: 'Signed tree heads, newest first',
          params,
          querystring: z.object(lang).strict(),
          response: { 200: headsSchema, ...errors },
        },
      },
      async (req) => {
        await publicCommunity(rt.db, req.params.code);
        return { heads: await listHeads(rt.db, req.params.code, 1000) };
      },
    );

    app.get(
      '/api/public/fund/:code/proof/inclusion',
      {
        schema: {
          tags,
          summary: 'RFC 9162 inclusion proof of one entry in the tree of `size` entries',
          params,
          querystring: z.object({ index, size: index, ...lang }).strict(),
          response: {
            200: z.object({
              index: z.number(),
              size: z.number(),
              leafHash: z.string(),
              entry: z.string(),
              proof: z.array(z.string()),
            }),
            ...errors,
          },
        },
      },
      async (req) => inclusion(rt.db, req.params.code, req.query.index, req.query.size),
    );

    app.get(
      '/api/public/fund/:code/proof/consistency',
      {
        schema: {
          tags,
          summary: 'RFC 9162 consistency proof between two tree sizes',
          params,
          querystring: z.object({ first: index, second: index, ...lang }).strict(),
          response: { 200: z.object({ first: z.number(), second: z.number(), proof: z.array(z.string()) }), ...errors },
        },
      },
      async (req) => consistency(rt.db, req.params.code, req.query.first, req.query.second),
    );

    app.get(
      '/api/public/fund/:code/ledger.jsonl',
      {
        schema: {
          tags,
          summary: 'The public ledger file with its signed heads (verify with `linli fund verify`)',
          params,
          querystring: z.object(lang).strict(),
          response: { 200: binaryResponse('The ledger file (JSON lines)', 'application/x-ndjson'), ...errors },
        },
      },
      async (req, reply) => {
        await publicCommunity(rt.db, req.params.code);
        const chunks: string[] = [];
        await exportLedger(rt.db, req.params.code, await rt.key(), rt.clock(), (c) => {
          chunks.push(c);
        });
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="ledger-${req.params.code}.jsonl"`)
          .send(chunks.join(''));
      },
    );

    app.get(
      '/api/public/fund/:code/report.:format',
      {
        schema: {
          tags,
          summary: 'Monthly report (PDF or xlsx)',
          params: z.object({ code, format: z.enum(['pdf', 'xlsx']) }).strict(),
          querystring: z.object({ month: month.optional(), ...lang }).strict(),
          response: {
            200: binaryResponse(
              'The report',
              'application/pdf',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const m = req.query.month ?? periodOf(rt.clock());
        const r = await monthReport(rt.db, req.params.code, m);
        const name = `fund-${req.params.code}-${m}.${req.params.format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (req.params.format === 'pdf') return reply.type('application/pdf').send(await reportPdf(r));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await reportXlsx(r));
      },
    );

    app.get(
      '/api/public/fund/:code/receipts/:id',
      {
        schema: {
          tags,
          summary: 'The receipt photo of a paid expense',
          params: z.object({ code, id: z.uuid() }).strict(),
          querystring: z.object(lang).strict(),
          response: { 200: binaryResponse('The receipt photo', 'image/jpeg', 'image/png', 'image/webp'), ...errors },
        },
      },
      async (req, reply) => {
        const r = await repo.receiptOf(rt.db, req.params.id);
        if (!r || r.community_code !== req.params.code || r.status !== 'paid' || !r.bytes) {
          throw new AppError('FUND_NOT_FOUND');
        }
        return reply.type(r.receipt_type ?? 'image/jpeg').send(r.bytes);
      },
    );
  };
}
