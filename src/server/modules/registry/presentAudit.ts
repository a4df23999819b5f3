/**
 * The auditor's audience: audit rows with the personal fields of their before/after masked by the same rules
 * as a masked resident view — phone and ID number masked, an age (at the time of the entry) instead of the
 * birth date, a child's name masked, a case reporter's name masked. The rules apply at any depth (imports
 * record lists). Clear ID numbers are not stored at all (platform/audit.ts); this covers rows written before.
 */
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../platform/db/schema.ts';
import { ageOn, CHILD_AGE, shanghaiDate } from './domain/age.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/mask.ts';
import { MOBILE_PATTERN } from '../../../shared/phone.ts';

const PHONE_KEYS = new Set(['phone', 'reporter_phone', 'reporterPhone']);
const ID_KEYS = new Set(['id_number', 'idNumber']);
const BIRTH_KEYS = new Set(['birth_date', 'birthDate']);
const NAME_KEYS = new Set(['reporter_name', 'reporterName']);
const SECRET_KEYS = new Set(['password_hash', 'passwordHash', 'password', 'token_hash', 'csrf_token']);
const DATE = /^\d{4}-\d{2}-\d{2}/;
const ID_IN_TEXT = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;
const MOBILE_IN_TEXT = new RegExp(`(?<!\\d)${MOBILE_PATTERN}(?!\\d)`, 'g');

/** ID numbers and mobile numbers written into free text (notes, comments) are masked as well. */
function maskNumbersInText(s: string): string {
  return s.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(MOBILE_IN_TEXT, (m) => maskPhone(m));
}

/** Masks the personal fields of one before/after value as of `today` (the entry's date). */
export function maskAuditValue(v: unknown, today: string): unknown {
  if (typeof v === 'string') return maskNumbersInText(v);
  if (Array.isArray(v)) return v.map((x) => maskAuditValue(x, today));
  if (v === null || typeof v !== 'object') return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let child = false;
  for (const [k, x] of Object.entries(src)) {
    if (SECRET_KEYS.has(k)) continue;
    if (BIRTH_KEYS.has(k)) {
      if (typeof x === 'string' && DATE.test(x)) {
        const age = ageOn(x.slice(0, 10), today);
        out.age = age;
        child = age < CHILD_AGE;
      }
      continue;
    }
    if (PHONE_KEYS.has(k) && typeof x === 'string') out[k] = maskPhone(x);
    else if (ID_KEYS.has(k) && typeof x === 'string') out[k] = maskIdNumber(x);
    else if (NAME_KEYS.has(k) && typeof x === 'string') out[k] = maskName(x);
    else out[k] = maskAuditValue(x, today);
  }
  if (child && typeof out.name === 'string') out.name = maskName(out.name);
  return out;
}

/** One audit row as an auditor sees it. */
export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    /** True for a recorded read of personal data. */
    read: z.boolean(),
    entity: z.string(),
    entityId: z.string().nullable(),
    scopeCode: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

/** A page of audit rows. */
export const auditPageSchema = z.object({
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  items: z.array(auditEntrySchema),
});

/** Presents one audit row for an auditor. */
export function presentAuditEntry(e: Selectable<AuditLogTable>, readAction: string): z.infer<typeof auditEntrySchema> {
  const at = new Date(e.at);
  const today = shanghaiDate(at);
  return {
    id: Number(e.id),
    at: at.toISOString(),
    actorId: e.actor_id,
    actorRole: e.actor_role,
    action: e.action,
    read: e.action === readAction,
    entity: e.entity,
    entityId: e.entity_id,
    scopeCode: e.scope_code,
    before: maskAuditValue(e.before, today),
    after: maskAuditValue(e.after, today),
    ip: e.ip,
  };
}
