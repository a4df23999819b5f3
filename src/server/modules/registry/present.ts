/**
 * What a viewer sees of a resident. One presenter and one response schema per audience:
 * - `full` (community staff and grid workers in scope, a resident for their own household): every field;
 * - `masked` (street staff, district admins, auditors): phone and ID number masked, and an age instead of the
 *   birth date, because a masked ID beside a clear birth date and the known place code can be recomputed;
 * - `protected` (a child under 14 seen by anyone without `resident.child`): a placeholder, every personal field null.
 * The zod schemas are the routes' response schemas: a field an audience's schema does not list cannot leave the
 * server, and a clear ID number or birth date in a masked view fails serialisation instead of being sent.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { ResidentsTable } from '../../platform/db/schema.ts';
import { can, type ScopedActor } from './permissions.ts';
import { isMaskedIdNumber, maskIdNumber, maskPhone } from '../../../shared/mask.ts';
import { ageOn, CHILD_AGE } from './domain/age.ts';

const common = {
  id: z.string(),
  householdId: z.string(),
  gridCode: z.string().nullable(),
  relation: z.string(),
  version: z.number().int(),
};
const gender = z.enum(['male', 'female']).nullable();

/** A resident as staff entitled to personal data (or the resident's own household) see them. */
export const fullResidentSchema = z.object({
  ...common,
  name: z.string(),
  gender,
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthDate: z.string(),
  age: z.number().int(),
  tags: z.array(z.string()),
  protected: z.literal(false),
  masked: z.literal(false),
});

/** A resident with phone and ID masked and an age instead of the birth date. */
export const maskedResidentSchema = z.object({
  ...common,
  name: z.string(),
  gender,
  phone: z.string().regex(/\*/, 'a masked phone').nullable(),
  idNumber: z.string().refine(isMaskedIdNumber, 'a masked ID number').nullable(),
  birthDate: z.null(),
  age: z.number().int(),
  tags: z.array(z.string()),
  protected: z.literal(false),
  masked: z.literal(true),
});

/** A child under 14 seen by someone not entitled to children's data: nothing personal. */
export const protectedResidentSchema = z.object({
  ...common,
  name: z.string(),
  gender: z.null(),
  phone: z.null(),
  idNumber: z.null(),
  birthDate: z.null(),
  age: z.null(),
  tags: z.array(z.string()),
  protected: z.literal(true),
  masked: z.literal(true),
});

/** Any resident view; the literals of `protected`/`masked` make the three audiences mutually exclusive. */
export const residentViewSchema = z
  .union([fullResidentSchema, maskedResidentSchema, protectedResidentSchema])
  .meta({ id: 'Resident' });

/** A resident as the API returns it. */
export type ResidentView = z.infer<typeof residentViewSchema>;

/** The placeholder name shown instead of a protected child's name. */
const PROTECTED_NAME = { 'zh-CN': '（未成年人信息受保护）', en: '(minor — protected)' } as const;

/** Which audience a viewer is for one resident row. */
function audienceOf(
  row: Pick<Selectable<ResidentsTable>, 'grid_code' | 'community_code' | 'household_id' | 'birth_date'>,
  viewer: ScopedActor,
  today: string,
): 'full' | 'masked' | 'protected' {
  const subject = { code: row.grid_code ?? row.community_code, householdId: row.household_id };
  if (ageOn(row.birth_date, today) < CHILD_AGE && !can(viewer, 'resident.child', subject)) return 'protected';
  return can(viewer, 'resident.pii', subject) ? 'full' : 'masked';
}

/** Presents one resident row for a viewer. */
export function presentResident(
  row: Selectable<ResidentsTable>,
  viewer: ScopedActor,
  today: string,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): ResidentView {
  const base = {
    id: row.id,
    householdId: row.household_id,
    gridCode: row.grid_code,
    relation: row.relation,
    version: row.version,
  };
  const audience = audienceOf(row, viewer, today);
  if (audience === 'protected') {
    return {
      ...base,
      name: PROTECTED_NAME[lang],
      gender: null,
      phone: null,
      idNumber: null,
      birthDate: null,
      age: null,
      tags: ['儿童'],
      protected: true,
      masked: true,
    };
  }
  const person = { ...base, name: row.name, gender: row.gender, age: ageOn(row.birth_date, today), tags: row.tags };
  if (audience === 'full') {
    return {
      ...person,
      phone: row.phone,
      idNumber: row.id_number,
      birthDate: row.birth_date,
      protected: false,
      masked: false,
    };
  }
  return {
    ...person,
    phone: row.phone === null ? null : maskPhone(row.phone),
    idNumber: row.id_number === null ? null : maskIdNumber(row.id_number),
    birthDate: null,
    protected: false,
    masked: true,
  };
}
