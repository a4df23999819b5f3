import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatYuan, parseYuan } from './money.ts';
import { changeDue, priceSale, refundAmount } from './sale.ts';
import { fundShare, checkPeriod, settle } from './settlement.ts';

describe('yuan text', () => {
  it('reads what exports write, exactly', () => {
    expect(parseYuan('59.80')).toBe(5980);
    expect(parseYuan('59.8')).toBe(5980);
    expect(parseYuan('¥1,299.00')).toBe(129900);
    expect(parseYuan('16元')).toBe(1600);
    expect(parseYuan('0.07')).toBe(7);
    for (const bad of ['', '-1', '1.234', '1e3', 'abc', '.5', '1.', ' ', '0x10'])
      expect(parseYuan(bad), bad).toBeNull();
  });
  it('round-trips every amount through its text', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (f) => parseYuan(formatYuan(f)) === f));
  });
});

describe('allocating a discount', () => {
  it('gives integer parts that sum to the amount, in proportion within one fen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1e9 }),
        (ws, amount) => {
          const parts = allocate(amount, ws);
          const total = ws.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          if (total > 0)
            for (const [i, p] of parts.entries()) expect(Math.abs(p - (amount * ws[i]!) / total)).toBeLessThan(1);
        },
      ),
    );
  });
});

describe('pricing a sale', () => {
  const product = fc.record({ price: fc.integer({ min: 0, max: 1e6 }), cost: fc.integer({ min: 0, max: 1e6 }) });
  it('totals = lines, discounts never exceed amounts, no line below zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(product, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 1e6 })), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.integer({ min: 0, max: 1e7 }),
        (ls, saleDiscount) => {
          const products = new Map(ls.map(([p], i) => [`p${i}`, { id: `p${i}`, priceFen: p.price, costFen: p.cost }]));
          const lines = ls.map(([, qty, d], i) => ({ productId: `p${i}`, qty, discountFen: d }));
          const r = priceSale(lines, products, saleDiscount);
          const gross = ls.reduce((a, [p, q]) => a + p.price * q, 0);
          if (!r.ok) {
            const lineOver = ls.some(([p, q, d]) => d > p.price * q);
            expect(lineOver || saleDiscount > gross - ls.reduce((a, [, , d]) => a + d, 0)).toBe(true);
            return;
          }
          expect(r.totalFen).toBe(r.lines.reduce((a, l) => a + l.totalFen, 0));
          expect(r.subtotalFen).toBe(gross);
          expect(r.subtotalFen - r.discountFen).toBe(r.totalFen);
          for (const l of r.lines) expect(l.totalFen).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
  it('refunds a line in parts to exactly its takings, never more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        (qty, total, parts) => {
          const line = { id: 'l', qty, totalFen: total, refundedQty: 0, refundedFen: 0 };
          for (const p of parts) {
            const a = refundAmount(line, p);
            if (p > line.qty - line.refundedQty) {
              expect(a).toBeNull();
              continue;
            }
            line.refundedQty += p;
            line.refundedFen += a!;
          }
          expect(line.refundedFen).toBeLessThanOrEqual(total);
          if (line.refundedQty === qty) expect(line.refundedFen).toBe(total);
        },
      ),
    );
  });
  it('asks for enough cash', () => {
    expect(changeDue(1880, 2000)).toBe(120);
    expect(changeDue(1880, 1879)).toBeNull();
  });
});

describe('settlement figures', () => {
  it('floors the share and pays nothing without profit', () => {
    expect(fundShare(6000, 3000)).toBe(1800);
    expect(fundShare(1, 3000)).toBe(0);
    expect(fundShare(-500, 3000)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 10000 }), (gp, bp) => {
        const s = fundShare(gp, bp);
        expect(s).toBeGreaterThanOrEqual(0);
        if (gp > 0) expect(s).toBeLessThanOrEqual(gp);
        if (gp > 0) expect(s * 10000).toBeLessThanOrEqual(gp * bp);
      }),
    );
  });
  it('adds channels up to the total', () => {
    const r = settle(
      [
        { channel: 'counter', productId: 'a', name: 'A', qty: 3, revenueFen: 6000, costFen: 3000 },
        { channel: 'live', productId: 'b', name: 'B', qty: 1, revenueFen: 5000, costFen: 2000 },
      ],
      3000,
    );
    expect(r).toMatchObject({ revenueFen: 11000, costFen: 5000, grossProfitFen: 6000, shareFen: 1800 });
  });
  it('accepts closed, real periods only', () => {
    expect(checkPeriod('2026-08-01', '2026-08-31', '2026-09-01')).toBe('ok');
    expect(checkPeriod('2026-08-01', '2026-08-31', '2026-08-31')).toBe('open');
    expect(checkPeriod('2026-02-01', '2026-02-30', '2027-01-01')).toBe('bad');
    expect(checkPeriod('2026-09-01', '2026-08-01', '2027-01-01')).toBe('bad');
    expect(checkPeriod('2024-01-01', '2026-01-01', '2027-01-01')).toBe('bad');
  });
});
