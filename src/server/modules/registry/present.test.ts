/**
 * Each audience's presenter output is accepted by its response schema, and the schemas refuse a view that would
 * leak: a clear ID number or a birth date in a masked view fails instead of being sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Selectable } from 'kysely';
import type { ResidentsTable } from '../../platform/db/schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { makeIdNumber } from './domain/idNumber.ts';
import { maskedResidentSchema, presentResident, residentViewSchema } from './present.ts';

const TODAY = '2026-11-27';
const G = '62070200400603';
const ROLES: Role[] = ['resident', 'grid_worker', 'community_staff', 'street_staff', 'district_admin', 'auditor'];

const row = (birth: string, seq: number): Selectable<ResidentsTable> => ({
  id: 'r1',
  community_code: G.slice(0, 12),
  grid_code: G,
  household_id: 'h1',
  name: '张三',
  gender: seq % 2 ? 'male' : 'female',
  phone: '13812345678',
  id_number: makeIdNumber('620702', birth, seq),
  birth_date: birth,
  relation: '户主',
  tags: [],
  version: 1,
  created_at: new Date(),
  updated_at: new Date(),
});

describe('resident presenters and their schemas', () => {
  it('every role × resident gives a view its schema accepts; masked views hide the head and the birth date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...ROLES),
        (d, seq, role) => {
          const r = row(d.toISOString().slice(0, 10), seq);
          const v = presentResident(r, { role, scopeCode: role === 'resident' ? '' : G, householdId: 'h1' }, TODAY);
          expect(residentViewSchema.safeParse(v).success).toBe(true);
          if (v.masked) {
            expect(v.birthDate).toBeNull();
            expect(v.idNumber ?? '').not.toContain(r.id_number!.slice(0, 6));
          }
        },
      ),
    );
  });

  it('a masked view with a clear ID number or a birth date is refused by every audience schema', () => {
    const v = presentResident(
      row('1980-05-06', 123),
      { role: 'street_staff', scopeCode: '620702004', householdId: null },
      TODAY,
    );
    expect(v.masked).toBe(true);
    expect(maskedResidentSchema.safeParse(v).success).toBe(true);
    expect(residentViewSchema.safeParse({ ...v, idNumber: '620702198005061234' }).success).toBe(false);
    expect(residentViewSchema.safeParse({ ...v, idNumber: '620************234' }).success).toBe(false);
    expect(residentViewSchema.safeParse({ ...v, birthDate: '1980-05-06' }).success).toBe(false);
  });
});
