/**
 * Who may do what with a community's fund, as a table role × action → rule. Approving is not a role's power:
 * it needs a seat on the community's fund committee (checked by the service), inside the actor's scope.
 */
/** The account roles (as platform/db/schema.ts `Role`; kept here so this table stays pure). */
type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/**
 * `fund.read`: overview, expenses, committee. `fund.request`: ask for an expense. `fund.approve`: approve (with a
 * committee seat). `fund.pay`: record a payment or an income. `fund.manage`: committee, budgets, close periods.
 */
export type FundAction = 'fund.read' | 'fund.request' | 'fund.approve' | 'fund.pay' | 'fund.manage';

type Rule = 'none' | 'scope';

const table: Record<Role, Partial<Record<FundAction, Rule>>> = {
  resident: {},
  grid_worker: {},
  community_staff: {
    'fund.read': 'scope',
    'fund.request': 'scope',
    'fund.approve': 'scope',
    'fund.pay': 'scope',
    'fund.manage': 'scope',
  },
  street_staff: { 'fund.read': 'scope', 'fund.approve': 'scope' },
  district_admin: { 'fund.read': 'scope' },
  shop_staff: {},
  auditor: { 'fund.read': 'scope' },
};

/** Decides one action on a community (by code). */
export function canFund(actor: { role: Role; scopeCode: string }, action: FundAction, communityCode: string): boolean {
  const rule = table[actor.role][action] ?? 'none';
  return rule === 'scope' && communityCode.startsWith(actor.scopeCode);
}
