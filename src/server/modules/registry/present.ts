/**
 * What a viewer sees of a resident: phone and ID masked unless the role needs them; a child under 14 is shown
 * only to those allowed (`resident.child`), otherwise as a protected placeholder with every personal field null.
 */
import type { Selectable } from 'kysely';
import type { ResidentsTable } from '../../platform/db/schema.ts';
import { can, type ScopedActor } from './permissions.ts';
import { maskIdNumber, maskPhone } from './domain/mask.ts';
import { ageOn, CHILD_AGE } from './domain/age.ts';

/** A resident as the API returns it. */
export interface ResidentView {
  id: string;
  householdId: string;
  gridCode: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  idNumber: string | null;
  birthDate: string | null;
  age: number | null;
  relation: string;
  tags: string[];
  /** True when the data of a child is withheld from this viewer. */
  protected: boolean;
  /** True when phone/ID are masked for this viewer. */
  masked: boolean;
  version: number;
}

/** The placeholder name shown instead of a protected child's name. */
export const PROTECTED_NAME = { 'zh-CN': '（未成年人信息受保护）', en: '(minor — protected)' } as const;

/** Presents one resident row for a viewer. */
export function presentResident(
  row: Selectable<ResidentsTable>,
  viewer: ScopedActor,
  today: string,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): ResidentView {
  const subject = { code: row.grid_code ?? row.community_code, householdId: row.household_id };
  const age = ageOn(row.birth_date, today);
  const base = {
    id: row.id,
    householdId: row.household_id,
    gridCode: row.grid_code,
    relation: row.relation,
    version: row.version,
  };
  if (age < CHILD_AGE && !can(viewer, 'resident.child', subject)) {
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
  const pii = can(viewer, 'resident.pii', subject);
  return {
    ...base,
    name: row.name,
    gender: row.gender,
    phone: row.phone === null ? null : pii ? row.phone : maskPhone(row.phone),
    idNumber: row.id_number === null ? null : pii ? row.id_number : maskIdNumber(row.id_number),
    birthDate: row.birth_date,
    age,
    tags: row.tags,
    protected: false,
    masked: !pii,
  };
}
