/**
 * Where a case came from, decided on the server from who files it (privacy/security issue, item 11): the
 * `source` a client sends is only a wish. A resident's report is always a resident report; an Open311 client's
 * is always `open311`; hotline and patrol (and staff) only from grid workers and street/community/district staff.
 */
import { HANDLER_ROLES, type Role } from '../../../../shared/roles.ts';

/** A case's source, as stored. */
export type CaseSource = 'resident' | 'patrol' | 'hotline' | 'open311' | 'staff';

/** Roles that take reports on the phone line or walk patrols. */
const FIELD_ROLES: ReadonlySet<Role> = new Set(HANDLER_ROLES);

/**
 * Decides the source. `onPatrol`: the report names a patrol the caller has already checked is the actor's own.
 * Roles outside the field roles (shop staff, auditors) file as `staff` whatever they ask for.
 */
export function decideSource(
  role: Role | null,
  viaOpen311: boolean,
  requested: 'resident' | 'patrol' | 'hotline' | 'staff' | undefined,
  onPatrol: boolean,
): CaseSource {
  if (viaOpen311) return 'open311';
  if (role === 'resident') return 'resident';
  if (role === null || !FIELD_ROLES.has(role)) return 'staff';
  if (onPatrol) return 'patrol';
  return requested === undefined || requested === 'resident' ? 'staff' : requested;
}
