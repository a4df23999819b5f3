/**
 * zod schemas of the shop API: strict inputs (unknown fields, floats, negative or overflowing amounts are refused
 * with 400 in the user's language) and the response schema of every route (the last guard on what leaves).
 */
import { z } from 'zod';
import { MAX_LINES, MAX_QTY, MAX_UNIT_FEN } from './domain/money.ts';
import { errorBody } from '../../platform/http/responses.ts';

export const uuid = z.uuid();
export const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
export const community = {
  community: z
    .string()
    .regex(/^\d{12}$/, 'a 12-digit community code')
    .optional(),
};
export const communityQuery = z.object({ ...community, ...lang });
export const idParams = z.object({ id: uuid });
const text = (max: number) => z.string().trim().min(1).max(max);
/** An amount in fen: a whole number, not negative, at most ¥1,000,000 per unit. */
const fen = z.number().int().min(0).max(MAX_UNIT_FEN);
const qty = z.number().int().min(1).max(MAX_QTY);
const location = z.string().regex(/^[\w-]{1,32}$/, 'letters, digits, _ or -, up to 32');
export const platform = z.enum(['douyin', 'kuaishou', 'channels', 'taobao', 'other']);
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const errorOut = errorBody;
/** Every error status a shop route may answer. */
export const errors = {
  400: errorOut,
  401: errorOut,
  403: errorOut,
  404: errorOut,
  409: errorOut,
  413: errorOut,
  415: errorOut,
  422: errorOut,
  503: errorOut,
};

export const supplierBody = z.strictObject({
  ...community,
  name: text(100),
  kind: z.enum(['farmer', 'coop', 'company', 'artisan']),
  contactName: text(50).optional(),
  contactPhone: z
    .string()
    .regex(/^[\d+\- ]{5,20}$/)
    .optional(),
  address: text(200).optional(),
});
export const supplierOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
});

const productFields = {
  sku: z.string().regex(/^[\w.-]{1,40}$/, 'letters, digits, . _ -, up to 40'),
  barcode: z
    .string()
    .regex(/^\d{6,14}$/, '6–14 digits')
    .nullable()
    .optional(),
  name: text(100),
  category: z.enum(['specialty', 'cultural', 'food', 'drink', 'craft', 'other']),
  unit: text(10),
  costFen: fen,
  priceFen: fen,
  supplierId: uuid.nullable().optional(),
  lowStock: z.number().int().min(0).max(MAX_QTY).optional(),
  active: z.boolean().optional(),
};
export const productBody = z.strictObject({ ...community, ...productFields });
export const productPatch = z.strictObject({
  ...z.object(productFields).partial().shape,
  version: z.number().int().min(1),
});
export const productOut = z.object({
  id: z.string(),
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  costFen: z.number(),
  priceFen: z.number(),
  supplierId: z.string().nullable(),
  lowStock: z.number(),
  active: z.boolean(),
  version: z.number(),
  photoIds: z.array(z.string()),
});

export const saleBody = z.strictObject({
  ...community,
  location: location.default('counter'),
  lines: z
    .array(z.strictObject({ productId: uuid, qty, discountFen: fen.default(0) }))
    .min(1)
    .max(MAX_LINES),
  discountFen: fen.default(0),
  paymentMethod: z.enum(['cash', 'wechat', 'alipay', 'bank']),
  cashReceivedFen: fen.optional(),
  preOrder: z.boolean().optional(),
  sessionId: uuid.optional(),
});
export const refundBody = z.strictObject({
  lines: z
    .array(z.strictObject({ lineId: uuid, qty }))
    .min(1)
    .max(MAX_LINES),
  reason: text(200),
  restock: z.boolean().default(true),
});
export const receiptOut = z.object({
  id: z.string(),
  receiptNo: z.string(),
  communityCode: z.string(),
  channel: z.enum(['counter', 'live']),
  sessionId: z.string().nullable(),
  platform: z.string().nullable(),
  platformOrderId: z.string().nullable(),
  paymentMethod: z.string(),
  location: z.string(),
  soldAt: z.string(),
  preOrder: z.boolean(),
  subtotalFen: z.number(),
  discountFen: z.number(),
  totalFen: z.number(),
  cashReceivedFen: z.number().nullable(),
  changeFen: z.number().nullable(),
  refundedFen: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      qty: z.number(),
      unitPriceFen: z.number(),
      discountFen: z.number(),
      totalFen: z.number(),
      refundedQty: z.number(),
      refundedFen: z.number(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.string(),
      amountFen: z.number(),
      paymentMethod: z.string(),
      reason: z.string(),
      restock: z.boolean(),
      refundedAt: z.string(),
    }),
  ),
});
export const salesQuery = z.object({ ...community, from: date, to: date, ...lang });

export const moveBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('receipt'),
    productId: uuid,
    location,
    qty,
    supplierId: uuid.optional(),
    reason: text(200).optional(),
  }),
  z.strictObject({
    kind: z.literal('adjustment'),
    productId: uuid,
    location,
    delta: z
      .number()
      .int()
      .min(-MAX_QTY)
      .max(MAX_QTY)
      .refine((d) => d !== 0, 'not 0'),
    reason: text(200),
  }),
  z.strictObject({
    kind: z.literal('stocktake'),
    productId: uuid,
    location,
    counted: z.number().int().min(0).max(1_000_000),
    reason: text(200).optional(),
  }),
]);
export const moveOut = z.object({
  moveId: z.string(),
  productId: z.string(),
  location: z.string(),
  delta: z.number(),
  qty: z.number(),
});
export const stockOut = z.object({
  levels: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      location: z.string().nullable(),
      qty: z.number(),
    }),
  ),
  low: z.array(
    z.object({
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
      qty: z.number(),
      threshold: z.number(),
    }),
  ),
});
export const movesOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      name: z.string(),
      sku: z.string(),
      location: z.string(),
      kind: z.string(),
      delta: z.number(),
      qtyAfter: z.number(),
      reason: z.string().nullable(),
      saleId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
