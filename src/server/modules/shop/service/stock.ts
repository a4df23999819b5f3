/**
 * Stock use cases: a receipt from a supplier, an adjustment with its reason (breakage, tasting, loss), a
 * stock-take (the counted level replaces the booked one; the difference is the movement), levels and the
 * low-stock list. Every change is a movement row; outside a pre-order sale stock never goes below zero.
 */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { ShopModule, Who } from '../module.ts';
import * as catalogue from '../repository/catalogue.ts';
import * as repo from '../repository/stock.ts';
import { actorFor, assertObject, auditActor, communityFor } from './common.ts';

/** One stock movement as entered. */
export type MoveInput =
  | {
      kind: 'receipt';
      productId: string;
      location: string;
      qty: number;
      supplierId?: string | undefined;
      reason?: string | undefined;
    }
  | { kind: 'adjustment'; productId: string; location: string; delta: number; reason: string }
  | { kind: 'stocktake'; productId: string; location: string; counted: number; reason?: string | undefined };

/** Books one movement and returns the new level. */
export async function move(m: ShopModule, who: Who, i: MoveInput) {
  const a = actorFor(who, 'shop.sell');
  const p = assertObject(who, 'shop.sell', await catalogue.getProduct(m.db, i.productId));
  if (i.kind === 'receipt' && i.supplierId)
    assertObject(who, 'shop.sell', await catalogue.getSupplier(m.db, i.supplierId));
  return m.db.transaction().execute(async (trx) => {
    const now = m.clock();
    let delta: number;
    let after: number | null;
    if (i.kind === 'receipt') {
      delta = i.qty;
      after = await repo.addStock(trx, p.id, i.location, p.community_code, delta);
    } else if (i.kind === 'adjustment') {
      delta = i.delta;
      after =
        delta < 0
          ? await repo.takeStock(trx, {
              productId: p.id,
              location: i.location,
              community: p.community_code,
              n: -delta,
              allowNegative: false,
            })
          : await repo.addStock(trx, p.id, i.location, p.community_code, delta);
      if (after === null) {
        const qty = await repo.level(trx, p.id, i.location);
        throw new AppError('SHOP_OUT_OF_STOCK', { params: { name: p.name, location: i.location, qty, need: -delta } });
      }
    } else {
      const booked = await repo.lockLevel(trx, p.id, i.location);
      delta = i.counted - booked;
      after = await repo.addStock(trx, p.id, i.location, p.community_code, delta);
    }
    const id = uuidv7(now.getTime());
    await repo.insertMoves(trx, [
      {
        id,
        community_code: p.community_code,
        product_id: p.id,
        location: i.location,
        kind: i.kind,
        qty_delta: delta,
        qty_after: after,
        reason: i.reason ?? null,
        sale_id: null,
        refund_id: null,
        supplier_id: i.kind === 'receipt' ? (i.supplierId ?? p.supplier_id) : null,
        actor_id: a.accountId,
        at: now,
      },
    ]);
    await audit(trx, auditActor(a), {
      action: `stock.${i.kind}`,
      entity: 'shop_product',
      entityId: p.id,
      scopeCode: p.community_code,
      after: { location: i.location, delta, qty: after, reason: i.reason ?? null },
      ip: who.ip,
    });
    return { moveId: id, productId: p.id, location: i.location, delta, qty: after };
  });
}

/** Levels per product and location, and the low-stock list (total at or below the product's threshold). */
export async function levels(m: ShopModule, who: Who, community?: string) {
  const code = communityFor(who, 'shop.read', community);
  const rows = await repo.stockLevels(m.db, code);
  const low = await repo.lowStock(m.db, code);
  return {
    levels: rows.map((r) => ({
      productId: r.id,
      sku: r.sku,
      name: r.name,
      unit: r.unit,
      location: r.location,
      qty: r.qty ?? 0,
    })),
    low: low.map((r) => ({
      productId: r.id,
      sku: r.sku,
      name: r.name,
      unit: r.unit,
      qty: Number(r.qty),
      threshold: r.low_stock,
    })),
  };
}

/** The latest movements (all products, or one). */
export async function history(m: ShopModule, who: Who, f: { community?: string; productId?: string }) {
  const code = communityFor(who, 'shop.read', f.community);
  const rows = await repo.moves(m.db, code, f.productId, 300);
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    name: r.name,
    sku: r.sku,
    location: r.location,
    kind: r.kind,
    delta: r.qty_delta,
    qtyAfter: r.qty_after,
    reason: r.reason,
    saleId: r.sale_id,
    at: new Date(r.at).toISOString(),
  }));
}
