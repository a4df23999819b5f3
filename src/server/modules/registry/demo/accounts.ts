/**
 * Demo log-ins for the generated community. DEMO ONLY: every account shares {@link DEMO_PASSWORD}; seeding
 * must refuse to create them outside demo mode. Resident accounts point at generated residents.
 */
import type { DemoCommunity } from './types.ts';

/** Password of every demo account (documented in docs/demo-data.md; never use outside a demo). */
export const DEMO_PASSWORD = 'linli-demo';

/** Roles, as in the accounts table. */
type DemoRole =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/** One demo log-in and the part of the place tree it acts within. */
export interface DemoAccount {
  username: string;
  password: string;
  role: DemoRole;
  displayName: string;
  scope: 'district' | 'street' | 'community' | { gridSeq: number } | { residentKey: string };
}

/**
 * Demo accounts for a generated community: two residents (a 户主 of 丝路嘉苑 and an elderly resident living
 * alone), the eight grid workers, and one account for each staff role.
 * @throws Error when the community lacks such residents (it never does for the built-in plan).
 */
export function demoAccounts(c: DemoCommunity): DemoAccount[] {
  const siluBuildings = new Set(c.buildings.filter((b) => b.compoundKey === 'silu').map((b) => b.key));
  const siluHouseholds = new Set(c.households.filter((h) => siluBuildings.has(h.buildingKey)).map((h) => h.key));
  const silu = c.residents.find((r) => siluHouseholds.has(r.householdKey) && r.relation === '户主' && r.phone !== null);
  const elder = c.residents.find((r) => r.tags.includes('独居老人'));
  if (!silu || !elder) throw new Error('demo community lacks the residents the demo accounts need');
  const account = (
    username: string,
    role: DemoRole,
    displayName: string,
    scope: DemoAccount['scope'],
  ): DemoAccount => ({
    username,
    password: DEMO_PASSWORD,
    role,
    displayName,
    scope,
  });
  return [
    account('resident_silu', 'resident', silu.name, { residentKey: silu.key }),
    account('resident_elder', 'resident', elder.name, { residentKey: elder.key }),
    ...c.grids.map((g) => account(g.worker.username, 'grid_worker', g.worker.name, { gridSeq: g.seq })),
    account('dh_staff', 'community_staff', '东湖社区工作人员', 'community'),
    account('bj_street', 'street_staff', '北街街道工作人员', 'street'),
    account('gz_admin', 'district_admin', '甘州区管理员', 'district'),
    account('shop01', 'shop_staff', '甘州铺子店员', 'community'),
    account('auditor', 'auditor', '审计员', 'district'),
  ];
}
