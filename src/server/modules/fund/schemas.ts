/** Response and shared input schemas of the fund routes (amounts are exact decimal fen text, never floats). */
import { z } from 'zod';

/** The standard error body. */
export { errorBody as errorSchema } from '../../platform/http/responses.ts';

/** An amount in fen: digits as text, or a safe positive integer (a float or a negative amount is refused). */
export const fenInput = z.union([
  z.string().regex(/^[1-9]\d{0,14}$/, 'whole fen, as digits'),
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
]);

const fen = z.string().regex(/^-?\d+$/);

/** An expense as staff see it. */
export const expenseSchema = z.object({
  id: z.string(),
  communityCode: z.string(),
  caseId: z.string().nullable(),
  projectRef: z.string().nullable(),
  purpose: z.string(),
  payee: z.string(),
  amountFen: fen,
  payFrom: z.string(),
  expenseAccount: z.string(),
  budgetLine: z.string(),
  quote: z.string(),
  invoiceCode: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  status: z.enum(['requested', 'approved', 'paid', 'rejected']),
  approvalsNeeded: z.number().int(),
  approvals: z.array(z.object({ accountId: z.string(), at: z.string() })),
  requestedBy: z.string(),
  requestedAt: z.string(),
  paidAt: z.string().nullable(),
  transactionId: z.string().nullable(),
  hasReceipt: z.boolean(),
});

/** The staff overview. */
export const overviewSchema = z.object({
  communityCode: z.string(),
  year: z.number().int(),
  awaitingApproval: z.number().int(),
  accounts: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['asset', 'income', 'expense']),
      name: z.string(),
      balanceFen: fen,
      budgetFen: fen.nullable(),
      actualFen: fen,
    }),
  ),
});

/** The committee. */
export const committeeSchema = z.object({
  members: z.array(z.object({ accountId: z.string(), name: z.string(), title: z.string(), addedAt: z.string() })),
});

const headSchema = z.object({
  community: z.string(),
  size: z.number().int(),
  root: z.string(),
  timestamp: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

/** The public disclosure summary: masked, published fields only. */
export const publicSummarySchema = z.object({
  community: z.object({ code: z.string(), name: z.string() }),
  accounts: z.array(z.object({ code: z.string(), kind: z.string(), name: z.string(), balanceFen: fen })),
  entries: z.array(
    z.object({
      seq: z.number().int(),
      id: z.string(),
      at: z.string(),
      period: z.string(),
      memo: z.string(),
      party: z.string().nullable(),
      source: z.object({ kind: z.string(), ref: z.string() }),
      reverses: z.string().nullable(),
      lines: z.array(z.object({ account: z.string(), fen })),
    }),
  ),
  expenses: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      payee: z.string(),
      amountFen: fen,
      expenseAccount: z.string(),
      payFrom: z.string(),
      forCase: z.boolean(),
      projectRef: z.string().nullable(),
      invoiceNumber: z.string().nullable(),
      paidAt: z.string().nullable(),
      hasReceipt: z.boolean(),
    }),
  ),
  flow: z.object({
    nodes: z.array(z.string()),
    links: z.array(z.object({ source: z.string(), target: z.string(), fen })),
  }),
  heads: z.array(headSchema),
  keys: z.array(z.object({ keyId: z.string(), publicKey: z.string(), createdAt: z.string() })),
});

/** Signed heads. */
export const headsSchema = z.object({ heads: z.array(headSchema) });
