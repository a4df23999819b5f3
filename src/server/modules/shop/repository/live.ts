/** SQL of live-stream sessions, the live board, import mappings and import records. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ShopImportsTable, ShopLiveSessionsTable, Platform } from '../schema.ts';
import type { Db } from './catalogue.ts';

/** A session row. */
export type SessionRow = Selectable<ShopLiveSessionsTable>;

export function insertSession(db: Db, row: Insertable<ShopLiveSessionsTable>) {
  return db.insertInto('shop_live_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}
export function getSession(db: Db, id: string) {
  return db.selectFrom('shop_live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
export function listSessions(db: Db, community: string) {
  return db
    .selectFrom('shop_live_sessions')
    .selectAll()
    .where('community_code', '=', community)
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

/** The board of one session: totals, per product, and the latest orders. */
export async function board(db: Db, sessionId: string, latest: number) {
  const totals = await db
    .selectFrom('shop_sales')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('total_fen'), sql<number>`0`).as('revenue'),
      eb.fn.coalesce(eb.fn.sum<number>('refunded_fen'), sql<number>`0`).as('refunded'),
    ])
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const byProduct = await db
    .selectFrom('shop_sale_lines as l')
    .innerJoin('shop_sales as s', 's.id', 'l.sale_id')
    .select((eb) => [
      'l.product_id',
      'l.name',
      eb.fn.sum<number>('l.qty').as('qty'),
      eb.fn.sum<number>('l.total_fen').as('revenue'),
    ])
    .where('s.session_id', '=', sessionId)
    .groupBy(['l.product_id', 'l.name'])
    .orderBy('revenue', 'desc')
    .execute();
  const orders = await db
    .selectFrom('shop_sales as s')
    .innerJoin('shop_sale_lines as l', 'l.sale_id', 's.id')
    .select(['s.id', 's.platform_order_id', 's.sold_at', 's.total_fen', 'l.name', 'l.qty'])
    .where('s.session_id', '=', sessionId)
    .where('l.line_no', '=', 1)
    .orderBy('s.sold_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(latest)
    .execute();
  return { totals, byProduct, orders };
}

export function getMapping(db: Db, community: string, platform: Platform) {
  return db
    .selectFrom('shop_import_mappings')
    .selectAll()
    .where('community_code', '=', community)
    .where('platform', '=', platform)
    .executeTakeFirst();
}
export function listMappings(db: Db, community: string) {
  return db.selectFrom('shop_import_mappings').selectAll().where('community_code', '=', community).execute();
}
export function putMapping(db: Db, community: string, platform: Platform, mapping: unknown, at: Date) {
  return db
    .insertInto('shop_import_mappings')
    .values({ community_code: community, platform, mapping: JSON.stringify(mapping), updated_at: at })
    .onConflict((oc) =>
      oc.columns(['community_code', 'platform']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: at }),
    )
    .execute();
}
export function insertImport(db: Db, row: Insertable<ShopImportsTable>) {
  return db.insertInto('shop_imports').values(row).execute();
}
