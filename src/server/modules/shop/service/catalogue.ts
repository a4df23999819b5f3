/** Catalogue use cases: suppliers, products (SKU, barcode, cost and price in fen) and product photos. */
import sharp from 'sharp';
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { ShopModule, Who } from '../module.ts';
import { presentProduct, presentSupplier } from '../present.ts';
import * as repo from '../repository/catalogue.ts';
import type { ProductCategory, SupplierKind } from '../schema.ts';
import { actorFor, assertObject, auditActor, communityFor } from './common.ts';

/** A new supplier. */
export interface SupplierInput {
  community?: string | undefined;
  name: string;
  kind: SupplierKind;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  address?: string | undefined;
}

export async function createSupplier(m: ShopModule, who: Who, i: SupplierInput) {
  const community = communityFor(who, 'shop.manage', i.community);
  const a = actorFor(who, 'shop.manage');
  return m.db.transaction().execute(async (trx) => {
    const row = await repo.insertSupplier(trx, {
      id: uuidv7(m.clock().getTime()),
      community_code: community,
      name: i.name,
      kind: i.kind,
      contact_name: i.contactName ?? null,
      contact_phone: i.contactPhone ?? null,
      address: i.address ?? null,
    });
    await audit(trx, auditActor(a), {
      action: 'create',
      entity: 'shop_supplier',
      entityId: row.id,
      scopeCode: community,
      after: row,
      ip: who.ip,
    });
    return presentSupplier(row, a);
  });
}

export async function suppliers(m: ShopModule, who: Who, community?: string) {
  const code = communityFor(who, 'shop.read', community);
  const a = actorFor(who, 'shop.read');
  return (await repo.listSuppliers(m.db, code)).map((s) => presentSupplier(s, a));
}

/** A product as entered. */
export interface ProductInput {
  community?: string | undefined;
  sku: string;
  barcode?: string | null | undefined;
  name: string;
  category: ProductCategory;
  unit: string;
  costFen: number;
  priceFen: number;
  supplierId?: string | null | undefined;
  lowStock?: number | undefined;
  active?: boolean | undefined;
}

const duplicate = (e: unknown, code: string): never => {
  const x = e as { code?: string };
  if (x.code === '23505') throw new AppError('SHOP_DUPLICATE_SKU', { params: { code } });
  throw e;
};

export async function createProduct(m: ShopModule, who: Who, i: ProductInput) {
  const community = communityFor(who, 'shop.manage', i.community);
  const a = actorFor(who, 'shop.manage');
  if (i.supplierId) assertObject(who, 'shop.manage', await repo.getSupplier(m.db, i.supplierId));
  const row = await m.db
    .transaction()
    .execute(async (trx) => {
      const p = await repo.insertProduct(trx, {
        id: uuidv7(m.clock().getTime()),
        community_code: community,
        sku: i.sku,
        barcode: i.barcode ?? null,
        name: i.name,
        category: i.category,
        unit: i.unit,
        cost_fen: i.costFen,
        price_fen: i.priceFen,
        supplier_id: i.supplierId ?? null,
        low_stock: i.lowStock ?? 5,
        active: i.active ?? true,
        updated_at: m.clock(),
      });
      await audit(trx, auditActor(a), {
        action: 'create',
        entity: 'shop_product',
        entityId: p.id,
        scopeCode: community,
        after: p,
        ip: who.ip,
      });
      return p;
    })
    .catch((e: unknown) => duplicate(e, i.barcode ?? i.sku));
  return presentProduct(row, []);
}

/** Changes a product (price, cost, barcode, supplier, threshold, active); `version` guards lost updates. */
export async function updateProduct(
  m: ShopModule,
  who: Who,
  id: string,
  i: Partial<Omit<ProductInput, 'community'>> & { version: number },
) {
  const a = actorFor(who, 'shop.manage');
  const before = assertObject(who, 'shop.manage', await repo.getProduct(m.db, id));
  if (before.version !== i.version) throw new AppError('CONFLICT');
  if (i.supplierId) assertObject(who, 'shop.manage', await repo.getSupplier(m.db, i.supplierId));
  const row = await m.db
    .transaction()
    .execute(async (trx) => {
      const p = await repo.updateProduct(trx, id, {
        ...(i.sku !== undefined && { sku: i.sku }),
        ...(i.barcode !== undefined && { barcode: i.barcode }),
        ...(i.name !== undefined && { name: i.name }),
        ...(i.category !== undefined && { category: i.category }),
        ...(i.unit !== undefined && { unit: i.unit }),
        ...(i.costFen !== undefined && { cost_fen: i.costFen }),
        ...(i.priceFen !== undefined && { price_fen: i.priceFen }),
        ...(i.supplierId !== undefined && { supplier_id: i.supplierId }),
        ...(i.lowStock !== undefined && { low_stock: i.lowStock }),
        ...(i.active !== undefined && { active: i.active }),
        updated_at: m.clock(),
      });
      if (p.version !== before.version + 1) throw new AppError('CONFLICT');
      await audit(trx, auditActor(a), {
        action: 'update',
        entity: 'shop_product',
        entityId: id,
        scopeCode: before.community_code,
        before,
        after: p,
        ip: who.ip,
      });
      return p;
    })
    .catch((e: unknown) => duplicate(e, i.barcode ?? i.sku ?? ''));
  return presentProduct(row, (await repo.photoIds(m.db, [id])).get(id) ?? []);
}

export async function products(m: ShopModule, who: Who, f: { community?: string; q?: string; code?: string }) {
  const code = communityFor(who, 'shop.read', f.community);
  const rows = await repo.listProducts(m.db, code, f);
  const photos = await repo.photoIds(
    m.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentProduct(r, photos.get(r.id) ?? []));
}

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Adds a photo (JPEG/PNG/WebP, ≤ 5 MB; the format is read from the bytes, never from the file name). */
export async function addPhoto(m: ShopModule, who: Who, productId: string, read: () => Promise<Buffer>) {
  const a = actorFor(who, 'shop.manage');
  const p = assertObject(who, 'shop.manage', await repo.getProduct(m.db, productId));
  // the upload is read only once the product is known to be the actor's (nothing of a stranger's is parsed)
  const data = await read();
  if (data.length > 5 * 1024 * 1024) throw new AppError('SHOP_PHOTO_BAD');
  const format = await sharp(data, { limitInputPixels: 50_000_000 })
    .metadata()
    .then((x) => x.format)
    .catch(() => undefined);
  const mime = format ? MIME[format] : undefined;
  if (!mime) throw new AppError('SHOP_PHOTO_BAD');
  const id = uuidv7(m.clock().getTime());
  await m.db.transaction().execute(async (trx) => {
    await repo.insertPhoto(trx, { id, product_id: p.id, community_code: p.community_code, mime, data });
    await audit(trx, auditActor(a), {
      action: 'create',
      entity: 'shop_product_photo',
      entityId: id,
      scopeCode: p.community_code,
      after: { productId: p.id, mime, bytes: data.length },
      ip: who.ip,
    });
  });
  return { id };
}

export async function photo(m: ShopModule, who: Who, id: string) {
  return assertObject(who, 'shop.read', await repo.getPhoto(m.db, id));
}
