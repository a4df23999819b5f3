import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balanceOf,
  creditedFor,
  planCorrection,
  planRedemption,
  refused,
  serviceMinutes,
  yearSummary,
  type LedgerRow,
} from './timebank.ts';

type Op =
  | { t: 'serve'; a: number; minutes: number }
  | { t: 'correct'; a: number; minutes: number }
  | { t: 'redeem'; minutes: number }
  | { t: 'close'; a: number };

const op = fc.oneof(
  fc.record({ t: fc.constant('serve' as const), a: fc.nat(3), minutes: fc.nat(600) }),
  fc.record({ t: fc.constant('correct' as const), a: fc.nat(3), minutes: fc.integer({ min: -5, max: 700 }) }),
  fc.record({ t: fc.constant('redeem' as const), minutes: fc.integer({ min: -5, max: 900 }) }),
  fc.record({ t: fc.constant('close' as const), a: fc.nat(3) }),
);

/** Applies ops the way the service does (a plan, then append-only rows); returns the ledger and the model. */
function run(ops: Op[]) {
  const rows: LedgerRow[] = [];
  const closed = new Set<string>();
  const expected = new Map<string, number>(); // activity → minutes the last accepted decision credited
  let redeemed = 0;
  let n = 0;
  const add = (r: Omit<LedgerRow, 'id'>) => {
    const row = { ...r, id: `r${n++}` };
    rows.push(row);
    return row;
  };
  for (const o of ops) {
    if (o.t === 'close') {
      closed.add(`a${o.a}`);
    } else if (o.t === 'serve') {
      const a = `a${o.a}`;
      // the unique (activity, volunteer) service row: a second check-out is refused
      if (rows.some((r) => r.kind === 'service' && r.activityId === a) || closed.has(a)) continue;
      add({ kind: 'service', minutes: o.minutes, activityId: a, reversesId: null });
      expected.set(a, o.minutes);
    } else if (o.t === 'correct') {
      const a = `a${o.a}`;
      const plan = planCorrection(rows, a, o.minutes, closed.has(a));
      if (refused(plan)) continue;
      for (const r of plan.reversals)
        add({ kind: 'reversal', minutes: r.minutes, activityId: a, reversesId: r.reversesId });
      if (plan.correction !== null)
        add({ kind: 'correction', minutes: plan.correction, activityId: a, reversesId: null });
      expected.set(a, o.minutes);
    } else {
      const plan = planRedemption(balanceOf(rows), o.minutes);
      if (refused(plan)) continue;
      add({ kind: 'redemption', minutes: plan.delta, activityId: null, reversesId: null });
      redeemed += o.minutes;
    }
    expect(balanceOf(rows)).toBeGreaterThanOrEqual(0);
  }
  return { rows, expected, redeemed };
}

describe('time bank', () => {
  it('never loses or double-counts a minute, never goes below 0, and reverses each row at most once', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { rows, expected, redeemed } = run(ops);
        const credited = [...expected.values()].reduce((s, m) => s + m, 0);
        expect(balanceOf(rows)).toBe(credited - redeemed);
        for (const [a, m] of expected) expect(creditedFor(rows, a)).toBe(m);
        const reversed = rows.filter((r) => r.reversesId !== null).map((r) => r.reversesId);
        expect(new Set(reversed).size).toBe(reversed.length);
        for (const a of new Set(rows.map((r) => r.activityId).filter((x) => x !== null)))
          expect(rows.filter((r) => r.kind === 'service' && r.activityId === a)).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a correction after the activity closed, before any credit, and one that spends redeemed hours', () => {
    const rows: LedgerRow[] = [{ id: 's', kind: 'service', minutes: 120, activityId: 'a', reversesId: null }];
    expect(planCorrection(rows, 'a', 60, true)).toEqual({ reason: 'activity_closed' });
    expect(planCorrection(rows, 'b', 60, false)).toEqual({ reason: 'not_credited' });
    rows.push({ id: 'r', kind: 'redemption', minutes: -100, activityId: null, reversesId: null });
    expect(planCorrection(rows, 'a', 10, false)).toEqual({ reason: 'insufficient', balance: 20, asked: 110 });
    expect(planCorrection(rows, 'a', 100, false)).toEqual({
      reversals: [{ reversesId: 's', minutes: -120 }],
      correction: 100,
      delta: -20,
    });
  });

  it('refuses a redemption above the balance or not a positive whole number of minutes', () => {
    expect(planRedemption(59, 60)).toEqual({ reason: 'insufficient', balance: 59, asked: 60 });
    expect(planRedemption(60, 60)).toEqual({ delta: -60 });
    expect(planRedemption(60, 0)).toEqual({ reason: 'bad_minutes' });
    expect(planRedemption(60, 1.5)).toEqual({ reason: 'bad_minutes' });
  });

  it('counts service minutes inside the activity only', () => {
    const s = new Date('2026-05-01T01:00:00Z');
    const e = new Date('2026-05-01T03:00:00Z');
    expect(serviceMinutes(new Date('2026-05-01T00:40:00Z'), new Date('2026-05-01T02:10:30Z'), s, e)).toBe(70);
    expect(serviceMinutes(new Date('2026-05-01T02:00:00Z'), new Date('2026-05-01T05:00:00Z'), s, e)).toBe(60);
    expect(serviceMinutes(new Date('2026-05-01T04:00:00Z'), new Date('2026-05-01T05:00:00Z'), s, e)).toBe(0);
  });

  it('sums a year: activities served, minutes served after corrections, minutes redeemed', () => {
    const rows = [
      { id: '1', kind: 'service' as const, minutes: 90, activityId: 'a', reversesId: null, year: 2026 },
      { id: '2', kind: 'reversal' as const, minutes: -90, activityId: 'a', reversesId: '1', year: 2026 },
      { id: '3', kind: 'correction' as const, minutes: 60, activityId: 'a', reversesId: null, year: 2026 },
      { id: '4', kind: 'service' as const, minutes: 30, activityId: 'b', reversesId: null, year: 2025 },
      { id: '5', kind: 'redemption' as const, minutes: -20, activityId: null, reversesId: null, year: 2026 },
    ];
    expect(yearSummary(rows, 2026)).toEqual({ year: 2026, activities: 1, servedMinutes: 60, redeemedMinutes: 20 });
  });
});
