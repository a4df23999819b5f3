/** SQL of stock: levels per product and location, and the movement rows. */
import { sql, type Insertable } from 'kysely';
import type { ShopStockMovesTable } from '../schema.ts';
import type { Db } from './catalogue.ts';

/**
 * Takes `n` units off the stock in ONE conditional statement, so two tills selling the last unit at the same
 * time cannot both succeed: the row lock makes the second wait and then re-check `qty >= n`. A pre-order
 * (`allowNegative`) may go below zero and creates the stock row when missing. Returns the new level, or null
 * when there is not enough.
 */
export async function takeStock(
  db: Db,
  p: { productId: string; location: string; community: string; n: number; allowNegative: boolean },
): Promise<number | null> {
  if (p.allowNegative) return addStock(db, p.productId, p.location, p.community, -p.n);
  const r = await db
    .updateTable('shop_stock')
    .set((eb) => ({ qty: eb('qty', '-', p.n) }))
    .where('product_id', '=', p.productId)
    .where('location', '=', p.location)
    .where('qty', '>=', p.n)
    .returning('qty')
    .executeTakeFirst();
  return r ? r.qty : null;
}

/**
 * Takes the stock of several products at one location in two statements (the till's hot path): the rows are
 * locked in product-id order first (so two sales never wait on each other crosswise: no deadlock), then every
 * level that covers its need is decreased at once. Returns the new levels; a product missing from the answer
 * did not have enough (the caller rolls back).
 */
export async function takeMany(
  db: Db,
  location: string,
  need: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const ids = [...need.keys()].sort();
  await db
    .selectFrom('shop_stock')
    .select('product_id')
    .where('location', '=', location)
    .where('product_id', 'in', ids)
    .orderBy('product_id')
    .forUpdate()
    .execute();
  const values = sql.join(ids.map((id) => sql`(${id}::uuid, ${need.get(id)!}::integer)`));
  const rows = await sql<{ product_id: string; qty: number }>`
    UPDATE shop_stock AS s SET qty = s.qty - v.n
    FROM (VALUES ${values}) AS v(product_id, n)
    WHERE s.product_id = v.product_id AND s.location = ${location} AND s.qty >= v.n
    RETURNING s.product_id, s.qty`.execute(db);
  return new Map(rows.rows.map((r) => [r.product_id, r.qty]));
}

/** Adds `delta` (may be negative only for returns of pre-orders) to a level, creating the row; the new level. */
export async function addStock(db: Db, productId: string, location: string, community: string, delta: number) {
  const r = await db
    .insertInto('shop_stock')
    .values({ product_id: productId, location, community_code: community, qty: delta })
    .onConflict((oc) => oc.columns(['product_id', 'location']).doUpdateSet({ qty: sql`shop_stock.qty + ${delta}` }))
    .returning('qty')
    .executeTakeFirstOrThrow();
  return r.qty;
}

/** The level of one product at one location, row-locked for a stock-take (0 when there is no row yet). */
export async function lockLevel(db: Db, productId: string, location: string): Promise<number> {
  const r = await db
    .selectFrom('shop_stock')
    .select('qty')
    .where('product_id', '=', productId)
    .where('location', '=', location)
    .forUpdate()
    .executeTakeFirst();
  return r?.qty ?? 0;
}

/** The level of one product at one location (0 when there is no row). */
export async function level(db: Db, productId: string, location: string): Promise<number> {
  const r = await db
    .selectFrom('shop_stock')
    .select('qty')
    .where('product_id', '=', productId)
    .where('location', '=', location)
    .executeTakeFirst();
  return r?.qty ?? 0;
}

export function insertMoves(db: Db, rows: Insertable<ShopStockMovesTable>[]) {
  if (!rows.length) return Promise.resolve();
  return db.insertInto('shop_stock_moves').values(rows).execute();
}

/** Stock of a community per product and location, with the product's low-stock threshold. */
export function stockLevels(db: Db, community: string) {
  return db
    .selectFrom('shop_products as p')
    .leftJoin('shop_stock as s', 's.product_id', 'p.id')
    .select(['p.id', 'p.sku', 'p.name', 'p.unit', 'p.low_stock', 's.location', 's.qty'])
    .where('p.community_code', '=', community)
    .where('p.active', '=', true)
    .orderBy('p.sku')
    .orderBy('s.location')
    .execute();
}

/** The latest movements of a community (optionally of one product), newest first. */
export function moves(db: Db, community: string, productId: string | undefined, limit: number) {
  let q = db
    .selectFrom('shop_stock_moves as m')
    .innerJoin('shop_products as p', 'p.id', 'm.product_id')
    .select([
      'm.id',
      'm.product_id',
      'p.name',
      'p.sku',
      'm.location',
      'm.kind',
      'm.qty_delta',
      'm.qty_after',
      'm.reason',
      'm.sale_id',
      'm.at',
    ])
    .where('m.community_code', '=', community);
  if (productId) q = q.where('m.product_id', '=', productId);
  return q.orderBy('m.at', 'desc').orderBy('m.seq', 'desc').limit(limit).execute();
}

/** Products whose total stock is at or below their threshold. */
export function lowStock(db: Db, community: string) {
  return db
    .selectFrom('shop_products as p')
    .leftJoin('shop_stock as s', 's.product_id', 'p.id')
    .select([
      'p.id',
      'p.sku',
      'p.name',
      'p.unit',
      'p.low_stock',
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('s.qty'), sql<number>`0`).as('qty'),
    ])
    .where('p.community_code', '=', community)
    .where('p.active', '=', true)
    .groupBy(['p.id', 'p.sku', 'p.name', 'p.unit', 'p.low_stock'])
    .having((eb) => eb(eb.fn.coalesce(eb.fn.sum<number>('s.qty'), sql<number>`0`), '<=', eb.ref('p.low_stock')))
    .orderBy('p.sku')
    .execute();
}
