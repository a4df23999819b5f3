/** Booking the orders of a checked export inside the import's transaction (sale, line, stock, movement). */
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { ImportedOrder } from '../domain/orderImport.ts';
import * as catalogue from '../repository/catalogue.ts';
import type { SessionRow } from '../repository/live.ts';
import * as sales from '../repository/sales.ts';
import * as stock from '../repository/stock.ts';

/** Live orders ship from this location. */
const LIVE_LOCATION = 'warehouse';

/**
 * Books each order once: an order whose platform id is already on file is a duplicate (nothing written for it).
 * A product without enough stock is a row error (the caller then rolls the whole import back).
 */
export async function bookImported(
  trx: Transaction<Database>,
  s: SessionRow,
  orders: ImportedOrder[],
  actorId: string,
  lang: 'zh' | 'en',
): Promise<{ created: number; duplicates: number; errors: { row: number; column: string; message: string }[] }> {
  const products = new Map(
    (await catalogue.productsByIds(trx, s.community_code, [...new Set(orders.map((o) => o.productId))])).map((p) => [
      p.id,
      p,
    ]),
  );
  let created = 0;
  let duplicates = 0;
  const errors: { row: number; column: string; message: string }[] = [];
  for (const o of orders) {
    const p = products.get(o.productId)!;
    const price = Number(p.price_fen);
    const cost = Number(p.cost_fen);
    const id = uuidv7(o.paidAt.getTime());
    const discount = Math.max(0, price * o.qty - o.amountFen);
    const sale = await sales.insertSale(trx, {
      id,
      community_code: s.community_code,
      channel: 'live',
      session_id: s.id,
      platform: s.platform,
      platform_order_id: o.orderId,
      payment_method: 'platform',
      location: LIVE_LOCATION,
      subtotal_fen: o.amountFen + discount,
      discount_fen: discount,
      total_fen: o.amountFen,
      cost_fen: cost * o.qty,
      cash_received_fen: null,
      pre_order: false,
      sold_at: o.paidAt,
      actor_id: actorId,
    });
    if (!sale) {
      duplicates++;
      continue;
    }
    created++;
    await sales.insertLines(trx, [
      {
        id: uuidv7(o.paidAt.getTime()),
        sale_id: id,
        community_code: s.community_code,
        line_no: 1,
        product_id: p.id,
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        qty: o.qty,
        unit_price_fen: price,
        discount_fen: price * o.qty - o.amountFen,
        total_fen: o.amountFen,
        unit_cost_fen: cost,
      },
    ]);
    const after = await stock.takeStock(trx, {
      productId: p.id,
      location: LIVE_LOCATION,
      community: s.community_code,
      n: o.qty,
      allowNegative: false,
    });
    if (after === null) {
      const left = await stock.level(trx, p.id, LIVE_LOCATION);
      const message =
        lang === 'en'
          ? `not enough stock of ${p.name} at ${LIVE_LOCATION} (${left} left, ${o.qty} needed)`
          : `${p.name} 在 ${LIVE_LOCATION} 库存不足（剩 ${left}，需要 ${o.qty}）`;
      errors.push({ row: o.row, column: '', message });
      continue;
    }
    await stock.insertMoves(trx, [
      {
        id: uuidv7(o.paidAt.getTime()),
        community_code: s.community_code,
        product_id: p.id,
        location: LIVE_LOCATION,
        kind: 'sale',
        qty_delta: -o.qty,
        qty_after: after,
        reason: `${s.platform} ${o.orderId}`,
        sale_id: id,
        refund_id: null,
        supplier_id: null,
        actor_id: actorId,
        at: o.paidAt,
      },
    ]);
  }
  return { created, duplicates, errors };
}
