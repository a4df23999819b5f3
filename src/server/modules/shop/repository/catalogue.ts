/** SQL of the catalogue: suppliers, products and their photos. */
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ShopProductsTable, ShopSuppliersTable } from '../schema.ts';

/** A connection or a transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
/** A product row. */
export type ProductRow = Selectable<ShopProductsTable>;
/** A supplier row. */
export type SupplierRow = Selectable<ShopSuppliersTable>;

export function insertSupplier(db: Db, row: Omit<SupplierRow, 'created_at'>) {
  return db.insertInto('shop_suppliers').values(row).returningAll().executeTakeFirstOrThrow();
}
export function listSuppliers(db: Db, community: string) {
  return db.selectFrom('shop_suppliers').selectAll().where('community_code', '=', community).orderBy('name').execute();
}
export function getSupplier(db: Db, id: string) {
  return db.selectFrom('shop_suppliers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertProduct(db: Db, row: Omit<ProductRow, 'created_at' | 'version'>) {
  return db.insertInto('shop_products').values(row).returningAll().executeTakeFirstOrThrow();
}
export function updateProduct(
  db: Db,
  id: string,
  set: Omit<Updateable<ShopProductsTable>, 'id' | 'community_code' | 'version'>,
) {
  return db
    .updateTable('shop_products')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
export function getProduct(db: Db, id: string) {
  return db.selectFrom('shop_products').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Products of a community, optionally matching a text (name, SKU, barcode) or exactly one barcode/SKU. */
export function listProducts(db: Db, community: string, f: { q?: string | undefined; code?: string | undefined }) {
  let q = db.selectFrom('shop_products').selectAll().where('community_code', '=', community);
  if (f.code) q = q.where((eb) => eb.or([eb('barcode', '=', f.code!), eb('sku', '=', f.code!)]));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('sku', 'like', like), eb('barcode', 'like', like)]));
  }
  return q.orderBy('category').orderBy('sku').limit(500).execute();
}

/** Active products of a community by id. */
export function productsByIds(db: Db, community: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as ProductRow[]);
  return db
    .selectFrom('shop_products')
    .selectAll()
    .where('community_code', '=', community)
    .where('active', '=', true)
    .where('id', 'in', ids)
    .execute();
}

/** SKU and barcode → product id, for reading platform exports. */
export async function productCodes(db: Db, community: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('shop_products')
    .select(['id', 'sku', 'barcode'])
    .where('community_code', '=', community)
    .where('active', '=', true)
    .execute();
  const m = new Map<string, string>();
  for (const r of rows) {
    if (r.barcode) m.set(r.barcode, r.id);
    m.set(r.sku, r.id);
  }
  return m;
}

export function insertPhoto(
  db: Db,
  row: { id: string; product_id: string; community_code: string; mime: string; data: Buffer },
) {
  return db.insertInto('shop_product_photos').values(row).execute();
}
export function getPhoto(db: Db, id: string) {
  return db.selectFrom('shop_product_photos').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Photo ids per product. */
export async function photoIds(db: Db, productIds: string[]): Promise<Map<string, string[]>> {
  const m = new Map<string, string[]>();
  if (!productIds.length) return m;
  const rows = await db
    .selectFrom('shop_product_photos')
    .select(['id', 'product_id'])
    .where('product_id', 'in', productIds)
    .orderBy('id')
    .execute();
  for (const r of rows) m.set(r.product_id, [...(m.get(r.product_id) ?? []), r.id]);
  return m;
}
