import { describe, expect, it } from 'vitest';
import { can, type RegistryAction, type ScopedActor } from './permissions.ts';
import type { Role } from '../../../shared/roles.ts';

const COMMUNITY = '620702004001';
const GRID = `${COMMUNITY}03`;
const OTHER_GRID = `${COMMUNITY}04`;
const OTHER_COMMUNITY = '620702004002';
const scopes: Record<Role, string> = {
  resident: GRID,
  grid_worker: GRID,
  community_staff: COMMUNITY,
  street_staff: '620702004',
  district_admin: '620702',
  shop_staff: COMMUNITY,
  auditor: '620702',
};
const actor = (role: Role): ScopedActor => ({
  role,
  scopeCode: scopes[role],
  householdId: role === 'resident' ? 'h1' : null,
});

// Expected decisions for a subject in GRID (own household 'h1'), OTHER_GRID, and OTHER_COMMUNITY's grid.
// Columns: own grid, other grid same community, other community.
const T = true,
  F = false;
const expected: Record<Role, Partial<Record<RegistryAction, [boolean, boolean, boolean]>>> = {
  resident: {
    'household.read': [T, F, F],
    'resident.pii': [T, F, F],
    'resident.child': [T, F, F],
    'household.write': [F, F, F],
    'registry.import': [F, F, F],
    'audit.read': [F, F, F],
  },
  grid_worker: {
    'household.read': [T, F, F],
    'household.write': [T, F, F],
    'resident.pii': [T, F, F],
    'resident.child': [F, F, F],
    'registry.import': [F, F, F],
    'place.write': [F, F, F],
  },
  community_staff: {
    'household.read': [T, T, F],
    'resident.pii': [T, T, F],
    'resident.child': [T, T, F],
    'registry.import': [T, T, F],
    'registry.export': [T, T, F],
    'audit.read': [F, F, F],
  },
  street_staff: {
    'household.read': [T, T, T],
    'resident.pii': [F, F, F],
    'resident.child': [F, F, F],
    'household.write': [F, F, F],
    'place.write': [T, T, T],
  },
  district_admin: {
    'household.read': [T, T, T],
    'household.write': [T, T, T],
    'resident.pii': [F, F, F],
    'resident.child': [F, F, F],
    'registry.import': [F, F, F],
  },
  shop_staff: { 'household.read': [F, F, F], 'resident.read': [F, F, F], 'resident.pii': [F, F, F] },
  auditor: {
    'household.read': [T, T, T],
    'audit.read': [T, T, T],
    'resident.pii': [F, F, F],
    'resident.write': [F, F, F],
  },
};

describe('registry permissions (role × action × scope)', () => {
  for (const [role, actions] of Object.entries(expected) as [
    Role,
    Partial<Record<RegistryAction, [boolean, boolean, boolean]>>,
  ][]) {
    for (const [action, [own, other, far]] of Object.entries(actions) as [
      RegistryAction,
      [boolean, boolean, boolean],
    ][]) {
      it(`${role} ${action}`, () => {
        const a = actor(role);
        expect(can(a, action, { code: GRID, householdId: 'h1' })).toBe(own);
        expect(can(a, action, { code: OTHER_GRID, householdId: 'h2' })).toBe(other);
        expect(can(a, action, { code: `${OTHER_COMMUNITY}01`, householdId: 'h3' })).toBe(far);
      });
    }
  }
  it('a grid worker may read the map of their community but not of another', () => {
    expect(can(actor('grid_worker'), 'place.read', { code: COMMUNITY })).toBe(true);
    expect(can(actor('grid_worker'), 'place.read', { code: OTHER_COMMUNITY })).toBe(false);
  });
  it('a resident of another household is refused even in the same grid', () => {
    expect(can(actor('resident'), 'resident.read', { code: GRID, householdId: 'h9' })).toBe(false);
  });
});
