/**
 * Presenters of the shop, one per audience: staff who run the shop (shop staff, community staff) see supplier
 * contacts in clear; readers above them (street, district, auditor) see them masked. Receipts never carry costs.
 */
import { maskName, maskPhone } from '../../../shared/mask.ts';
import { shanghaiDate } from '../../../shared/time.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { shopRoleHas } from './permissions.ts';
import type { ProductRow, SupplierRow } from './repository/catalogue.ts';
import type { LineRow, SaleRow } from './repository/sales.ts';
import type { Selectable } from 'kysely';
import type { ShopRefundsTable } from './schema.ts';

/** A product as staff see it. */
export function presentProduct(p: ProductRow, photos: string[]) {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    category: p.category,
    unit: p.unit,
    costFen: Number(p.cost_fen),
    priceFen: Number(p.price_fen),
    supplierId: p.supplier_id,
    lowStock: p.low_stock,
    active: p.active,
    version: p.version,
    photoIds: photos,
  };
}

/** A supplier; contacts in clear only for those who manage the catalogue. */
export function presentSupplier(s: SupplierRow, a: Actor) {
  const clear = shopRoleHas(a.role, 'shop.manage');
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    contactName: clear ? s.contact_name : s.contact_name && maskName(s.contact_name),
    contactPhone: clear ? s.contact_phone : s.contact_phone && maskPhone(s.contact_phone),
    address: s.address,
  };
}

/** The receipt number: Shanghai date of the sale and its running number. */
function receiptNo(s: Pick<SaleRow, 'sold_at' | 'no'>): string {
  return `${shanghaiDate(s.sold_at).replaceAll('-', '')}-${String(s.no).padStart(6, '0')}`;
}

/** A sale as its receipt (on screen and printed at 58 mm). */
export function presentReceipt(s: SaleRow, lines: LineRow[], refunds: Selectable<ShopRefundsTable>[]) {
  const total = Number(s.total_fen);
  const cash = s.cash_received_fen === null ? null : Number(s.cash_received_fen);
  return {
    id: s.id,
    receiptNo: receiptNo(s),
    communityCode: s.community_code,
    channel: s.channel,
    sessionId: s.session_id,
    platform: s.platform,
    platformOrderId: s.platform_order_id,
    paymentMethod: s.payment_method,
    location: s.location,
    soldAt: new Date(s.sold_at).toISOString(),
    preOrder: s.pre_order,
    subtotalFen: Number(s.subtotal_fen),
    discountFen: Number(s.discount_fen),
    totalFen: total,
    cashReceivedFen: cash,
    changeFen: cash === null ? null : cash - total,
    refundedFen: Number(s.refunded_fen),
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      unit: l.unit,
      qty: l.qty,
      unitPriceFen: Number(l.unit_price_fen),
      discountFen: Number(l.discount_fen),
      totalFen: Number(l.total_fen),
      refundedQty: l.refunded_qty,
      refundedFen: Number(l.refunded_fen),
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      amountFen: Number(r.amount_fen),
      paymentMethod: r.payment_method,
      reason: r.reason,
      restock: r.restock,
      refundedAt: new Date(r.refunded_at).toISOString(),
    })),
  };
}

/** The receipt type. */
export type Receipt = ReturnType<typeof presentReceipt>;
