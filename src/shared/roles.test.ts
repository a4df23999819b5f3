/** Pins who is staff: one list for the server and the web (code health issue, item 3). */
import { describe, expect, it } from 'vitest';
import { HANDLER_ROLES, isHandlerRole, isStaffRole, STAFF_ROLES } from './roles.ts';

const ALL = ['resident', 'grid_worker', 'community_staff', 'street_staff', 'district_admin', 'shop_staff', 'auditor'];

describe('staff roles', () => {
  it('staff are the four handler roles and the auditor; residents and shop staff are not staff', () => {
    expect(ALL.filter(isStaffRole)).toEqual([
      'grid_worker',
      'community_staff',
      'street_staff',
      'district_admin',
      'auditor',
    ]);
    expect(ALL.filter(isHandlerRole)).toEqual(['grid_worker', 'community_staff', 'street_staff', 'district_admin']);
    expect([...STAFF_ROLES].sort()).toEqual([...HANDLER_ROLES, 'auditor'].sort());
    for (const r of ['resident', 'shop_staff', 'nobody', '']) expect(isStaffRole(r), r).toBe(false);
    expect(isHandlerRole('auditor')).toBe(false);
  });
});
