import { describe, expect, it } from 'vitest';
import { checkManage } from './manage.ts';
import type { Role } from '../../../../shared/roles.ts';

const C = '620702004006';
const mgr = (role: Role, scopeCode: string) => ({ accountId: 'm', role, scopeCode });

describe('account management rules (manager × target role × scope)', () => {
  it.each<[Role, string, Role, string, string | null]>([
    ['community_staff', C, 'grid_worker', `${C}03`, null],
    ['community_staff', C, 'resident', `${C}03`, null],
    ['community_staff', C, 'grid_worker', '62070200400701', 'scope'],
    ['community_staff', C, 'community_staff', C, 'role'],
    ['community_staff', C, 'grid_worker', C, 'level'],
    ['community_staff', C, 'auditor', C, 'role'],
    ['street_staff', '620702004', 'community_staff', C, null],
    ['street_staff', '620702004', 'community_staff', '620702003001', 'scope'],
    ['street_staff', '620702004', 'street_staff', '620702004', 'role'],
    ['district_admin', '620702', 'auditor', '620702', null],
    ['district_admin', '620702', 'street_staff', '620702004', null],
    ['district_admin', '620702', 'street_staff', '620702004006', 'level'],
    ['grid_worker', `${C}03`, 'resident', `${C}03`, 'role'],
    ['resident', `${C}03`, 'resident', `${C}03`, 'role'],
    ['auditor', '620702', 'grid_worker', `${C}01`, 'role'],
  ])('%s@%s → %s@%s: %s', (role, scope, targetRole, targetScope, expected) => {
    expect(checkManage(mgr(role, scope), { role: targetRole, scopeCode: targetScope })).toBe(expected);
  });

  it('nobody manages their own account here', () => {
    expect(
      checkManage(mgr('district_admin', '620702'), { accountId: 'm', role: 'district_admin', scopeCode: '620702' }),
    ).toBe('self');
  });
});
