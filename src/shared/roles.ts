/**
 * The roles an account can have. A neutral home (no module owns it): the accounts table stores it
 * (platform/db/schema.ts), every module's permissions table is keyed by it, and pure `domain/` code and the web may
 * import it because `src/shared/` imports nothing else.
 */
export type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';
