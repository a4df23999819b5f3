/**
 * What each audience sees of the care list. One presenter and one response schema per audience:
 * - `full` (carers, and staff entitled to the person's register data in scope): name, age, phone, home address;
 * - `masked` (street and district staff, or a child seen by someone without the register's child permission):
 *   name masked, no phone, the building only, no GPS point and no finding of a visit;
 * the health and ability notes are in NO list or detail schema: only {@link notesSchema}, served to carers.
 */
import { z } from 'zod';
import { maskName, maskPhone } from '../../../shared/mask.ts';
import { careTagsOf, effectiveInterval, overdueDays } from './domain/plan.ts';
import type { ResidentHome } from '../registry/index.ts';
import type { SubjectRow } from './repository.ts';
import type * as repo from './repository.ts';

const plan = {
  residentId: z.string(),
  gridCode: z.string().nullable(),
  tags: z.array(z.string()),
  intervalDays: z.number().int(),
  defaultDays: z.number().int(),
  overridden: z.boolean(),
  lastVisitAt: z.string().nullable(),
  dueAt: z.string(),
  overdueDays: z.number().int(),
};

/** A person as carers and entitled staff see them. */
const fullPersonSchema = z.strictObject({
  ...plan,
  masked: z.literal(false),
  name: z.string(),
  age: z.number().int().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  address: z.string(),
});

/** A person with name masked, no phone and the building only. */
const maskedPersonSchema = z.strictObject({
  ...plan,
  masked: z.literal(true),
  name: z.string().regex(/\*/, 'a masked name'),
  age: z.null(),
  gender: z.null(),
  phone: z.null(),
  address: z.string(),
});

/** Any person view (the `masked` literal keeps the audiences apart). */
export const personSchema = z.union([fullPersonSchema, maskedPersonSchema]);
/** A person as the API returns them. */
export type PersonView = z.infer<typeof personSchema>;

/** A visit as carers and staff in scope see it. */
const fullVisitSchema = z.strictObject({
  id: z.string(),
  residentId: z.string(),
  visitedAt: z.string(),
  visitorName: z.string(),
  visitorRole: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  found: z.string(),
  followUp: z.string().nullable(),
  problem: z.boolean(),
  caseId: z.string().nullable(),
  masked: z.literal(false),
});

/** A visit seen from above (street, district) or for a protected child: no place and no finding. */
const maskedVisitSchema = z.strictObject({
  id: z.string(),
  residentId: z.string(),
  visitedAt: z.string(),
  visitorName: z.string(),
  visitorRole: z.string(),
  lon: z.null(),
  lat: z.null(),
  found: z.null(),
  followUp: z.null(),
  problem: z.boolean(),
  caseId: z.string().nullable(),
  masked: z.literal(true),
});

/** Any visit view. */
export const visitSchema = z.union([fullVisitSchema, maskedVisitSchema]);
/** A visit as the API returns it. */
export type VisitView = z.infer<typeof visitSchema>;

/** The sensitive notes (carers only; every read audited). */
export const notesSchema = z.strictObject({
  residentId: z.string(),
  healthNote: z.string().nullable(),
  abilityNote: z.string().nullable(),
  updatedAt: z.string(),
});

/** A carer on a person's card or a case. */
export const carerSchema = z.strictObject({
  accountId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  phone: z.string().nullable(),
  kind: z.enum(['grid_worker', 'assigned']),
});

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The plan part of a person's row at `now`. */
function planOf(r: Pick<SubjectRow, keyof typeof repo.SUBJECT_PLAN>, now: Date) {
  const due = new Date(r.next_due_at);
  return {
    residentId: r.resident_id,
    gridCode: r.grid_code,
    tags: careTagsOf(r.tags),
    intervalDays: effectiveInterval(r.default_days, r.override_days),
    defaultDays: r.default_days,
    overridden: r.override_days !== null,
    lastVisitAt: iso(r.last_visit_at),
    dueAt: due.toISOString(),
    overdueDays: overdueDays(due, now),
  };
}

/** A person for an audience; `home` is the register's row (absent when the resident was removed). */
export function presentPerson(
  r: Pick<SubjectRow, keyof typeof repo.SUBJECT_PLAN>,
  home: ResidentHome | undefined,
  full: boolean,
  now: Date,
): PersonView {
  const p = planOf(r, now);
  if (full && home)
    return {
      ...p,
      masked: false,
      name: home.name,
      age: home.age,
      gender: home.gender,
      phone: home.phone,
      address: home.address,
    };
  return {
    ...p,
    masked: true,
    name: maskName(home?.name ?? '—') || '*',
    age: null,
    gender: null,
    phone: null,
    address: home?.address.split(' ')[0] ?? '',
  };
}

/** A visit for an audience. */
export function presentVisit(v: NonNullable<Awaited<ReturnType<typeof repo.getVisit>>>, full: boolean): VisitView {
  const base = {
    id: v.id,
    residentId: v.resident_id,
    visitedAt: new Date(v.visited_at).toISOString(),
    visitorName: v.visitor_name,
    visitorRole: v.visitor_role,
    problem: v.problem,
    caseId: v.case_id,
  };
  return full
    ? { ...base, lon: v.lon, lat: v.lat, found: v.found, followUp: v.follow_up, masked: false }
    : { ...base, lon: null, lat: null, found: null, followUp: null, masked: true };
}

/** A carer card: the phone in clear only for `full` viewers. */
export function presentCarer(
  c: { accountId: string | null; name: string; role: string; phone: string | null; kind: 'grid_worker' | 'assigned' },
  full: boolean,
) {
  return { ...c, phone: c.phone === null ? null : full ? c.phone : maskPhone(c.phone) };
}
