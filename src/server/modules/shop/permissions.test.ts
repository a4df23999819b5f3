import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { canShop, type ShopAction } from './permissions.ts';

const C = '620702004006';
const OTHER = '620702004007';
const scope: Record<Role, string> = {
  resident: `${C}01`,
  grid_worker: `${C}03`,
  community_staff: C,
  street_staff: '620702004',
  district_admin: '620702',
  shop_staff: C,
  auditor: '620702',
};
const T = true;
const F = false;
/** role → action → [own community, another community] */
const table: Record<Role, Record<ShopAction, [boolean, boolean]>> = {
  resident: { 'shop.read': [F, F], 'shop.sell': [F, F], 'shop.manage': [F, F], 'shop.settle': [F, F] },
  grid_worker: { 'shop.read': [F, F], 'shop.sell': [F, F], 'shop.manage': [F, F], 'shop.settle': [F, F] },
  shop_staff: { 'shop.read': [T, F], 'shop.sell': [T, F], 'shop.manage': [T, F], 'shop.settle': [F, F] },
  community_staff: { 'shop.read': [T, F], 'shop.sell': [T, F], 'shop.manage': [T, F], 'shop.settle': [T, F] },
  street_staff: { 'shop.read': [T, T], 'shop.sell': [F, F], 'shop.manage': [F, F], 'shop.settle': [F, F] },
  district_admin: { 'shop.read': [T, T], 'shop.sell': [F, F], 'shop.manage': [F, F], 'shop.settle': [F, F] },
  auditor: { 'shop.read': [T, T], 'shop.sell': [F, F], 'shop.manage': [F, F], 'shop.settle': [F, F] },
};

describe('shop permissions', () => {
  for (const [role, actions] of Object.entries(table) as [Role, Record<ShopAction, [boolean, boolean]>][])
    for (const [action, [own, other]] of Object.entries(actions) as [ShopAction, [boolean, boolean]][])
      it(`${role} ${action}: own ${own}, other ${other}`, () => {
        expect(canShop({ role, scopeCode: scope[role] }, action, C)).toBe(own);
        expect(canShop({ role, scopeCode: scope[role] }, action, OTHER)).toBe(other);
      });
});
