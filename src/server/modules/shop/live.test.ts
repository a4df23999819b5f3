import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { DEMO_PRODUCTS } from './demo/catalogue.ts';
import { addProduct } from './testing/setup.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const gbk = readFileSync(join(FIX, 'douyin-2026-08-16.gbk.csv'));
const late = readFileSync(join(FIX, 'douyin-2026-08-16-late.utf8.csv'));

let t: TestApp;
let shop: Session;
let sessionId: string;

/** A multipart body with one file. */
function upload(data: Buffer, name: string): { payload: Buffer; headers: Record<string, string> } {
  const b = `----shop${Math.random().toString(16).slice(2)}`;
  const disposition = `Content-Disposition: form-data; name="file"; filename="${name}"`;
  const head = `--${b}\r\n${disposition}\r\nContent-Type: text/csv\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${b}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
const post = (data: Buffer, name: string, lang = '') => {
  const u = upload(data, name);
  return shop.request('POST', `/api/shop/live/sessions/${sessionId}/import${lang}`, u.payload, u.headers);
};
const liveCount = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('shop_sales')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channel', '=', 'live')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await testApp();
  shop = await login(t.app, 'shop01');
  const ids = [];
  for (const p of DEMO_PRODUCTS.slice(0, 6))
    ids.push(
      (
        await addProduct(shop, {
          sku: p.sku,
          priceFen: p.priceFen,
          costFen: p.costFen,
          stock: 100,
          location: 'warehouse',
        })
      ).id,
    );
  const r = await shop.request('POST', '/api/shop/live/sessions', {
    title: '七夕助农直播',
    host: '小马',
    platform: 'douyin',
    startsAt: '2026-08-16T12:00:00Z',
    endsAt: '2026-08-16T14:00:00Z',
    lineup: ids,
  });
  expect(r.statusCode).toBe(201);
  sessionId = r.json().session.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('importing a live-stream export', () => {
  it('refuses a file with broken rows with one error per row, and writes nothing', async () => {
    const text = iconv.decode(gbk, 'gbk').split('\r\n');
    text[3] = text[3]!.replace(',2,GT-LJJ-280,', ',2.5,GT-LJJ-280,'); // a fractional quantity
    text[5] = text[5]!.replace(/,QL-FM-500,|,LZ-ZZ-500,|,GZ-XM-2500,|,ZY-WINE-750,|,GT-LJJ-280,/, ',NO-SUCH-SKU,');
    const r = await post(iconv.encode(text.join('\r\n'), 'gbk'), 'broken.csv', '?lang=en');
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('IMPORT_FAILED');
    const rows = e.details.errors.map((x: { row: number }) => x.row);
    expect(rows).toEqual([4, 6]);
    expect(e.details.errors[1].message).toBe('the product code is not in the catalogue');
    expect(await liveCount()).toBe(0);
  });

  it('imports the GBK export once: the same file again and an overlapping export create each order once', async () => {
    const a = await post(gbk, 'douyin.csv');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ encoding: 'gb18030', rows: 40, created: 38, duplicates: 0, skipped: 2 });
    const b = await post(gbk, 'douyin.csv');
    expect(b.json()).toMatchObject({ created: 0, duplicates: 38, skipped: 2 });
    const c = await post(late, 'douyin-late.csv');
    expect(c.json()).toMatchObject({ encoding: 'utf-8', created: 6 });
    expect(await liveCount()).toBe(44);
    const board = (await shop.request('GET', `/api/shop/live/sessions/${sessionId}/board`)).json();
    expect(board.orders).toBe(44);
    const sum = await t.handle.db
      .selectFrom('shop_sales')
      .select((eb) => eb.fn.sum<number>('total_fen').as('s'))
      .where('session_id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(board.revenueFen).toBe(Number(sum.s));
    expect(board.latest[0].platformOrderId).toMatch(/^\d{19}$/);
  });

  it('reads xlsx with a saved column mapping', async () => {
    const m = await shop.request('PUT', '/api/shop/live/mappings/kuaishou', {
      orderId: '订单编号',
      sku: '货号',
      quantity: '件数',
      amount: '实收',
      paidAt: '付款时间',
      skipStatuses: [],
    });
    expect(m.statusCode).toBe(200);
    const s = await shop.request('POST', '/api/shop/live/sessions', {
      title: '快手专场',
      host: '小马',
      platform: 'kuaishou',
      startsAt: '2026-08-20T12:00:00Z',
      endsAt: '2026-08-20T13:00:00Z',
      lineup: [],
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['订单编号', '货号', '件数', '实收', '付款时间']);
    ws.addRow(['KS0001', 'LZ-ZZ-500', 2, '49.80', '2026-08-20 20:05:00']);
    ws.addRow(['KS0002', 'GT-LJJ-280', 1, '16.8', new Date(Date.UTC(2026, 7, 20, 20, 9, 0))]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const u = upload(buf, 'ks.xlsx');
    const r = await shop.request('POST', `/api/shop/live/sessions/${s.json().session.id}/import`, u.payload, u.headers);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ encoding: 'xlsx', created: 2 });
    const rows = await t.handle.db
      .selectFrom('shop_sales')
      .select(['platform_order_id', 'total_fen', 'sold_at'])
      .where('platform', '=', 'kuaishou')
      .orderBy('platform_order_id')
      .execute();
    expect(rows.map((x) => [x.platform_order_id, Number(x.total_fen)])).toEqual([
      ['KS0001', 4980],
      ['KS0002', 1680],
    ]);
    expect(new Date(rows[1]!.sold_at).toISOString()).toBe('2026-08-20T12:09:00.000Z');
  });

  it('names missing columns and refuses a file that is not an export', async () => {
    const r = await post(Buffer.from('a,b\n1,2\n'), 'x.csv');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('SHOP_IMPORT_COLUMNS');
    const z = await post(Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx');
    expect(z.statusCode).toBe(400);
    expect(z.json().error.code).toBe('BAD_FILE');
  });
});
