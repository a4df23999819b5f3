import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { canCircle, circleRoleHas, type CircleAction } from './permissions.ts';

const COMMUNITY = '620702004006';
const OTHER = '620702004001';
const scopes: Record<Role, string> = {
  resident: `${COMMUNITY}03`,
  grid_worker: `${COMMUNITY}03`,
  community_staff: COMMUNITY,
  street_staff: '620702004',
  district_admin: '620702',
  shop_staff: COMMUNITY,
  auditor: '620702',
};
const T = true,
  F = false;
// [own community (own building for circle.home), own community other building, other community]
const expected: Record<Role, Record<CircleAction, [boolean, boolean, boolean]>> = {
  resident: { 'circle.read': [F, F, F], 'circle.import': [F, F, F], 'circle.home': [T, F, F] },
  grid_worker: { 'circle.read': [F, F, F], 'circle.import': [F, F, F], 'circle.home': [F, F, F] },
  community_staff: { 'circle.read': [T, T, F], 'circle.import': [T, T, F], 'circle.home': [T, T, F] },
  street_staff: { 'circle.read': [T, T, T], 'circle.import': [T, T, T], 'circle.home': [T, T, T] },
  district_admin: { 'circle.read': [T, T, T], 'circle.import': [T, T, T], 'circle.home': [T, T, T] },
  shop_staff: { 'circle.read': [F, F, F], 'circle.import': [F, F, F], 'circle.home': [F, F, F] },
  auditor: { 'circle.read': [F, F, F], 'circle.import': [F, F, F], 'circle.home': [F, F, F] },
};

describe('circle permissions (role × action × scope)', () => {
  for (const [role, actions] of Object.entries(expected) as [
    Role,
    Record<CircleAction, [boolean, boolean, boolean]>,
  ][]) {
    for (const [action, [own, other, far]] of Object.entries(actions) as [
      CircleAction,
      [boolean, boolean, boolean],
    ][]) {
      it(`${role} ${action}`, () => {
        const a = { role, scopeCode: scopes[role], buildingId: role === 'resident' ? 'b1' : null };
        expect(canCircle(a, action, { code: COMMUNITY, buildingId: 'b1' })).toBe(own);
        expect(canCircle(a, action, { code: COMMUNITY, buildingId: 'b2' })).toBe(
          action === 'circle.home' ? other : own,
        );
        expect(canCircle(a, action, { code: OTHER, buildingId: 'b1' })).toBe(far);
      });
    }
  }
  it('menus follow the table', () => {
    expect(circleRoleHas('community_staff', 'circle.read')).toBe(true);
    expect(circleRoleHas('grid_worker', 'circle.read')).toBe(false);
    expect(circleRoleHas('resident', 'circle.home')).toBe(true);
  });
});
