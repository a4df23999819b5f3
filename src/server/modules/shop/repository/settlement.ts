/** SQL of the profit-share setting, settlements and the per-channel × product figures of a period. */
import { sql, type Insertable } from 'kysely';
import type { ShopSettlementsTable } from '../schema.ts';
import type { ProfitRow } from '../domain/settlement.ts';
import type { Db } from './catalogue.ts';

export function getSettings(db: Db, community: string) {
  return db.selectFrom('shop_settings').selectAll().where('community_code', '=', community).executeTakeFirst();
}
export function putSettings(db: Db, community: string, bp: number, at: Date) {
  return db
    .insertInto('shop_settings')
    .values({ community_code: community, fund_share_bp: bp, updated_at: at })
    .onConflict((oc) => oc.column('community_code').doUpdateSet({ fund_share_bp: bp, updated_at: at }))
    .execute();
}
/**
 * Serialises the settlements of one community: a transaction-scoped advisory lock on the community code, so two
 * settlement runs (or a run and an import into the same days) never interleave.
 */
export async function lockCommunity(db: Db, community: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`shop:${community}`}))`.execute(db);
}
export function listSettlements(db: Db, community: string) {
  return db
    .selectFrom('shop_settlements')
    .selectAll()
    .where('community_code', '=', community)
    .orderBy('period_from', 'desc')
    .execute();
}
/** A settled period that overlaps [from, to] (dates), if any. */
export function overlapping(db: Db, community: string, from: string, to: string) {
  return db
    .selectFrom('shop_settlements')
    .selectAll()
    .where('community_code', '=', community)
    .where('period_from', '<=', to)
    .where('period_to', '>=', from)
    .executeTakeFirst();
}
/** Settled periods of a community as [from, to] date pairs. */
export function settledPeriods(db: Db, community: string) {
  return db
    .selectFrom('shop_settlements')
    .select(['period_from', 'period_to'])
    .where('community_code', '=', community)
    .execute();
}
export function insertSettlement(db: Db, row: Insertable<ShopSettlementsTable>) {
  return db.insertInto('shop_settlements').values(row).returningAll().executeTakeFirstOrThrow();
}
export function setFundTransaction(db: Db, id: string, txId: string) {
  return db.updateTable('shop_settlements').set({ fund_transaction_id: txId }).where('id', '=', id).execute();
}

/** Sales in [from, to) and refunds in [from, to), per channel × product: revenue and cost of goods. */
export async function profitRows(db: Db, community: string, from: Date, to: Date): Promise<ProfitRow[]> {
  const sold = await db
    .selectFrom('shop_sale_lines as l')
    .innerJoin('shop_sales as s', 's.id', 'l.sale_id')
    .select((eb) => [
      's.channel',
      'l.product_id',
      eb.fn.max('l.name').as('name'),
      eb.fn.sum<number>('l.qty').as('qty'),
      eb.fn.sum<number>('l.total_fen').as('revenue'),
      eb.fn.sum<number>(sql`l.qty * l.unit_cost_fen`).as('cost'),
    ])
    .where('s.community_code', '=', community)
    .where('s.sold_at', '>=', from)
    .where('s.sold_at', '<', to)
    .groupBy(['s.channel', 'l.product_id'])
    .execute();
  const back = await db
    .selectFrom('shop_refund_lines as rl')
    .innerJoin('shop_refunds as r', 'r.id', 'rl.refund_id')
    .innerJoin('shop_sales as s', 's.id', 'r.sale_id')
    .innerJoin('shop_sale_lines as l', 'l.id', 'rl.sale_line_id')
    .select((eb) => [
      's.channel',
      'rl.product_id',
      eb.fn.max('l.name').as('name'),
      eb.fn.sum<number>('rl.qty').as('qty'),
      eb.fn.sum<number>('rl.amount_fen').as('revenue'),
      // goods that come back to the shelf are no cost; goods written off stay a cost
      eb.fn.sum<number>(sql`case when r.restock then rl.qty * rl.unit_cost_fen else 0 end`).as('cost'),
    ])
    .where('r.community_code', '=', community)
    .where('r.refunded_at', '>=', from)
    .where('r.refunded_at', '<', to)
    .groupBy(['s.channel', 'rl.product_id'])
    .execute();
  const m = new Map<string, ProfitRow>();
  const key = (c: string, p: string) => `${c}|${p}`;
  for (const r of sold)
    m.set(key(r.channel, r.product_id), {
      channel: r.channel,
      productId: r.product_id,
      name: String(r.name),
      qty: Number(r.qty),
      revenueFen: Number(r.revenue),
      costFen: Number(r.cost),
    });
  for (const r of back) {
    const k = key(r.channel, r.product_id);
    const cur = m.get(k) ?? {
      channel: r.channel,
      productId: r.product_id,
      name: String(r.name),
      qty: 0,
      revenueFen: 0,
      costFen: 0,
    };
    m.set(k, {
      ...cur,
      qty: cur.qty - Number(r.qty),
      revenueFen: cur.revenueFen - Number(r.revenue),
      costFen: cur.costFen - Number(r.cost),
    });
  }
  return [...m.values()];
}
