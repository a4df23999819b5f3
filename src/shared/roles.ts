/**
 * The roles an account can have. A neutral home (no module owns it): the accounts table stores it
 * (platform/db/schema.ts), every module's permissions table is keyed by it, and pure `domain/` code and the web may
 * import it because `src/shared/` imports nothing else. Also who is staff: one definition for the server's
 * permission tables and presenters and the web's menus. Residents and shop staff are not staff of the community
 * (they never see internal case notes or other people's cases).
 */
export type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/** Roles that handle cases in their area (the grid worker in the field, community, street, district staff). */
export const HANDLER_ROLES = ['grid_worker', 'community_staff', 'street_staff', 'district_admin'] as const;

/** Staff: the handlers plus auditors, who read everything in their scope and change nothing. */
export const STAFF_ROLES = [...HANDLER_ROLES, 'auditor'] as const;

/** A handler role. */
export type HandlerRole = (typeof HANDLER_ROLES)[number];
/** A staff role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** True for the roles of {@link STAFF_ROLES}. */
export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** True for the roles of {@link HANDLER_ROLES} (staff who may change a case, unlike auditors). */
export function isHandlerRole(role: string): role is HandlerRole {
  return (HANDLER_ROLES as readonly string[]).includes(role);
}
