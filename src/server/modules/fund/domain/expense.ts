/**
 * Expense rules (pure): how many committee approvals an amount needs, who may approve (a committee member who is
 * not the requester, once), when an expense may be paid, and what a 电子发票 number looks like. Failures are
 * values with the error code the service raises.
 */

/** The state an approval decision needs. */
export interface ExpenseState {
  status: 'requested' | 'approved' | 'paid' | 'rejected';
  requestedBy: string;
  approvalsNeeded: number;
  approvers: readonly string[];
}

/** Two approvals; a third at or above `thirdFromFen` (a setting, default ¥50,000). */
export function approvalsNeeded(amountFen: bigint, thirdFromFen: bigint): number {
  return amountFen >= thirdFromFen ? 3 : 2;
}

/** Why an approval is refused, or null when it is allowed. */
export type ApprovalRefusal = 'FUND_BAD_STATE' | 'FUND_SELF_APPROVAL' | 'FUND_NOT_COMMITTEE' | 'FUND_ALREADY_APPROVED';

/** Decides one approval by `accountId` (`member`: on the community's committee). */
export function decideApproval(
  e: ExpenseState,
  accountId: string,
  member: boolean,
): { ok: true; status: ExpenseState['status'] } | { ok: false; code: ApprovalRefusal } {
  if (e.status !== 'requested') return { ok: false, code: 'FUND_BAD_STATE' };
  if (accountId === e.requestedBy) return { ok: false, code: 'FUND_SELF_APPROVAL' };
  if (!member) return { ok: false, code: 'FUND_NOT_COMMITTEE' };
  if (e.approvers.includes(accountId)) return { ok: false, code: 'FUND_ALREADY_APPROVED' };
  const count = new Set([...e.approvers, accountId]).size;
  return { ok: true, status: count >= e.approvalsNeeded ? 'approved' : 'requested' };
}

/**
 * A valid invoice reference: a 全电发票 (fully digital invoice) number of 20 digits with no code, or a
 * traditional invoice: code of 10 or 12 digits and number of 8 digits.
 */
export function invoiceOk(code: string | null, number: string): boolean {
  if (/^\d{20}$/.test(number)) return code === null || code === '';
  return /^\d{8}$/.test(number) && code !== null && /^(\d{10}|\d{12})$/.test(code);
}
