/** Demo logins shown on the login page (password `linli-demo` for all, seeded by `linli seed --demo`). */
import type { Role } from '../../api/types.ts';

/** The shared demo password. */
export const DEMO_PASSWORD = 'linli-demo';

/** One demo account and its role. */
export interface DemoAccount {
  username: string;
  role: Role;
}

/** The demo accounts apart from the eight grid workers. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'dh_staff', role: 'community_staff' },
  { username: 'bj_street', role: 'street_staff' },
  { username: 'gz_admin', role: 'district_admin' },
  { username: 'auditor', role: 'auditor' },
  { username: 'shop01', role: 'shop_staff' },
  { username: 'resident_silu', role: 'resident' },
  { username: 'resident_elder', role: 'resident' },
];

/** grid01 … grid08. */
export const DEMO_GRID_WORKERS: string[] = Array.from({ length: 8 }, (_, i) => `grid0${i + 1}`);
