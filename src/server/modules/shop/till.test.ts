import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addProduct, type TestProduct } from './testing/setup.ts';

let t: TestApp;
let shop: Session;
let ps: TestProduct[];

const count = async (table: 'shop_sales' | 'shop_refunds' | 'shop_stock_moves') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const level = async (productId: string, location = 'counter') =>
  (
    await t.handle.db
      .selectFrom('shop_stock')
      .select('qty')
      .where('product_id', '=', productId)
      .where('location', '=', location)
      .executeTakeFirst()
  )?.qty;

beforeAll(async () => {
  t = await testApp();
  shop = await login(t.app, 'shop01');
  ps = [];
  for (const [price, cost] of [
    [4580, 2800],
    [2800, 1500],
    [12800, 6800],
    [1880, 900],
    [1990, 1100],
  ] as const)
    ps.push(await addProduct(shop, { priceFen: price, costFen: cost, stock: 10 }));
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('the till', () => {
  it('rings up a 5-line sale, spreads the sale discount over the lines, gives change, takes stock', async () => {
    const lines = ps.map((p, i) => ({ productId: p.id, qty: i === 0 ? 2 : 1, discountFen: i === 2 ? 800 : 0 }));
    const r = await shop.request('POST', '/api/shop/sales', {
      lines,
      discountFen: 1000,
      paymentMethod: 'cash',
      cashReceivedFen: 30000,
    });
    expect(r.statusCode).toBe(201);
    const rc = r.json().receipt;
    const subtotal = 4580 * 2 + 2800 + 12800 + 1880 + 1990;
    expect(rc.subtotalFen).toBe(subtotal);
    expect(rc.totalFen).toBe(subtotal - 800 - 1000);
    expect(rc.discountFen).toBe(1800);
    expect(rc.lines.reduce((s: number, l: { totalFen: number }) => s + l.totalFen, 0)).toBe(rc.totalFen);
    expect(rc.changeFen).toBe(30000 - rc.totalFen);
    expect(rc.receiptNo).toMatch(/^\d{8}-\d{6}$/);
    expect(await level(ps[0]!.id)).toBe(8);
    expect(await level(ps[1]!.id)).toBe(9);
  });

  it('finds a product by its scanned barcode', async () => {
    const r = await shop.request('GET', `/api/shop/products?code=${ps[3]!.barcode}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((p: { id: string }) => p.id)).toEqual([ps[3]!.id]);
  });

  it('books a retried sale once (Idempotency-Key) and refuses the key for a different sale', async () => {
    const body = { lines: [{ productId: ps[1]!.id, qty: 1 }], paymentMethod: 'wechat' };
    const key = { 'idempotency-key': 'till-retry-0001' };
    const before = await count('shop_sales');
    const [a, b] = await Promise.all([
      shop.request('POST', '/api/shop/sales', body, key),
      shop.request('POST', '/api/shop/sales', body, key),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().receipt.id).toBe(b.json().receipt.id);
    const c = await shop.request('POST', '/api/shop/sales', body, key);
    expect(c.statusCode).toBe(200);
    expect(c.headers['idempotent-replayed']).toBe('true');
    expect(await count('shop_sales')).toBe(before + 1);
    const other = await shop.request('POST', '/api/shop/sales', { ...body, paymentMethod: 'alipay' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('SHOP_IDEMPOTENCY_MISMATCH');
  });

  it('refuses floats, negative or overflowing amounts, unknown products, big discounts: 4xx, no write', async () => {
    const before = [await count('shop_sales'), await count('shop_stock_moves')];
    const p = ps[0]!.id;
    const bad: [unknown, number, string][] = [
      [{ lines: [{ productId: p, qty: 1.5 }], paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: 1 }], discountFen: 10.5, paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: -1 }], paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: 1 }], discountFen: -5, paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: 1 }], discountFen: 2 ** 62, paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: 1e9 }], paymentMethod: 'cash' }, 400, 'VALIDATION_FAILED'],
      [{ lines: [{ productId: p, qty: 1 }], paymentMethod: 'bitcoin' }, 400, 'VALIDATION_FAILED'],
      [
        { lines: [{ productId: '0190a0a0-0000-7000-8000-000000000000', qty: 1 }], paymentMethod: 'cash' },
        400,
        'SHOP_UNKNOWN_PRODUCT',
      ],
      [{ lines: [{ productId: p, qty: 1 }], discountFen: 4581, paymentMethod: 'cash' }, 400, 'SHOP_DISCOUNT_TOO_LARGE'],
      [{ lines: [{ productId: p, qty: 1 }], paymentMethod: 'cash', cashReceivedFen: 100 }, 400, 'SHOP_CASH_SHORT'],
      [{ lines: [{ productId: p, qty: 11 }], paymentMethod: 'cash' }, 409, 'SHOP_OUT_OF_STOCK'],
    ];
    for (const [body, status, code] of bad) {
      const r = await shop.request('POST', '/api/shop/sales?lang=en', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().error.code).toBe(code);
      expect(r.json().error.message).toMatch(/^[A-Z][a-z]+ /); // English, as asked
    }
    const zh = await shop.request('POST', '/api/shop/sales', bad[10]![0]);
    expect(zh.json().error.message).toContain('库存不足');
    expect([await count('shop_sales'), await count('shop_stock_moves')]).toEqual(before);
  });

  it('lets a pre-order go below zero, and nothing else', async () => {
    const p = await addProduct(shop, { stock: 1 });
    const no = await shop.request('POST', '/api/shop/sales', {
      lines: [{ productId: p.id, qty: 3 }],
      paymentMethod: 'wechat',
    });
    expect(no.statusCode).toBe(409);
    const pre = await shop.request('POST', '/api/shop/sales', {
      lines: [{ productId: p.id, qty: 3 }],
      paymentMethod: 'wechat',
      preOrder: true,
    });
    expect(pre.statusCode).toBe(201);
    expect(await level(p.id)).toBe(-2);
    const adj = await shop.request('POST', '/api/shop/stock/moves', {
      kind: 'adjustment',
      productId: p.id,
      location: 'counter',
      delta: -1,
      reason: '破损',
    });
    expect(adj.statusCode).toBe(409);
  });

  it('refunds part of a sale, then the rest, never more; returned goods go back on the shelf', async () => {
    const p = ps[4]!;
    const s = await shop.request('POST', '/api/shop/sales', {
      lines: [{ productId: p.id, qty: 3 }],
      discountFen: 100,
      paymentMethod: 'alipay',
    });
    const rc = s.json().receipt;
    const line = rc.lines[0];
    const stockBefore = await level(p.id);
    const one = await shop.request(
      'POST',
      `/api/shop/sales/${rc.id}/refunds`,
      { lines: [{ lineId: line.id, qty: 1 }], reason: '顾客退货' },
      { 'idempotency-key': 'refund-key-0001' },
    );
    expect(one.statusCode).toBe(201);
    expect(one.json().receipt.refundedFen).toBe(Math.floor(line.totalFen / 3));
    const again = await shop.request(
      'POST',
      `/api/shop/sales/${rc.id}/refunds`,
      { lines: [{ lineId: line.id, qty: 1 }], reason: '顾客退货' },
      { 'idempotency-key': 'refund-key-0001' },
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt.refundedFen).toBe(Math.floor(line.totalFen / 3));
    const rest = await shop.request('POST', `/api/shop/sales/${rc.id}/refunds`, {
      lines: [{ lineId: line.id, qty: 2 }],
      reason: '顾客退货',
    });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().receipt.refundedFen).toBe(line.totalFen);
    expect(await level(p.id)).toBe(stockBefore! + 3);
    const more = await shop.request('POST', `/api/shop/sales/${rc.id}/refunds`, {
      lines: [{ lineId: line.id, qty: 1 }],
      reason: '再退',
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().error.code).toBe('SHOP_REFUND_TOO_MUCH');
  });

  it('counts a stock-take difference as a movement and lists low stock', async () => {
    const p = await addProduct(shop, { stock: 20 });
    const r = await shop.request('POST', '/api/shop/stock/moves', {
      kind: 'stocktake',
      productId: p.id,
      location: 'counter',
      counted: 4,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().move).toMatchObject({ delta: -16, qty: 4 });
    const st = (await shop.request('GET', '/api/shop/stock')).json();
    expect(st.low.map((x: { productId: string }) => x.productId)).toContain(p.id);
    const mv = (await shop.request('GET', `/api/shop/stock/moves?productId=${p.id}`)).json().items;
    expect(mv.map((x: { kind: string }) => x.kind)).toEqual(['stocktake', 'receipt']);
  });

  it('keeps the till to shop and community staff', async () => {
    for (const u of ['grid03', 'resident_silu', 'auditor']) {
      const s = await login(t.app, u);
      const r = await s.request('POST', '/api/shop/sales', {
        lines: [{ productId: ps[0]!.id, qty: 1 }],
        paymentMethod: 'cash',
      });
      expect([401, 403], u).toContain(r.statusCode);
    }
    const staff = await login(t.app, 'dh_staff');
    const ok = await staff.request('POST', '/api/shop/sales', {
      lines: [{ productId: ps[0]!.id, qty: 1 }],
      paymentMethod: 'cash',
    });
    expect(ok.statusCode).toBe(201);
  });
});
