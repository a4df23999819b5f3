/** The shop's rows travel in a backup, photos (bytea) included, and receipt numbers continue after a restore. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../platform/backup.ts';
import { freshDb, login, testApp, type TestApp } from '../../testing/harness.ts';
import { addProduct } from './testing/setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('shop backup', () => {
  it('restores sales, lines, movements and photos, and the next receipt number follows the last', async () => {
    const shop = await login(t.app, 'shop01');
    const p = await addProduct(shop, { stock: 10 });
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const b = '----bk';
    const body = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const up = await shop.request('POST', `/api/shop/products/${p.id}/photos`, body, {
      'content-type': `multipart/form-data; boundary=${b}`,
    });
    expect(up.statusCode).toBe(201);
    const photo = await shop.request('GET', `/api/shop/photos/${up.json().id}`);
    expect(photo.headers['content-type']).toBe('image/png');
    for (let i = 0; i < 3; i++)
      await shop.request('POST', '/api/shop/sales', { lines: [{ productId: p.id, qty: 1 }], paymentMethod: 'cash' });
    const file = join(mkdtempSync(join(tmpdir(), 'linli-shop-')), 'b.linli.gz');
    const counts = await backup(t.handle.db, file);
    expect(counts.shop_sales).toBe(3);
    const target = await freshDb();
    try {
      await restore(target.db, file);
      const maxNo = await target.db
        .selectFrom('shop_sales')
        .select((eb) => eb.fn.max('no').as('m'))
        .executeTakeFirstOrThrow();
      const next = await target.db
        .insertInto('shop_sales')
        .values({
          id: '0190a0a0-0000-7000-8000-0000000000ff',
          community_code: '620702004006',
          channel: 'counter',
          session_id: null,
          platform: null,
          platform_order_id: null,
          payment_method: 'cash',
          location: 'counter',
          subtotal_fen: 0,
          discount_fen: 0,
          total_fen: 0,
          cost_fen: 0,
          cash_received_fen: null,
          pre_order: false,
          sold_at: new Date(),
          actor_id: null,
        })
        .returning('no')
        .executeTakeFirstOrThrow();
      expect(Number(next.no)).toBe(Number(maxNo.m) + 1);
      const ph = await target.db.selectFrom('shop_product_photos').select('data').executeTakeFirstOrThrow();
      expect(Buffer.from(ph.data).equals(png)).toBe(true);
    } finally {
      await target.close();
    }
  });
});
