/** zod schemas of the cases API (strict objects: unknown fields are refused). */
import { z } from 'zod';
import { STATUSES } from './domain/workflow.ts';
import { pageQuery } from '../../platform/http/cursor.ts';
import { lang, placeCode, uuid } from '../../platform/http/zodParts.ts';

export { lang, placeCode, uuid } from '../../platform/http/zodParts.ts';
export const crs = z.enum(['wgs84', 'gcj02', 'bd09']).default('wgs84');
const note = z.string().trim().min(1).max(2000);
const status = z.enum(STATUSES);

/** A report (JSON body, or the `data` field of a multipart upload). */
export const reportBody = z.strictObject({
  categoryCode: z.string().min(1).max(20),
  description: z.string().trim().min(1).max(2000),
  location: z.strictObject({ lon: z.number(), lat: z.number(), crs: crs.optional() }).optional(),
  address: z.string().trim().max(200).optional(),
  hideName: z.boolean().optional(),
  source: z.enum(['resident', 'patrol', 'hotline', 'staff']).optional(),
  patrolId: uuid.optional(),
});

/** `public: true` marks the note as a reply to the public (residents, Open311); otherwise it is internal. */
const isPublic = z.boolean().optional();
const base = { version: z.number().int().min(1).optional(), note: note.optional(), public: isPublic };
/** Every workflow action, discriminated by `action`. */
export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), ...base }),
  z.strictObject({ action: z.literal('send_back'), ...base, reason: note }),
  z.strictObject({ action: z.literal('dispatch'), ...base, handlerCode: placeCode }),
  z.strictObject({ action: z.literal('resolve'), ...base }),
  z.strictObject({ action: z.literal('verify'), ...base, ok: z.boolean() }),
  z.strictObject({
    action: z.literal('request_extension'),
    ...base,
    amount: z.number().int().min(1).max(60),
    unit: z.enum(['work_hours', 'work_days', 'hours']),
    reason: note,
  }),
  z.strictObject({ action: z.literal('approve_extension'), ...base }),
  z.strictObject({ action: z.literal('reject_extension'), ...base }),
  z.strictObject({ action: z.literal('escalate'), ...base, reason: z.enum(['coordination', 'money']) }),
  z.strictObject({ action: z.literal('supervise'), ...base }),
  z.strictObject({ action: z.literal('merge'), ...base, intoId: uuid }),
  z.strictObject({ action: z.literal('cancel'), ...base, reason: note }),
]);

export const noteBody = z.strictObject({ note, public: isPublic });
export const confirmBody = z.strictObject({ fixed: z.boolean(), note: note.optional() });
export const rateBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});
export const helpBody = z.strictObject({ note: z.string().trim().max(500).optional() });

export const listQuery = z.object({
  code: placeCode.optional(),
  status: z
    .string()
    .max(200)
    .optional()
    // split, then validate each part with the same pipeline, so an unknown status is a 400 like any field
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(status).optional()),
  categoryCode: z.string().max(20).optional(),
  level: z.enum(['grid', 'community', 'street', 'district']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  supervised: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().max(50).optional(),
  ...pageQuery,
  ...lang,
});
export const metricsQuery = z.object({
  code: placeCode.optional(),
  groupBy: z.enum(['grid', 'community', 'street']).default('grid'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...lang,
});
export const trackBody = z.strictObject({
  points: z
    .array(
      z.strictObject({ lon: z.number(), lat: z.number(), at: z.iso.datetime({ offset: true }), crs: crs.optional() }),
    )
    .min(1)
    .max(500),
});
