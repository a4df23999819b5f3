/** zod schemas of the care API: strict inputs, and the response schemas (per audience, from present.ts). */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/cursor.ts';
import { carerSchema, notesSchema, personSchema, visitSchema } from './present.ts';
import { MAX_INTERVAL_DAYS } from './domain/plan.ts';
import { errorBody } from '../../platform/http/responses.ts';

const uuid = z.uuid();
const placeCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{2,3})?)?)?$/, 'a 6/9/12/14/15-digit code');
const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
const text = (max: number) => z.string().trim().min(1).max(max);

/** The standard error body (every 4xx/5xx answer). */
const errorOut = errorBody;
/** Error answers of every route. */
export const errors = { '4xx': errorOut, '5xx': errorOut };

export const listQuery = z.strictObject({ ...lang, ...pageQuery, code: placeCode.optional() });
export const careListQuery = z.strictObject({
  ...lang,
  ...pageQuery,
  code: placeCode.optional(),
  tag: z.string().min(1).max(20).optional(),
});
export const langQuery = z.strictObject(lang);
export const personParams = z.strictObject({ residentId: uuid });
export const visitParams = z.strictObject({ visitId: uuid });
export const caseParams = z.strictObject({ caseId: uuid });

export const notesBody = z.strictObject({
  healthNote: z.string().trim().max(2000).nullable(),
  abilityNote: z.string().trim().max(2000).nullable(),
});
export const planBody = z.strictObject({ intervalDays: z.number().int().min(1).max(MAX_INTERVAL_DAYS).nullable() });
export const carerBody = z.strictObject({ username: z.string().min(1).max(64), remove: z.boolean().optional() });
export const visitBody = z.strictObject({
  lon: z.number(),
  lat: z.number(),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']).optional(),
  found: text(2000),
  followUp: z.string().trim().max(2000).optional(),
  problem: z.boolean().optional(),
});
export const toCaseBody = z.strictObject({
  categoryCode: z.string().min(1).max(20).default('X07'),
  description: z.string().trim().max(2000).optional(),
});

export const pageOut = z.object({
  items: z.array(personSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
const may = z.object({ visit: z.boolean(), notes: z.boolean(), plan: z.boolean() });
export const personOut = z.object({
  person: personSchema,
  active: z.boolean(),
  carers: z.array(carerSchema),
  visits: z.array(visitSchema),
  may,
});
export const visitOut = z.object({ visit: visitSchema, person: personSchema, may: z.object({ toCase: z.boolean() }) });
export const notesOut = notesSchema;
export const toCaseOut = z.object({ caseId: z.string(), replayed: z.boolean() });
export const caseCarersOut = z.object({
  onCareList: z.boolean(),
  person: z.object({ name: z.string(), tags: z.array(z.string()) }).nullable(),
  carers: z.array(carerSchema),
  visit: z.object({ id: z.string(), visitedAt: z.string(), visitorName: z.string() }).nullable(),
});
export const syncOut = z.object({ listed: z.number().int(), removed: z.number().int() });
export const summaryOut = z.object({ listed: z.number().int(), overdue: z.number().int(), due: z.number().int() });
