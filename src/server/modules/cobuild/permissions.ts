/**
 * Who may do what in cobuild, in one table. Relations: 'area' — the actor's scope contains the community (staff of
 * the community, its street or district; auditors read); 'inside' — the actor acts within the community (its grid
 * workers and residents, whose scope code starts with the community code).
 */
/** Account roles (as in the accounts table; kept here so this pure table imports nothing). */
type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/** Actions on a community's cobuild data. */
export type CobuildAction = 'read' | 'manage' | 'raise_need' | 'volunteer';

/** The minimum of an actor a decision needs. */
export interface CobuildActor {
  role: Role;
  scopeCode: string;
  residentId: string | null;
}

type Rel = 'area' | 'inside';
const MANAGERS: readonly Role[] = ['community_staff', 'street_staff', 'district_admin'];

/** Action → (roles, relation); a role missing from the list never may. */
const COBUILD_TABLE: Record<CobuildAction, { roles: readonly Role[]; rel: Rel }[]> = {
  read: [
    { roles: [...MANAGERS, 'auditor'], rel: 'area' },
    { roles: ['grid_worker'], rel: 'inside' },
  ],
  manage: [{ roles: MANAGERS, rel: 'area' }],
  raise_need: [
    { roles: MANAGERS, rel: 'area' },
    { roles: ['grid_worker', 'resident'], rel: 'inside' },
  ],
  volunteer: [{ roles: ['resident'], rel: 'inside' }],
};

/** True when `a` may do `action` on data of `communityCode`. */
export function can(a: CobuildActor, action: CobuildAction, communityCode: string): boolean {
  return COBUILD_TABLE[action].some(
    (r) =>
      r.roles.includes(a.role) &&
      (r.rel === 'area'
        ? communityCode.startsWith(a.scopeCode)
        : a.scopeCode.startsWith(communityCode) && (a.role !== 'resident' || a.residentId !== null)),
  );
}
