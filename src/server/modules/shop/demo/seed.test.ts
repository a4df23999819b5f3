import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../platform/db/connect.ts';
import { freshDb } from '../../../testing/harness.ts';
import { seedDemoStories } from '../../../demo.ts';
import { seedDemo } from '../../../demo.ts';
import { seedDemoShop } from './seed.ts';

let h: DbHandle;
const now = new Date('2026-11-27T02:00:00Z');
let ms = 0;

beforeAll(async () => {
  h = await freshDb();
  await seedDemo(h.db, now);
  const t0 = performance.now();
  // every story in order (the shop's, then the fund's, which spends what the shop's settlement brought in)
  await seedDemoStories(h.db, now);
  ms = performance.now() - t0;
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the shop demo story', () => {
  it('sells through August at the counter and on the live stream, and settles August into the fund', async () => {
    const sales = await h.db.selectFrom('shop_sales').select(['channel', 'sold_at', 'total_fen']).execute();
    const counter = sales.filter((s) => s.channel === 'counter');
    const liveSales = sales.filter((s) => s.channel === 'live');
    expect(counter.length).toBeGreaterThan(40);
    expect(liveSales.length).toBe(38); // 40 rows in the export, 2 cancelled
    for (const s of sales) expect(new Date(s.sold_at).toISOString().slice(0, 7)).toBe('2026-08');
    const st = await h.db.selectFrom('shop_settlements').selectAll().executeTakeFirstOrThrow();
    expect(st.period_from).toBe('2026-08-01');
    expect(st.period_to).toBe('2026-08-31');
    expect(Number(st.share_fen)).toBe(Math.floor((Number(st.gross_profit_fen) * 3000) / 10000));
    expect(Number(st.gross_profit_fen)).toBeGreaterThan(0);
    expect(st.fund_transaction_id).not.toBeNull();
    const income = await h.db
      .selectFrom('fund_transactions')
      .select(['id', 'source_ref'])
      .where('source_kind', '=', 'shop_settlement')
      .execute();
    expect(income).toEqual([{ id: st.fund_transaction_id, source_ref: st.id }]);
    const refunds = await h.db.selectFrom('shop_refunds').selectAll().execute();
    expect(refunds).toHaveLength(1);
    // stock stays non-negative (no pre-orders in the story)
    const negative = await h.db.selectFrom('shop_stock').select('qty').where('qty', '<', 0).execute();
    expect(negative).toEqual([]);
    const figures = `gross profit ${st.gross_profit_fen} fen, share ${st.share_fen} fen`;
    console.log(`demo stories (shop, fund): ${ms.toFixed(0)} ms; ${figures}`);
  });

  it('runs once: a second run writes nothing', async () => {
    const before = await h.db
      .selectFrom('shop_sales')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seedDemoShop(h.db, now);
    const after = await h.db
      .selectFrom('shop_sales')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
