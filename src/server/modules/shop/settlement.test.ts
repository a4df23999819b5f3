import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { overviewTiles } from './index.ts';
import { addProduct } from './testing/setup.ts';

let t: TestApp;
let shop: Session;
let staff: Session;
let saleId: string;
let lineId: string;

const fundTx = () =>
  t.handle.db
    .selectFrom('fund_transactions as t')
    .innerJoin('fund_lines as l', 'l.transaction_id', 't.id')
    .select(['t.id', 't.source_ref', 'l.account', 'l.amount_fen as fen'])
    .where('t.source_kind', '=', 'shop_settlement')
    .orderBy('t.seq')
    .orderBy('l.line_no')
    .execute();

beforeAll(async () => {
  t = await testApp();
  shop = await login(t.app, 'shop01');
  staff = await login(t.app, 'dh_staff');
  const a = await addProduct(shop, { priceFen: 2000, costFen: 1000, stock: 50 });
  const b = await addProduct(shop, { priceFen: 5000, costFen: 2000, stock: 50 });
  const s = await shop.request('POST', '/api/shop/live/sessions', {
    title: '八月直播',
    host: '小马',
    platform: 'douyin',
    startsAt: '2026-08-10T12:00:00Z',
    endsAt: '2026-08-10T14:00:00Z',
    lineup: [b.id],
  });
  t.clock.t = new Date('2026-08-10T04:00:00Z');
  const counter = await shop.request('POST', '/api/shop/sales', {
    lines: [{ productId: a.id, qty: 3 }],
    paymentMethod: 'wechat',
  });
  saleId = counter.json().receipt.id;
  lineId = counter.json().receipt.lines[0].id;
  t.clock.t = new Date('2026-08-10T12:30:00Z');
  const phone = await shop.request('POST', '/api/shop/sales', {
    lines: [{ productId: b.id, qty: 1 }],
    paymentMethod: 'wechat',
    sessionId: s.json().session.id,
  });
  expect(phone.json().receipt.channel).toBe('live');
  t.clock.t = new Date('2026-09-03T04:00:00Z'); // a return in September belongs to September
  await shop.request('POST', `/api/shop/sales/${saleId}/refunds`, {
    lines: [{ lineId, qty: 1 }],
    reason: '退货',
    restock: true,
  });
  t.clock.t = new Date('2026-08-31T10:00:00Z');
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('settlement', () => {
  it('refuses a period that has not ended, a bad period, and shop staff', async () => {
    const open = await staff.request('POST', '/api/shop/settlements', { from: '2026-08-01', to: '2026-08-31' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('SHOP_PERIOD_OPEN');
    t.clock.t = new Date('2026-11-27T02:00:00Z');
    const bad = await staff.request('POST', '/api/shop/settlements', { from: '2026-08-31', to: '2026-08-01' });
    expect(bad.json().error.code).toBe('SHOP_PERIOD_BAD');
    const feb = await staff.request('POST', '/api/shop/settlements', { from: '2026-02-01', to: '2026-02-30' });
    expect(feb.statusCode).toBe(400);
    const no = await shop.request('POST', '/api/shop/settlements', { from: '2026-08-01', to: '2026-08-31' });
    expect(no.statusCode).toBe(403);
    expect(await fundTx()).toEqual([]);
  });

  it('settles August once: gross profit per channel and product, 30 % to the fund as one transaction', async () => {
    const key = { 'idempotency-key': 'settle-2026-08' };
    const body = { from: '2026-08-01', to: '2026-08-31' };
    const [x, y] = await Promise.all([
      staff.request('POST', '/api/shop/settlements', body, key),
      staff.request('POST', '/api/shop/settlements', body),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 201]);
    const s = x.json().settlement;
    expect(y.json().settlement.id).toBe(s.id);
    // counter: 3 × (2000 − 1000); live: 1 × (5000 − 2000); the September return is not August's
    expect(s).toMatchObject({ revenueFen: 11000, costFen: 5000, grossProfitFen: 6000, shareBp: 3000, shareFen: 1800 });
    expect(s.breakdown.byChannel).toEqual([
      { channel: 'counter', revenueFen: 6000, costFen: 3000, grossProfitFen: 3000 },
      { channel: 'live', revenueFen: 5000, costFen: 2000, grossProfitFen: 3000 },
    ]);
    expect(s.breakdown.byProduct).toHaveLength(2);
    const tx = await fundTx();
    expect(tx.map((l) => [l.account, Number(l.fen)])).toEqual([
      ['bank', 1800],
      ['income:shop', -1800],
    ]);
    expect(tx[0]!.id).toBe(s.fundTransactionId);
    expect(tx[0]!.source_ref).toBe(s.id);
    const again = await staff.request('POST', '/api/shop/settlements', body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().settlement.id).toBe(s.id);
    expect(await fundTx()).toHaveLength(2);
    expect((await staff.request('GET', '/api/shop/settlements')).json().items).toHaveLength(1);
  });

  it('refuses an overlapping period and late orders dated in a settled period', async () => {
    const r = await staff.request('POST', '/api/shop/settlements', { from: '2026-08-15', to: '2026-09-15' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('SHOP_PERIOD_OVERLAP');
  });

  it('books the September return in September, at the share then in force', async () => {
    expect((await shop.request('PUT', '/api/shop/settings', { fundShareBp: 5000 })).statusCode).toBe(403);
    const set = await staff.request('PUT', '/api/shop/settings', { fundShareBp: 2500 });
    expect(set.json().fundShareBp).toBe(2500);
    const p = await staff.request('GET', '/api/shop/settlements/preview?from=2026-09-01&to=2026-09-30');
    expect(p.json()).toMatchObject({
      revenueFen: -2000,
      costFen: -1000,
      grossProfitFen: -1000,
      shareFen: 0,
      shareBp: 2500,
    });
    const s = await staff.request('POST', '/api/shop/settlements', { from: '2026-09-01', to: '2026-09-30' });
    expect(s.statusCode).toBe(201);
    expect(s.json().settlement).toMatchObject({ shareFen: 0, fundTransactionId: null });
    expect(await fundTx()).toHaveLength(2); // no profit, nothing moves
  });

  it('gives the overview its tiles', async () => {
    t.clock.t = new Date('2026-08-20T02:00:00Z');
    const tiles = await overviewTiles(t.handle.db, shop.account.scope!.code, t.clock.now());
    expect(tiles).toEqual([
      // August's sales net of what was later refunded of them: 60 + 50 − 20
      { key: 'shop.monthSales', value: '¥90.00', href: '/shop/sales' },
      { key: 'shop.lowStock', value: 0, href: '/shop/stock' },
    ]);
  });
});
