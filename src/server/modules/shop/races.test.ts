/**
 * Concurrent tills: many sales of the last units at once never oversell (truly concurrent on PostgreSQL, where
 * each request has its own connection; serialised on PGlite, where the same rule must hold too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addProduct } from './testing/setup.ts';

let t: TestApp;
let tills: Session[];

beforeAll(async () => {
  t = await testApp();
  tills = [];
  for (let i = 0; i < 4; i++) tills.push(await login(t.app, i % 2 ? 'dh_staff' : 'shop01'));
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('concurrent tills', () => {
  it('sell 7 units to 20 buyers at once: 7 sales, 13 refused, stock 0, 7 movements', async () => {
    const a = await addProduct(tills[0]!, { stock: 7 });
    const b = await addProduct(tills[0]!, { stock: 100 });
    const res = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tills[i % tills.length]!.request('POST', '/api/shop/sales', {
          // half of the sales list the products the other way round: still no deadlock
          lines:
            i % 2
              ? [
                  { productId: a.id, qty: 1 },
                  { productId: b.id, qty: 1 },
                ]
              : [
                  { productId: b.id, qty: 1 },
                  { productId: a.id, qty: 1 },
                ],
          paymentMethod: 'cash',
        }),
      ),
    );
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(7);
    expect(codes.filter((c) => c === 409)).toHaveLength(13);
    for (const r of res.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('SHOP_OUT_OF_STOCK');
    const stock = await t.handle.db.selectFrom('shop_stock').select(['product_id', 'qty']).execute();
    expect(stock.find((s) => s.product_id === a.id)?.qty).toBe(0);
    expect(stock.find((s) => s.product_id === b.id)?.qty).toBe(93);
    const moves = await t.handle.db
      .selectFrom('shop_stock_moves')
      .select('qty_after')
      .where('product_id', '=', a.id)
      .where('kind', '=', 'sale')
      .execute();
    expect(moves.map((m) => m.qty_after).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('books an Idempotency-Key sent by 10 retries at once exactly once', async () => {
    const p = await addProduct(tills[0]!, { stock: 50 });
    const body = { lines: [{ productId: p.id, qty: 2 }], paymentMethod: 'wechat' };
    const res = await Promise.all(
      Array.from({ length: 10 }, () =>
        tills[0]!.request('POST', '/api/shop/sales', body, { 'idempotency-key': 'burst-retry-key-1' }),
      ),
    );
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(9);
    expect(new Set(res.map((r) => r.json().receipt.id)).size).toBe(1);
    const level = await t.handle.db
      .selectFrom('shop_stock')
      .select('qty')
      .where('product_id', '=', p.id)
      .executeTakeFirst();
    expect(level?.qty).toBe(48);
  });
});
