/**
 * Scope of every /api/shop route: the list below must name every route of the prefix (a new route fails the
 * first test until it is added), and each route aimed at another community's real objects is refused (403/404)
 * for grid03, dh_staff, resident_silu and shop01, with nothing written and nothing of the object in the answer.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/http/actor.ts';
import { addOtherCommunity, OTHER_COMMUNITY } from '../../testing/fixtures.ts';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import type { Who } from './module.ts';
import { makeShopModule } from './runtime.ts';
import * as catalogue from './service/catalogue.ts';
import * as live from './service/live.ts';
import * as stock from './service/stock.ts';
import * as till from './service/till.ts';

let t: TestApp;
const sessions: Record<string, Session> = {};
const o = { product: '', supplier: '', sale: '', line: '', session: '', photo: '' };
const C = `community=${OTHER_COMMUNITY}`;
const DAY = 'from=2026-01-01&to=2026-12-31';

interface Probe {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: () => string;
  body?: () => unknown;
  multipart?: boolean;
}
const routes: Record<string, Probe> = {
  'GET /api/shop/products': { method: 'GET', url: () => `/api/shop/products?${C}` },
  'POST /api/shop/products': {
    method: 'POST',
    url: () => '/api/shop/products',
    body: () => ({
      community: OTHER_COMMUNITY,
      sku: 'SCOPE-1',
      name: 'x',
      category: 'food',
      unit: '袋',
      costFen: 1,
      priceFen: 2,
    }),
  },
  'PATCH /api/shop/products/:id': {
    method: 'PATCH',
    url: () => `/api/shop/products/${o.product}`,
    body: () => ({ priceFen: 1, version: 1 }),
  },
  'POST /api/shop/products/:id/photos': {
    method: 'POST',
    url: () => `/api/shop/products/${o.product}/photos`,
    multipart: true,
  },
  'GET /api/shop/photos/:id': { method: 'GET', url: () => `/api/shop/photos/${o.photo}` },
  'GET /api/shop/suppliers': { method: 'GET', url: () => `/api/shop/suppliers?${C}` },
  'POST /api/shop/suppliers': {
    method: 'POST',
    url: () => '/api/shop/suppliers',
    body: () => ({ community: OTHER_COMMUNITY, name: 'x', kind: 'farmer' }),
  },
  'POST /api/shop/sales': {
    method: 'POST',
    url: () => '/api/shop/sales',
    body: () => ({ community: OTHER_COMMUNITY, lines: [{ productId: o.product, qty: 1 }], paymentMethod: 'cash' }),
  },
  'GET /api/shop/sales': { method: 'GET', url: () => `/api/shop/sales?${C}&${DAY}` },
  'GET /api/shop/sales/:id': { method: 'GET', url: () => `/api/shop/sales/${o.sale}` },
  'POST /api/shop/sales/:id/refunds': {
    method: 'POST',
    url: () => `/api/shop/sales/${o.sale}/refunds`,
    body: () => ({ lines: [{ lineId: o.line, qty: 1 }], reason: 'x' }),
  },
  'GET /api/shop/stock': { method: 'GET', url: () => `/api/shop/stock?${C}` },
  'GET /api/shop/stock/moves': { method: 'GET', url: () => `/api/shop/stock/moves?${C}` },
  'POST /api/shop/stock/moves': {
    method: 'POST',
    url: () => '/api/shop/stock/moves',
    body: () => ({ kind: 'receipt', productId: o.product, location: 'counter', qty: 5 }),
  },
  'GET /api/shop/live/sessions': { method: 'GET', url: () => `/api/shop/live/sessions?${C}` },
  'POST /api/shop/live/sessions': {
    method: 'POST',
    url: () => '/api/shop/live/sessions',
    body: () => ({
      community: OTHER_COMMUNITY,
      title: 'x',
      host: 'x',
      platform: 'douyin',
      startsAt: '2026-08-01T12:00:00Z',
      endsAt: '2026-08-01T13:00:00Z',
      lineup: [],
    }),
  },
  'GET /api/shop/live/sessions/:id/board': { method: 'GET', url: () => `/api/shop/live/sessions/${o.session}/board` },
  'POST /api/shop/live/sessions/:id/import': {
    method: 'POST',
    url: () => `/api/shop/live/sessions/${o.session}/import`,
    multipart: true,
  },
  'GET /api/shop/live/mappings': { method: 'GET', url: () => `/api/shop/live/mappings?${C}` },
  'PUT /api/shop/live/mappings/:platform': {
    method: 'PUT',
    url: () => `/api/shop/live/mappings/douyin?${C}`,
    body: () => ({ orderId: 'a', sku: 'b', quantity: 'c', amount: 'd', paidAt: 'e' }),
  },
  'GET /api/shop/settings': { method: 'GET', url: () => `/api/shop/settings?${C}` },
  'PUT /api/shop/settings': {
    method: 'PUT',
    url: () => '/api/shop/settings',
    body: () => ({ community: OTHER_COMMUNITY, fundShareBp: 9000 }),
  },
  'GET /api/shop/settlements': { method: 'GET', url: () => `/api/shop/settlements?${C}` },
  'GET /api/shop/settlements/preview': { method: 'GET', url: () => `/api/shop/settlements/preview?${C}&${DAY}` },
  'POST /api/shop/settlements': {
    method: 'POST',
    url: () => '/api/shop/settlements',
    body: () => ({ community: OTHER_COMMUNITY, from: '2026-01-01', to: '2026-01-31' }),
  },
};

const TABLES = [
  'shop_suppliers',
  'shop_products',
  'shop_product_photos',
  'shop_stock',
  'shop_live_sessions',
  'shop_sales',
  'shop_sale_lines',
  'shop_refunds',
  'shop_stock_moves',
  'shop_import_mappings',
  'shop_settings',
  'shop_settlements',
] as const;
async function snapshot(): Promise<string> {
  const parts = [];
  for (const tb of TABLES) {
    const rows = await t.handle.db.selectFrom(tb).selectAll().where('community_code', '=', OTHER_COMMUNITY).execute();
    parts.push(`${tb}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

beforeAll(async () => {
  t = await testApp();
  await addOtherCommunity(t.handle.db);
  const actor: Actor = {
    accountId: '0190a0a0-0000-7000-8000-0000000000aa',
    username: 'other_staff',
    displayName: '测试社区工作人员',
    role: 'community_staff',
    scopeCode: OTHER_COMMUNITY,
    residentId: null,
    householdId: null,
    sessionId: 'x',
    csrfToken: '',
  };
  const who: Who = { actor, lang: 'zh-CN', ip: '127.0.0.1' };
  const m = makeShopModule({ db: t.handle.db, clock: t.clock.now });
  o.supplier = (
    await catalogue.createSupplier(m, who, { name: '测试农户', kind: 'farmer', contactPhone: '13912345678' })
  ).id;
  const p = await catalogue.createProduct(m, who, {
    sku: 'OTHER-1',
    barcode: '6970000009999',
    name: '别的社区的小米',
    category: 'specialty',
    unit: '袋',
    costFen: 100,
    priceFen: 200,
    supplierId: o.supplier,
  });
  o.product = p.id;
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } })
    .png()
    .toBuffer();
  o.photo = (await catalogue.addPhoto(m, who, p.id, async () => png)).id;
  await stock.move(m, who, { kind: 'receipt', productId: p.id, location: 'counter', qty: 10 });
  const sale = await till.sell(
    m,
    who,
    {
      location: 'counter',
      lines: [{ productId: p.id, qty: 2, discountFen: 0 }],
      discountFen: 0,
      paymentMethod: 'cash',
    },
    null,
  );
  o.sale = sale.value.id;
  o.line = sale.value.lines[0]!.id;
  o.session = (
    await live.createSession(m, who, {
      title: '别的直播',
      host: '某人',
      platform: 'douyin',
      startsAt: new Date('2026-08-01T12:00:00Z'),
      endsAt: new Date('2026-08-01T13:00:00Z'),
      lineup: [p.id],
    })
  ).id;
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) sessions[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

function multipart(): { payload: Buffer; headers: Record<string, string> } {
  const b = '----scopeboundary';
  const payload = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      `子订单编号,商家编码,商品数量,订单应付金额,支付完成时间,订单状态\r\n1,OTHER-1,1,2.00,2026-08-01 20:00:00,已发货\r\n--${b}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

describe('shop scope', () => {
  it('lists every /api/shop route', () => {
    const shop = t.app.routeList.filter((r) => r.url.startsWith('/api/shop/')).map((r) => `${r.method} ${r.url}`);
    expect(shop.filter((k) => !(k in routes))).toEqual([]);
    expect(Object.keys(routes).filter((k) => !shop.includes(k))).toEqual([]);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01'])
    for (const [route, p] of Object.entries(routes))
      it(`${user}: ${route} on another community is refused with nothing written or leaked`, async () => {
        const before = await snapshot();
        const s = sessions[user]!;
        const mp = p.multipart ? multipart() : null;
        const r = await s.request(p.method, p.url(), mp ? mp.payload : p.body?.(), mp?.headers);
        expect([403, 404], r.body).toContain(r.statusCode);
        expect(['FORBIDDEN', 'OUT_OF_SCOPE', 'NOT_FOUND']).toContain(r.json().error.code);
        expect(Object.keys(r.json())).toEqual(['error']);
        expect(r.body).not.toContain('别的社区');
        expect(r.body).not.toContain('13912345678');
        expect(await snapshot()).toBe(before);
      });
});
