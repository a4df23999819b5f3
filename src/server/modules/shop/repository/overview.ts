/** SQL of the shop's overview tiles: figures over every community under a scope code. */
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

/** Sales total (fen, net of refunds) under `scope` in [from, to). */
export async function salesUnder(db: Db, scope: string, from: Date, to: Date): Promise<number> {
  const r = await db
    .selectFrom('shop_sales')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(sql`total_fen - refunded_fen`), sql<number>`0`).as('v'))
    .where('community_code', 'like', `${scope}%`)
    .where('sold_at', '>=', from)
    .where('sold_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(r.v);
}

/** Active products under `scope` whose total stock is at or below their threshold. */
export async function lowStockUnder(db: Db, scope: string): Promise<number> {
  const rows = await db
    .selectFrom('shop_products as p')
    .leftJoin('shop_stock as s', 's.product_id', 'p.id')
    .select('p.id')
    .where('p.community_code', 'like', `${scope}%`)
    .where('p.active', '=', true)
    .groupBy(['p.id', 'p.low_stock'])
    .having((eb) => eb(eb.fn.coalesce(eb.fn.sum<number>('s.qty'), sql<number>`0`), '<=', eb.ref('p.low_stock')))
    .execute();
  return rows.length;
}
