/**
 * The time bank's rules (pure). The ledger is append-only: a row is never changed or removed. A volunteer's
 * balance is the sum of their rows' minutes and is never negative. Per (activity, volunteer) there is at most one
 * `service` row (written at check-out); a correction reverses every still-effective credit of that pair and adds
 * one `correction` row with the new total, so the credited total is always exactly the last decision.
 */

/** One ledger row as the rules see it. */
export interface LedgerRow {
  id: string;
  kind: 'service' | 'correction' | 'reversal' | 'redemption';
  minutes: number;
  activityId: string | null;
  reversesId: string | null;
}

/** Minutes served between check-in and check-out, clipped to the activity's time; never negative. */
export function serviceMinutes(checkIn: Date, checkOut: Date, startsAt: Date, endsAt: Date): number {
  const from = Math.max(checkIn.getTime(), startsAt.getTime());
  const to = Math.min(checkOut.getTime(), endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** The balance of a ledger (sum of minutes). */
export function balanceOf(rows: readonly LedgerRow[]): number {
  return rows.reduce((s, r) => s + r.minutes, 0);
}

/** Credit rows of one activity not yet reversed. */
function effectiveCredits(rows: readonly LedgerRow[], activityId: string): LedgerRow[] {
  const reversed = new Set(rows.filter((r) => r.reversesId !== null).map((r) => r.reversesId));
  return rows.filter(
    (r) => r.activityId === activityId && (r.kind === 'service' || r.kind === 'correction') && !reversed.has(r.id),
  );
}

/**
 * Minutes credited for one activity after corrections: its credit rows plus the reversal rows that negate them
 * (a reversal of an activity's credit carries the activity's id).
 */
export function creditedFor(rows: readonly LedgerRow[], activityId: string): number {
  return rows.filter((r) => r.activityId === activityId && r.kind !== 'redemption').reduce((s, r) => s + r.minutes, 0);
}

/** A refused time-bank operation. */
export type LedgerRefusal =
  | { reason: 'already_credited' }
  | { reason: 'activity_closed' }
  | { reason: 'insufficient'; balance: number; asked: number }
  | { reason: 'bad_minutes' }
  | { reason: 'not_credited' };

/** Rows to append; `reverse` lists the ids each new reversal row negates. */
export interface LedgerPlan {
  reversals: { reversesId: string; minutes: number }[];
  correction: number | null;
  /** Change of the balance the plan causes. */
  delta: number;
}

/**
 * A correction of one activity's credit to `minutes` (staff, while the activity is open). Reverses each
 * effective credit row and adds one correction row (none when the new total is 0). Refused when closed, when
 * nothing was credited yet, or when the balance would fall below 0 (the hours were already redeemed).
 */
export function planCorrection(
  rows: readonly LedgerRow[],
  activityId: string,
  minutes: number,
  activityClosed: boolean,
): LedgerPlan | LedgerRefusal {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) return { reason: 'bad_minutes' };
  if (activityClosed) return { reason: 'activity_closed' };
  if (!rows.some((r) => r.activityId === activityId && r.kind === 'service')) return { reason: 'not_credited' };
  const credits = effectiveCredits(rows, activityId);
  const reversals = credits.map((r) => ({ reversesId: r.id, minutes: -r.minutes }));
  const delta = minutes + reversals.reduce((s, r) => s + r.minutes, 0);
  const balance = balanceOf(rows);
  if (balance + delta < 0) return { reason: 'insufficient', balance, asked: -delta };
  return { reversals, correction: minutes > 0 ? minutes : null, delta };
}

/** A redemption of `minutes` for a service: refused when the balance is lower. */
export function planRedemption(balance: number, minutes: number): { delta: number } | LedgerRefusal {
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 100_000) return { reason: 'bad_minutes' };
  if (balance < minutes) return { reason: 'insufficient', balance, asked: minutes };
  return { delta: -minutes };
}

/** True when `x` is a refusal rather than a plan. */
export function refused<T extends object>(x: T | LedgerRefusal): x is LedgerRefusal {
  return 'reason' in x;
}

/** Hours with one decimal from minutes (display only; the ledger keeps integer minutes). */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** A year's summary of one volunteer's ledger rows (at: the row's instant; year in Asia/Shanghai by caller). */
export function yearSummary(rows: readonly (LedgerRow & { year: number })[], year: number) {
  const inYear = rows.filter((r) => r.year === year);
  const served = inYear.filter((r) => r.activityId !== null && r.kind !== 'redemption');
  const activities = new Set(
    inYear.filter((r) => r.kind === 'service' && r.activityId !== null).map((r) => r.activityId),
  );
  return {
    year,
    activities: activities.size,
    servedMinutes: served.reduce((s, r) => s + r.minutes, 0),
    redeemedMinutes: -inYear.filter((r) => r.kind === 'redemption').reduce((s, r) => s + r.minutes, 0),
  };
}
