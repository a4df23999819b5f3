/**
 * Who may create and manage which accounts. Pure rules: a manager acts only below their own role and inside
 * their own area, and every role is bound to one level of the place tree (a grid worker to a grid, community
 * staff to a community …). Nobody manages their own account here (they use password change).
 */
import type { Role } from '../../../../shared/roles.ts';

/** The place level a role's scope must be: code length 6 (county), 9 (street), 12 (community), 14/15 (grid). */
export const SCOPE_LEVEL: Record<Role, readonly number[]> = {
  district_admin: [6],
  street_staff: [9],
  community_staff: [12],
  shop_staff: [12],
  grid_worker: [14, 15],
  resident: [12, 14, 15],
  auditor: [6, 9, 12],
};

/** Roles each role may create and manage. */
const MANAGES: Record<Role, readonly Role[]> = {
  district_admin: [
    'district_admin',
    'street_staff',
    'community_staff',
    'grid_worker',
    'shop_staff',
    'resident',
    'auditor',
  ],
  street_staff: ['community_staff', 'grid_worker', 'shop_staff', 'resident'],
  community_staff: ['grid_worker', 'shop_staff', 'resident'],
  grid_worker: [],
  shop_staff: [],
  resident: [],
  auditor: [],
};

/** Why a management request is refused, or null when allowed. */
export type ManageRefusal = 'role' | 'scope' | 'level' | 'self';

/** Decides whether `manager` may create/edit an account with `target` role and scope. */
export function checkManage(
  manager: { accountId: string; role: Role; scopeCode: string },
  target: { accountId?: string; role: Role; scopeCode: string },
): ManageRefusal | null {
  if (target.accountId !== undefined && target.accountId === manager.accountId) return 'self';
  if (!MANAGES[manager.role].includes(target.role)) return 'role';
  if (!SCOPE_LEVEL[target.role].includes(target.scopeCode.length)) return 'level';
  if (!target.scopeCode.startsWith(manager.scopeCode)) return 'scope';
  return null;
}

/** Whether a role may manage accounts at all (menu entries, early refusal). */
export function managesAny(role: Role): boolean {
  return MANAGES[role].length > 0;
}
