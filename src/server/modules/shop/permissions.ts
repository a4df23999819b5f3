/**
 * Who may do what in the shop, in one table. Every right is limited to communities inside the actor's scope
 * (`area`): shop staff and community staff act for their community; street and district staff and auditors read.
 * The settlement moves money into the community fund, so only community staff run it and set the share.
 */

/** An account's role (the names of platform/db/schema.ts; a plain string keeps this file pure). */
type Role = string;

/** Shop actions. */
export type ShopAction = 'shop.read' | 'shop.sell' | 'shop.manage' | 'shop.settle';

const TABLE: Record<ShopAction, readonly Role[]> = {
  'shop.read': ['shop_staff', 'community_staff', 'street_staff', 'district_admin', 'auditor'],
  // the till, refunds, stock movements, live sessions and imports
  'shop.sell': ['shop_staff', 'community_staff'],
  // the catalogue and suppliers, import mappings
  'shop.manage': ['shop_staff', 'community_staff'],
  'shop.settle': ['community_staff'],
};

/** True when `role` may take `action` at all (the place check is {@link inArea}). */
export function shopRoleHas(role: Role, action: ShopAction): boolean {
  return TABLE[action].includes(role);
}

/** True when an object of `communityCode` lies inside the actor's scope. */
export function inArea(scopeCode: string, communityCode: string): boolean {
  return communityCode.startsWith(scopeCode);
}

/** Decides one action on one community's object. */
export function canShop(a: { role: Role; scopeCode: string }, action: ShopAction, communityCode: string): boolean {
  return shopRoleHas(a.role, action) && inArea(a.scopeCode, communityCode);
}
