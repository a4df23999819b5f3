/** zod schemas of the live-stream and settlement routes. */
import { z } from 'zod';
import { community, date, platform, uuid } from './schemas.ts';

export const sessionBody = z.strictObject({
  ...community,
  title: z.string().trim().min(1).max(100),
  host: z.string().trim().min(1).max(50),
  platform,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  lineup: z.array(uuid).max(100),
});
export const sessionOut = z.object({
  id: z.string(),
  title: z.string(),
  host: z.string(),
  platform: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  lineup: z.array(z.string()),
});
export const boardOut = z.object({
  session: sessionOut,
  orders: z.number(),
  revenueFen: z.number(),
  refundedFen: z.number(),
  byProduct: z.array(z.object({ productId: z.string(), name: z.string(), qty: z.number(), revenueFen: z.number() })),
  latest: z.array(
    z.object({
      saleId: z.string(),
      platformOrderId: z.string().nullable(),
      soldAt: z.string(),
      totalFen: z.number(),
      name: z.string(),
      qty: z.number(),
    }),
  ),
});
const header = z.string().trim().min(1).max(50);
export const mappingBody = z.strictObject({
  orderId: header,
  sku: header,
  quantity: header,
  amount: header,
  paidAt: header,
  status: header.optional(),
  skipStatuses: z.array(header).max(20).default([]),
});
export const mappingOut = z.object({
  platform: z.string(),
  saved: z.boolean(),
  mapping: z.object({
    orderId: z.string(),
    sku: z.string(),
    quantity: z.string(),
    amount: z.string(),
    paidAt: z.string(),
    status: z.string().optional(),
    skipStatuses: z.array(z.string()),
  }),
});
export const importOut = z.object({
  importId: z.string(),
  encoding: z.string(),
  rows: z.number(),
  created: z.number(),
  duplicates: z.number(),
  skipped: z.number(),
});

export const settingsBody = z.strictObject({ ...community, fundShareBp: z.number().int().min(0).max(10_000) });
export const settingsOut = z.object({ communityCode: z.string(), fundShareBp: z.number() });
export const periodBody = z.strictObject({ ...community, from: date, to: date });
const figures = {
  revenueFen: z.number(),
  costFen: z.number(),
  grossProfitFen: z.number(),
  shareFen: z.number(),
  byChannel: z.array(
    z.object({ channel: z.string(), revenueFen: z.number(), costFen: z.number(), grossProfitFen: z.number() }),
  ),
  byProduct: z.array(
    z.object({
      channel: z.string(),
      productId: z.string(),
      name: z.string(),
      qty: z.number(),
      revenueFen: z.number(),
      costFen: z.number(),
      grossProfitFen: z.number(),
    }),
  ),
};
export const previewOut = z.object({ from: z.string(), to: z.string(), shareBp: z.number(), ...figures });
export const settlementOut = z.object({
  id: z.string(),
  communityCode: z.string(),
  from: z.string(),
  to: z.string(),
  revenueFen: z.number(),
  costFen: z.number(),
  grossProfitFen: z.number(),
  shareBp: z.number(),
  shareFen: z.number(),
  breakdown: z.object(figures),
  fundTransactionId: z.string().nullable(),
  createdAt: z.string(),
});
