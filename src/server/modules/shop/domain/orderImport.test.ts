import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPINGS, parseShanghaiTime, readOrders } from './orderImport.ts';

const m = DEFAULT_MAPPINGS.douyin!;
const header = ['子订单编号', '商家编码', '商品数量', '订单应付金额', '支付完成时间', '订单状态'];
const sku = (s: string) => ({ A: 'pa', B: 'pb' })[s];
const never = () => false;

describe('reading an order export', () => {
  it('reads orders, skips cancelled rows and counts in-file repeats once', () => {
    const r = readOrders(
      [
        header,
        ['1001', 'A', '2', '49.80', '2026-08-16 20:05:00', '已发货'],
        ['1002', 'B', '1', '16.8', '2026/8/16 20:06', '已取消'],
        ['1001', 'A', '2', '49.80', '2026-08-16 20:05:00', '已发货'],
        ['', '', '', '', '', ''],
      ],
      m,
      sku,
      never,
    );
    expect(r.errors).toEqual([]);
    expect(r.orders).toEqual([
      { row: 2, orderId: '1001', productId: 'pa', qty: 2, amountFen: 4980, paidAt: new Date('2026-08-16T12:05:00Z') },
    ]);
    expect([r.skipped, r.duplicates]).toEqual([1, 1]);
  });

  it('names every broken row and column', () => {
    const r = readOrders(
      [
        header,
        ['1001', 'X', '2', '49.80', '2026-08-16 20:05:00', '已发货'],
        ['1002', 'A', '1.5', '-3', '2026-02-30 20:05:00', '已发货'],
        ['1003', 'A', '1', '10', '2026-08-01 10:00', '已发货'],
        ['1003', 'B', '1', '10', '2026-08-01 10:00', '已发货'],
        ['1004', 'B', '1', '10', '2026-07-31 10:00', '已发货'],
      ],
      m,
      sku,
      (at) => at < new Date('2026-08-01T00:00:00Z'),
    );
    expect(r.errors.map((e) => [e.row, e.problem])).toEqual([
      [2, 'unknown_sku'],
      [3, 'bad_quantity'],
      [3, 'bad_amount'],
      [3, 'bad_time'],
      [5, 'conflicting_duplicate'],
      [6, 'settled'],
    ]);
    expect(r.orders.map((o) => o.orderId)).toEqual(['1003']);
  });

  it('reports missing columns', () => {
    expect(readOrders([['订单号']], m, sku, never).missingColumns).toContain('子订单编号');
  });

  it('reads Shanghai wall-clock times and refuses impossible ones', () => {
    expect(parseShanghaiTime('2026-08-16 00:00:00')?.toISOString()).toBe('2026-08-15T16:00:00.000Z');
    for (const bad of ['2026-13-01 10:00', '2026-08-16 24:00', '2026-08-16', 'yesterday'])
      expect(parseShanghaiTime(bad), bad).toBeNull();
  });
});
