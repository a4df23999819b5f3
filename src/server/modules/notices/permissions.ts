/**
 * Who may do what with notices. 'community': the notice's community is the actor's community (or inside the
 * actor's scope, for reading from above); 'grid': the household or grid is the grid worker's own.
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

/** Notice actions. */
export type NoticeAction = 'send' | 'stats' | 'walk' | 'tell' | 'receive';

/** The minimum of an actor a decision needs. */
export interface NoticeActor {
  role: Role;
  scopeCode: string;
}

const TABLE: Record<NoticeAction, readonly Role[]> = {
  send: ['community_staff'],
  stats: ['community_staff', 'street_staff', 'district_admin', 'grid_worker'],
  walk: ['community_staff', 'grid_worker'],
  tell: ['community_staff', 'grid_worker'],
  receive: ['resident'],
};

/** Whether a role has an action at all. */
export function noticeRoleHas(role: Role, action: NoticeAction): boolean {
  return TABLE[action].includes(role);
}

/**
 * Decides an action on a notice of `communityCode`, for a grid (`gridCode`, walk and tell) when given. Staff act
 * under their scope; a grid worker reads the notices of their community and walks or tells only in their grid.
 */
export function can(a: NoticeActor, action: NoticeAction, communityCode: string, gridCode?: string | null): boolean {
  if (!noticeRoleHas(a.role, action)) return false;
  if (a.role === 'grid_worker') {
    if (!a.scopeCode.startsWith(communityCode)) return false;
    return action === 'stats' || gridCode === a.scopeCode;
  }
  if (a.role === 'resident') return a.scopeCode.startsWith(communityCode);
  if (action === 'send') return a.scopeCode === communityCode;
  return (
    communityCode.startsWith(a.scopeCode) &&
    (gridCode === undefined || gridCode === null || gridCode.startsWith(a.scopeCode))
  );
}
