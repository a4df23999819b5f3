/** /api/fund/…: staff routes (strict zod input and response schemas, one use-case call each). */
import { binaryResponse, errorResponses } from '../../platform/http/responses.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { casesNeedingMoney } from '../cases/index.ts';
import * as admin from './admin.ts';
import * as service from './service.ts';
import * as repo from './repository/expenses.ts';
import { errorSchema, expenseSchema, fenInput, overviewSchema, committeeSchema } from './schemas.ts';
import type { FundRuntime } from './runtime.ts';

const code = z.string().regex(/^\d{12}$/, 'a 12-digit community code');
const params = z.object({ code }).strict();
const idParams = z.object({ id: z.uuid() }).strict();
const lang = z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict();
const errors = errorResponses;
const text = (max: number) => z.string().trim().min(1).max(max);

/** The Idempotency-Key of a money-moving request (400 when missing or malformed). */
function idempotencyKey(req: FastifyRequest): string {
  const k = req.headers['idempotency-key'];
  if (typeof k !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(k)) throw new AppError('FUND_IDEMPOTENCY_KEY');
  return k;
}

/** JPEG or PNG bytes (by signature), else null. */
function imageType(b: Buffer): string | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  return null;
}

/** The staff routes on a runtime. */
export function fundRoutes(rt: FundRuntime): FastifyPluginAsyncZod {
  const ctxOf = (req: FastifyRequest): service.Ctx => ({
    db: rt.db,
    actor: requireActor(req),
    now: rt.clock(),
    ip: req.ip,
  });
  return async (app) => {
    const tags = ['fund'];
    app.get(
      '/api/fund/:code/overview',
      {
        schema: {
          tags,
          summary: 'Fund balances, budgets vs actuals of a year, expenses waiting for approval',
          params,
          querystring: z
            .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
            .extend(lang.shape)
            .strict(),
          response: { 200: overviewSchema, ...errors },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return admin.overview(ctx, req.params.code, req.query.year ?? Number(ctx.now.toISOString().slice(0, 4)));
      },
    );

    app.get(
      '/api/fund/:code/expenses',
      {
        schema: {
          tags,
          summary: 'Expense requests of a community, newest first, and the cases escalated "needs money"',
          params,
          querystring: lang,
          response: {
            200: z.object({
              items: z.array(expenseSchema),
              moneyCases: z.array(
                z.object({
                  id: z.string(),
                  no: z.string(),
                  status: z.string(),
                  description: z.string(),
                  escalatedAt: z.string(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        service.authorize(ctx.actor, 'fund.read', req.params.code);
        const rows = await repo.listExpenses(ctx.db, req.params.code, false);
        const items = await Promise.all(rows.map((r) => service.expenseView(ctx.db, r.id)));
        const moneyCases = (await casesNeedingMoney(ctx.db, req.params.code)).map((c) => ({
          id: c.id,
          no: c.no,
          status: c.status,
          description: c.description,
          escalatedAt: c.escalatedAt,
        }));
        return { items, moneyCases };
      },
    );

    app.post(
      '/api/fund/:code/expenses',
      {
        schema: {
          tags,
          summary: 'Request an expense linked to a case escalated "needs money" or to a project',
          params,
          querystring: lang,
          body: z
            .object({
              caseId: z.uuid().optional(),
              projectRef: text(60).optional(),
              purpose: text(200),
              payee: text(100),
              amountFen: fenInput,
              payFrom: z.string().max(60).default('bank'),
              expenseAccount: z.enum(['expense:repair', 'expense:project']),
              budgetLine: text(100),
              quote: text(500),
              invoiceCode: z
                .string()
                .regex(/^\d{10,12}$/)
                .optional(),
              invoiceNumber: z
                .string()
                .regex(/^\d{8}$|^\d{20}$/)
                .optional(),
            })
            .strict(),
          response: { 201: expenseSchema, ...errors },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const e = await service.requestExpense(
          ctxOf(req),
          req.params.code,
          { ...b, amountFen: BigInt(b.amountFen) },
          rt.options,
        );
        return reply.status(201).send(e);
      },
    );

    app.post(
      '/api/fund/expenses/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve an expense (a committee member who is not the requester)',
          params: idParams,
          querystring: lang,
          response: { 200: expenseSchema, ...errors },
        },
      },
      async (req) => service.approveExpense(ctxOf(req), req.params.id),
    );

    app.post(
      '/api/fund/expenses/:id/pay',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Pay an approved expense: invoice and receipt photo (base64 JPEG/PNG); needs an Idempotency-Key',
          params: idParams,
          querystring: lang,
          body: z
            .object({
              invoiceCode: z
                .string()
                .regex(/^\d{10,12}$/)
                .nullable()
                .default(null),
              invoiceNumber: z.string().regex(/^\d{8}$|^\d{20}$/),
              receiptBase64: z.string().min(8).max(7_000_000),
            })
            .strict(),
          response: { 200: expenseSchema.extend({ replayed: z.boolean() }), ...errors, 422: errorSchema },
        },
      },
      async (req) => {
        const key = idempotencyKey(req);
        const receipt = Buffer.from(req.body.receiptBase64, 'base64');
        const type = imageType(receipt);
        if (!type || receipt.length > 5 * 1024 * 1024) throw new AppError('FUND_RECEIPT_REQUIRED');
        const ctx = ctxOf(req);
        const r = await service.payExpense(ctx, req.params.id, key, {
          invoiceCode: req.body.invoiceCode,
          invoiceNumber: req.body.invoiceNumber,
          receipt,
          receiptType: type,
        });
        await rt.publish(r.communityCode);
        return r;
      },
    );

    app.get(
      '/api/fund/expenses/:id/receipt',
      {
        schema: {
          tags,
          summary: 'The receipt photo of an expense (staff)',
          params: idParams,
          querystring: lang,
          response: { 200: binaryResponse('The receipt photo', 'image/jpeg', 'image/png', 'image/webp'), ...errors },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const r = await repo.receiptOf(ctx.db, req.params.id);
        if (!r?.community_code.startsWith(ctx.actor.scopeCode)) throw new AppError('FUND_NOT_FOUND');
        service.authorize(ctx.actor, 'fund.read', r.community_code);
        if (!r.bytes) throw new AppError('FUND_NOT_FOUND');
        return reply.type(r.receipt_type ?? 'image/jpeg').send(r.bytes);
      },
    );

    app.post(
      '/api/fund/:code/income',
      {
        schema: {
          tags,
          summary: 'Record a donation, grant, partner contribution or owners\u2019 deposit; needs an Idempotency-Key',
          params,
          querystring: lang,
          body: z
            .object({
              kind: z.enum(['donation', 'grant', 'partner', 'owners']),
              amountFen: fenInput,
              memo: text(200),
              party: text(60).optional(),
              into: z.string().max(60).optional(),
              occurredAt: z.iso.datetime().optional(),
            })
            .strict(),
          response: {
            200: z.object({ transactionId: z.string(), replayed: z.boolean() }),
            ...errors,
            422: errorSchema,
          },
        },
      },
      async (req) => {
        const key = idempotencyKey(req);
        const b = req.body;
        const r = await admin.recordIncome(ctxOf(req), req.params.code, key, {
          ...b,
          amountFen: BigInt(b.amountFen),
          occurredAt: b.occurredAt ? new Date(b.occurredAt) : undefined,
        });
        await rt.publish(req.params.code);
        return r;
      },
    );

    app.get(
      '/api/fund/:code/committee',
      {
        schema: {
          tags,
          summary: 'The fund committee',
          params,
          querystring: lang,
          response: { 200: committeeSchema, ...errors },
        },
      },
      async (req) => ({ members: await admin.listCommittee(ctxOf(req), req.params.code) }),
    );

    app.post(
      '/api/fund/:code/committee',
      {
        schema: {
          tags,
          summary: 'Seat a staff account of the community on the fund committee',
          params,
          querystring: lang,
          body: z.object({ username: text(60), title: text(40) }).strict(),
          response: { 200: committeeSchema, ...errors },
        },
      },
      async (req) => ({
        members: await admin.addCommitteeMember(ctxOf(req), req.params.code, req.body.username, req.body.title),
      }),
    );

    app.put(
      '/api/fund/:code/budgets/:year',
      {
        schema: {
          tags,
          summary: 'Set the budget of one account for a year',
          params: z.object({ code, year: z.coerce.number().int().min(2000).max(2100) }).strict(),
          querystring: lang,
          body: z.object({ account: z.string().max(60), amountFen: fenInput }).strict(),
          response: { 200: overviewSchema, ...errors },
        },
      },
      async (req) =>
        admin.setBudget(ctxOf(req), req.params.code, req.params.year, req.body.account, BigInt(req.body.amountFen)),
    );

    app.post(
      '/api/fund/:code/periods/:period/close',
      {
        schema: {
          tags,
          summary: 'Close an accounting period (entries dated in it or before are refused afterwards)',
          params: z.object({ code, period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
          querystring: lang,
          response: { 200: z.object({ period: z.string(), closed: z.boolean() }), ...errors },
        },
      },
      async (req) => admin.closePeriod(ctxOf(req), req.params.code, req.params.period),
    );
  };
}
