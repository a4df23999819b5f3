/**
 * Response schemas of /api/cases: one per audience of a case (present.ts) — the public view (neighbours, Open311,
 * duplicates) and the full view (staff in the area, the reporter) — and the answers built on them.
 */
import { z } from 'zod';
import { STATUSES } from './domain/status.ts';
import type { ActionType } from './domain/workflow.ts';

export const statusSchema = z.enum(STATUSES).meta({ id: 'CaseStatus' });
export const levelSchema = z.enum(['grid', 'community', 'street', 'district']).meta({ id: 'CaseLevel' });
const limitUnit = z.enum(['work_hours', 'work_days', 'hours']);
const limit = z.object({ amount: z.number(), unit: limitUnit });
const ACTION_TYPES = [
  'dispatch',
  'accept',
  'send_back',
  'resolve',
  'verify',
  'confirm',
  'rate',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'escalate',
  'supervise',
  'merge',
  'cancel',
] as const satisfies readonly ActionType[];
/** Workflow actions (`allowed` lists those the viewer may take now). */
const actionTypeSchema = z.enum(ACTION_TYPES).meta({ id: 'CaseActionType' });

/** A reportable class with its deadlines. */
export const categorySchema = z
  .object({
    code: z.string(),
    kind: z.enum(['event', 'component', 'community']),
    majorCode: z.string(),
    majorName: z.string(),
    name: z.string(),
    nameEn: z.string(),
    acceptLimit: limit,
    resolveLimit: limit,
    urgent: z.boolean(),
    /** Never shown publicly nor offered through Open311 (one-press help, disputes between neighbours). */
    sensitive: z.boolean().optional(),
  })
  .meta({ id: 'CaseCategory' });

const photo = z.object({ id: z.string(), url: z.string() });
const iso = z.string();

/** The public view of a case: place rounded to ~100 m, no address, contact or internal note. */
const publicFields = {
  id: z.string(),
  no: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: statusSchema,
  level: levelSchema,
  location: z.tuple([z.number(), z.number()]),
  urgent: z.boolean(),
  supporters: z.number().int(),
  photos: z.array(photo),
  /** Shown only when the reporter chose to show it. */
  reporterName: z.string().nullable(),
  /** The compound the case lies in, when known. */
  area: z.string().nullable(),
  /** The latest reply to the public. */
  publicNote: z.string().nullable(),
  /** Link to media an Open311 client published with the report. */
  mediaUrl: z.string().nullable(),
  resolveBy: iso,
  createdAt: iso,
  updatedAt: iso,
};
export const publicCaseSchema = z.object(publicFields).meta({ id: 'PublicCase' });

/** The full view (staff in the area, the reporter): the public fields plus handling and, for PII roles, contact. */
export const fullCaseSchema = z
  .object({
    ...publicFields,
    address: z.string().nullable(),
    handlerCode: z.string(),
    gridCode: z.string().nullable(),
    communityCode: z.string(),
    acceptBy: iso.nullable(),
    overdue: z.boolean(),
    supervised: z.boolean(),
    pendingExtension: z.object({ amount: z.number(), unit: limitUnit, reason: z.string() }).nullable(),
    reworkCount: z.number().int(),
    extensionCount: z.number().int(),
    hideName: z.boolean(),
    source: z.enum(['resident', 'patrol', 'hotline', 'open311', 'staff']),
    patrolId: z.string().nullable(),
    tags: z.array(z.string()),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    closedAt: iso.nullable(),
    mergedInto: z.string().nullable(),
    /** Internal note for staff, the latest public reply for the reporter. */
    lastNote: z.string().nullable(),
    version: z.number().int(),
    mine: z.boolean(),
    /** The reporter's contact: only for the reporter and handlers who may see it (audited). */
    reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    allowed: z.array(actionTypeSchema),
  })
  .meta({ id: 'FullCase' });

/** A case as the viewer may see it: the full view, or the public one (tried in that order). */
const caseSchema = z.union([fullCaseSchema, publicCaseSchema]).meta({ id: 'CaseView' });
/** `{ case }`. */
export const caseBody = z.object({ case: caseSchema });
/** `{ case }` where only the full view is possible (the viewer acted on it or reported it). */
export const fullCaseBody = z.object({ case: fullCaseSchema });

/** A page of full views. */
export const casePage = z.object({
  items: z.array(fullCaseSchema),
  /** Keyset cursor of the next page; null on the last (see platform/http/cursor.ts). */
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

/** One step of a case's history (residents' names only for those who may see the reporter). */
export const caseEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    fromStatus: statusSchema.nullable(),
    toStatus: statusSchema.nullable(),
    at: iso,
    note: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    actor: z.object({ name: z.string().nullable(), role: z.string().nullable() }).nullable(),
    photos: z.array(photo),
  })
  .meta({ id: 'CaseEvent' });

/** A notification. */
export const notificationSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNo: z.string(),
    type: z.string(),
    /** The case's status when the notification was made. */
    status: statusSchema,
    at: iso,
    read: z.boolean(),
  })
  .meta({ id: 'CaseNotification' });

/** A patrol with its GPS track ([lon, lat, epoch ms]). */
export const patrolSchema = z
  .object({
    id: z.string(),
    startedAt: iso,
    endedAt: iso.nullable(),
    distanceM: z.number().int(),
    points: z.number().int(),
    track: z.array(z.tuple([z.number(), z.number(), z.number()])),
    casesFound: z.number().int(),
  })
  .meta({ id: 'Patrol' });
