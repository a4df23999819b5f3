/**
 * Request and response schemas of the cobuild routes. Responses are per audience: staff (units, lists, sign-ups
 * with names), the volunteer (their own record only) and the public (published units, completed projects: no
 * person, contact, place or evidence). The response schema is the last guard: a field not listed does not leave.
 */
import { z } from 'zod';
import { errorBody } from '../../platform/http/responses.ts';
import { errorResponses } from '../../platform/http/responses.ts';

export const code12 = z.string().regex(/^\d{12}$/, 'a 12-digit community code');
export const id = z.string().min(1).max(40);
export const idParams = z.strictObject({ id });
/** Ids of other modules' rows (registry residents, cases) are UUIDs there: anything else is refused up front. */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID');
const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
export const langQuery = z.strictObject(lang);
export const codeQuery = z.strictObject({ code: code12, ...lang });
const text = (max: number) => z.string().trim().min(1).max(max);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const category = z.enum(['elderly', 'children', 'health', 'education', 'repair', 'environment', 'culture', 'other']);

/** The one error body. */
export { errorBody };
/** Error statuses every authenticated route may return. */
export const errors = errorResponses;

export const unitBody = z.strictObject({
  communityCode: code12,
  name: text(80),
  kind: z.enum(['school', 'hospital', 'firm', 'social_org', 'government', 'other']),
  contactName: text(40),
  contactPhone: z
    .string()
    .regex(/^[\d-]{5,20}$/)
    .nullable()
    .default(null),
  address: z.string().max(120).nullable().default(null),
  lon: lon.nullable().default(null),
  lat: lat.nullable().default(null),
  description: z.string().max(500).default(''),
  published: z.boolean().default(true),
});
export const commitmentBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(120),
  targetHours: z.number().int().min(0).max(100_000).nullable().default(null),
});
export const resourceBody = z.strictObject({
  communityCode: code12,
  unitId: id.nullable().default(null),
  kind: z.enum(['venue', 'skill', 'funds', 'goods', 'hours']),
  category,
  title: text(120),
  amountFen: z.number().int().min(0).max(1e12).nullable().default(null),
  hours: z.number().int().min(0).max(100_000).nullable().default(null),
});
export const memberBody = z.strictObject({
  residentId: uuid.nullable().default(null),
  unitId: id.nullable().default(null),
  employer: z.string().trim().max(80).default(''),
});
export const needBody = z.strictObject({
  communityCode: code12,
  category,
  title: text(80),
  description: z.string().max(1000).default(''),
  lon: lon.nullable().default(null),
  lat: lat.nullable().default(null),
});
export const needFromCaseBody = z.strictObject({
  caseId: uuid,
  category,
  title: text(80),
  description: z.string().max(1000).default(''),
});
export const needsQuery = z.strictObject({
  code: code12,
  status: z.enum(['open', 'claimed', 'done', 'cancelled']).optional(),
  ...lang,
});
export const claimBody = z.strictObject({
  claimant: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('unit'), unitId: id }),
    z.strictObject({ kind: z.literal('team'), name: text(60) }),
    z.strictObject({ kind: z.literal('member'), memberId: id }),
  ]),
});
export const progressBody = z.strictObject({ progress: z.number().int().min(0).max(100), note: text(500) });
export const evidenceBody = z.strictObject({
  kind: z.enum(['photo', 'signature']),
  image: z.string().max(900_000),
  signer: z.string().trim().max(40).nullable().default(null),
});
export const completeBody = z.strictObject({ summary: text(1000) });

const commitment = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  targetHours: z.number().nullable(),
});
export const unitOut = z.object({
  id: z.string(),
  communityCode: z.string(),
  name: z.string(),
  kind: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  description: z.string(),
  published: z.boolean(),
  commitments: z.array(commitment),
});
export const resourceOut = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  kind: z.string(),
  category: z.string(),
  title: z.string(),
  amountFen: z.number().nullable(),
  hours: z.number().nullable(),
});
export const unitDetailOut = unitOut.extend({
  resources: z.array(resourceOut),
  members: z.array(z.object({ id: z.string(), name: z.string(), employer: z.string(), registeredAt: z.date() })),
  projects: z.array(z.object({ id: z.string(), needTitle: z.string(), status: z.string(), progress: z.number() })),
});
export const memberOut = z.object({
  id: z.string(),
  residentId: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  employer: z.string(),
  registeredAt: z.date(),
});
export const needOut = z.object({
  id: z.string(),
  communityCode: z.string(),
  source: z.string(),
  sourceId: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  status: z.string(),
  createdAt: z.date(),
});
export const projectOut = z.object({
  id: z.string(),
  communityCode: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  needCategory: z.string(),
  claimantKind: z.string(),
  claimant: z.string(),
  unitId: z.string().nullable(),
  status: z.string(),
  progress: z.number(),
  summary: z.string().nullable(),
  claimedAt: z.date(),
  completedAt: z.date().nullable(),
});
export const projectDetailOut = projectOut.extend({
  updates: z.array(z.object({ id: z.string(), progress: z.number(), note: z.string(), at: z.date() })),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      mime: z.string(),
      bytes: z.number(),
      signer: z.string().nullable(),
      at: z.date(),
    }),
  ),
});
export const needDetailOut = z.object({ need: needOut, project: projectOut.nullable() });
export const matchOut = z.object({
  resourceId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  sameCategory: z.boolean(),
  distanceM: z.number().nullable(),
  distanceKind: z.literal('straight_line'),
});

/** Public page: published units and their completed projects; nothing about a person. */
export const publicUnitOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  projectsDone: z.number(),
  projects: z.array(z.object({ title: z.string(), category: z.string(), completedAt: z.date().nullable() })),
});
export const publicCommunityOut = z.object({ code: z.string(), name: z.string().nullable() });
