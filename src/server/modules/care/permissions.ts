/**
 * Who may do what on the care list, in one table. Relations: 'scope' — the person's grid (or community) lies in
 * the actor's scope; 'carer' — the actor cares for the person: the grid worker of the person's grid, or an
 * account assigned to them (a volunteer or staff member). Health and ability notes are read and written by
 * carers only (PIPL art. 28: minimum necessary), whatever the role.
 */
/** The account roles (as in the accounts table; kept here so that this table stays pure). */
type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/** Care actions. */
export type CareAction =
  /** See the person on the care and overdue lists, the plan and the visits (no notes). */
  | 'read'
  /** Change the plan (interval), assign carers, refresh the list from the register. */
  | 'plan'
  /** Record a visit and turn its finding into a case. */
  | 'visit'
  /** Read and write the health and ability notes (sensitive). */
  | 'notes';

/** The minimum of an actor a decision needs. */
export interface CareActor {
  role: Role;
  scopeCode: string;
}

/** Where the person is and whether the actor is assigned to them. */
export interface CareSubject {
  communityCode: string;
  gridCode: string | null;
  /** The actor is an assigned carer (care_carers). */
  assigned: boolean;
}

type Rel = 'scope' | 'carer';

const TABLE: Record<CareAction, Partial<Record<Role, Rel>>> = {
  read: {
    grid_worker: 'scope',
    community_staff: 'scope',
    street_staff: 'scope',
    district_admin: 'scope',
    resident: 'carer',
  },
  plan: { community_staff: 'scope' },
  visit: { grid_worker: 'carer', community_staff: 'carer', resident: 'carer' },
  notes: { grid_worker: 'carer', community_staff: 'carer', resident: 'carer' },
};

/** The code a person's data sits under: their grid, else their community. */
export const codeOf = (s: Pick<CareSubject, 'communityCode' | 'gridCode'>): string => s.gridCode ?? s.communityCode;

/** True when the actor cares for the person: the grid worker of the person's grid, or an assigned account. */
export function isCarer(a: CareActor, s: CareSubject): boolean {
  if (a.role === 'grid_worker') return s.gridCode !== null && s.gridCode === a.scopeCode;
  return s.assigned && s.communityCode.startsWith(a.scopeCode.slice(0, 12));
}

/** Decides one action on one person. */
export function can(a: CareActor, action: CareAction, s: CareSubject): boolean {
  const rel = TABLE[action][a.role];
  if (rel === undefined) return false;
  if (rel === 'scope') return codeOf(s).startsWith(a.scopeCode);
  return isCarer(a, s);
}

/** Whether a role has an action anywhere (menus, early refusals). */
export function careRoleHas(role: Role, action: CareAction): boolean {
  return TABLE[action][role] !== undefined;
}
