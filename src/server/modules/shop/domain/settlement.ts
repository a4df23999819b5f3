/**
 * Settlement (结算) of a closed period: gross profit per channel and product, and the agreed share for the
 * community fund. Shares are basis points (3,000 = 30 %); the share is rounded down to the fen (the fund never
 * receives more than agreed) and is zero when the period made no profit.
 */

/** One channel × product row of the period (sales in the period minus refunds in the period). */
export interface ProfitRow {
  channel: 'counter' | 'live';
  productId: string;
  name: string;
  qty: number;
  revenueFen: number;
  costFen: number;
}

/** The settlement's figures. */
export interface SettlementFigures {
  revenueFen: number;
  costFen: number;
  grossProfitFen: number;
  shareFen: number;
  byChannel: { channel: 'counter' | 'live'; revenueFen: number; costFen: number; grossProfitFen: number }[];
  byProduct: (ProfitRow & { grossProfitFen: number })[];
}

/** The fund's share of `grossProfitFen` at `shareBp` basis points (floor; 0 without profit). */
export function fundShare(grossProfitFen: number, shareBp: number): number {
  if (grossProfitFen <= 0) return 0;
  return Number((BigInt(grossProfitFen) * BigInt(shareBp)) / 10_000n);
}

/** Sums the rows per channel and product and computes the share. */
export function settle(rows: readonly ProfitRow[], shareBp: number): SettlementFigures {
  const byProduct = rows
    .map((r) => ({ ...r, grossProfitFen: r.revenueFen - r.costFen }))
    .sort((a, b) => (a.channel === b.channel ? b.grossProfitFen - a.grossProfitFen : a.channel < b.channel ? -1 : 1));
  const byChannel = (['counter', 'live'] as const).map((channel) => {
    const rs = rows.filter((r) => r.channel === channel);
    const revenueFen = rs.reduce((a, r) => a + r.revenueFen, 0);
    const costFen = rs.reduce((a, r) => a + r.costFen, 0);
    return { channel, revenueFen, costFen, grossProfitFen: revenueFen - costFen };
  });
  const revenueFen = byChannel.reduce((a, c) => a + c.revenueFen, 0);
  const costFen = byChannel.reduce((a, c) => a + c.costFen, 0);
  const grossProfitFen = revenueFen - costFen;
  return { revenueFen, costFen, grossProfitFen, shareFen: fundShare(grossProfitFen, shareBp), byChannel, byProduct };
}

/**
 * Checks a period 'YYYY-MM-DD'..'YYYY-MM-DD' (Shanghai dates, both included): valid dates, from ≤ to, at most
 * 366 days, and closed — its last day is before `today` (a period still running cannot be settled).
 */
export function checkPeriod(from: string, to: string, today: string): 'ok' | 'bad' | 'open' {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || new Date(a).toISOString().slice(0, 10) !== from) return 'bad';
  if (new Date(b).toISOString().slice(0, 10) !== to || a > b || b - a > 366 * 86_400_000) return 'bad';
  return to < today ? 'ok' : 'open';
}
