import { describe, expect, it } from 'vitest';
import { can, type CobuildActor, type CobuildAction } from './permissions.ts';

const C = '620702004001';
const actors: Record<string, CobuildActor> = {
  staff: { role: 'community_staff', scopeCode: C, residentId: null },
  otherStaff: { role: 'community_staff', scopeCode: '620702004007', residentId: null },
  street: { role: 'street_staff', scopeCode: '620702004', residentId: null },
  grid: { role: 'grid_worker', scopeCode: `${C}01`, residentId: null },
  resident: { role: 'resident', scopeCode: `${C}03`, residentId: 'r1' },
  unlinked: { role: 'resident', scopeCode: `${C}03`, residentId: null },
  shop: { role: 'shop_staff', scopeCode: C, residentId: null },
  auditor: { role: 'auditor', scopeCode: '620702', residentId: null },
};
const table: [string, CobuildAction, boolean][] = [
  ['staff', 'manage', true],
  ['street', 'manage', true],
  ['otherStaff', 'manage', false],
  ['grid', 'manage', false],
  ['grid', 'read', true],
  ['grid', 'raise_need', true],
  ['resident', 'read', false],
  ['resident', 'raise_need', true],
  ['resident', 'volunteer', true],
  ['unlinked', 'volunteer', false],
  ['staff', 'volunteer', false],
  ['shop', 'read', false],
  ['shop', 'manage', false],
  ['auditor', 'read', true],
  ['auditor', 'manage', false],
];

describe('cobuild permissions', () => {
  it.each(table)('%s may %s: %s', (who, action, expected) => {
    expect(can(actors[who]!, action, C)).toBe(expected);
  });
});
