/** SQL of sales, their lines, refunds and the idempotency keys of the money-moving requests. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ShopRefundLinesTable, ShopSaleLinesTable, ShopSalesTable } from '../schema.ts';
import type { Db } from './catalogue.ts';

/** A sale row. */
export type SaleRow = Selectable<ShopSalesTable>;
/** A sale line row. */
export type LineRow = Selectable<ShopSaleLinesTable>;

/**
 * Claims an Idempotency-Key inside the caller's transaction, naming the object the request creates. On
 * PostgreSQL a concurrent claim of the same key waits for the first transaction and then finds the key taken;
 * false means: answer with the stored object (or refuse a different request under the same key).
 */
export async function claimKey(
  db: Db,
  k: { owner: string; key: string; kind: string; hash: string; refId: string; at: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('shop_idempotency')
    .values({ owner: k.owner, key: k.key, kind: k.kind, hash: k.hash, ref_id: k.refId, created_at: k.at })
    .onConflict((oc) => oc.columns(['owner', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
export function getKey(db: Db, owner: string, key: string) {
  return db
    .selectFrom('shop_idempotency')
    .selectAll()
    .where('owner', '=', owner)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Inserts a sale; with a platform order id an existing order makes it a no-op (returns undefined). */
export async function insertSale(db: Db, row: Insertable<ShopSalesTable>): Promise<SaleRow | undefined> {
  return db
    .insertInto('shop_sales')
    .values(row)
    .onConflict((oc) => oc.columns(['community_code', 'platform', 'platform_order_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}
export function insertLines(db: Db, rows: Insertable<ShopSaleLinesTable>[]) {
  return db.insertInto('shop_sale_lines').values(rows).execute();
}
export function getSale(db: Db, id: string) {
  return db.selectFrom('shop_sales').selectAll().where('id', '=', id).executeTakeFirst();
}
/** The sale row-locked for a refund (two refunds of one sale run one after the other). */
export function lockSale(db: Db, id: string) {
  return db.selectFrom('shop_sales').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export function linesOf(db: Db, saleId: string) {
  return db.selectFrom('shop_sale_lines').selectAll().where('sale_id', '=', saleId).orderBy('line_no').execute();
}
export function refundsOf(db: Db, saleId: string) {
  return db.selectFrom('shop_refunds').selectAll().where('sale_id', '=', saleId).orderBy('refunded_at').execute();
}
/** Sales of a community in [from, to), newest first. */
export function listSales(db: Db, community: string, from: Date, to: Date, limit: number) {
  return db
    .selectFrom('shop_sales')
    .selectAll()
    .where('community_code', '=', community)
    .where('sold_at', '>=', from)
    .where('sold_at', '<', to)
    .orderBy('sold_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Records a refund: the refund row, its lines, and the refunded totals on the sale and lines. */
export async function insertRefund(
  db: Db,
  r: {
    id: string;
    saleId: string;
    community: string;
    amountFen: number;
    method: SaleRow['payment_method'];
    reason: string;
    restock: boolean;
    at: Date;
    actorId: string | null;
  },
  lines: Insertable<ShopRefundLinesTable>[],
): Promise<void> {
  await db
    .insertInto('shop_refunds')
    .values({
      id: r.id,
      sale_id: r.saleId,
      community_code: r.community,
      amount_fen: r.amountFen,
      payment_method: r.method,
      reason: r.reason,
      restock: r.restock,
      refunded_at: r.at,
      actor_id: r.actorId,
    })
    .execute();
  await db.insertInto('shop_refund_lines').values(lines).execute();
  for (const l of lines)
    await db
      .updateTable('shop_sale_lines')
      .set((eb) => ({
        refunded_qty: eb('refunded_qty', '+', l.qty),
        refunded_fen: eb('refunded_fen', '+', sql<number>`${l.amount_fen}::bigint`),
      }))
      .where('id', '=', l.sale_line_id)
      .execute();
  await db
    .updateTable('shop_sales')
    .set((eb) => ({ refunded_fen: eb('refunded_fen', '+', sql<number>`${r.amountFen}::bigint`) }))
    .where('id', '=', r.saleId)
    .execute();
}

/** The sale a refund belongs to. */
export async function saleOfRefund(db: Db, refundId: string): Promise<string> {
  const r = await db.selectFrom('shop_refunds').select('sale_id').where('id', '=', refundId).executeTakeFirstOrThrow();
  return r.sale_id;
}
