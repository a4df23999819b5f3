/**
 * Pricing a sale and a refund. Pure: products and quantities in, integer fen out. A sale-wide discount is spread
 * over the lines in proportion to their net amounts ({@link allocate}), so every line carries its true takings and
 * per-product gross profit adds up to the sale's.
 */
import { allocate } from './money.ts';

/** One line as asked at the till. */
export interface LineInput {
  productId: string;
  qty: number;
  /** Discount on this line (fen). */
  discountFen: number;
}

/** What pricing needs of a product. */
export interface PricedProduct {
  id: string;
  priceFen: number;
  costFen: number;
}

/** A priced line. `discountFen` includes its share of the sale-wide discount. */
interface PricedLine {
  productId: string;
  qty: number;
  unitPriceFen: number;
  unitCostFen: number;
  discountFen: number;
  totalFen: number;
}

/** A priced sale, or the rule it breaks. */
export type Priced =
  | { ok: true; lines: PricedLine[]; subtotalFen: number; discountFen: number; totalFen: number; costFen: number }
  | { ok: false; reason: 'line_discount'; productId: string }
  | { ok: false; reason: 'sale_discount' };

/** Prices `lines` (products must all be known) with a sale-wide `saleDiscountFen`. */
export function priceSale(
  lines: readonly LineInput[],
  products: ReadonlyMap<string, PricedProduct>,
  saleDiscountFen: number,
): Priced {
  const nets: number[] = [];
  for (const l of lines) {
    const p = products.get(l.productId)!;
    const gross = p.priceFen * l.qty;
    if (l.discountFen > gross) return { ok: false, reason: 'line_discount', productId: l.productId };
    nets.push(gross - l.discountFen);
  }
  const net = nets.reduce((a, b) => a + b, 0);
  if (saleDiscountFen > net) return { ok: false, reason: 'sale_discount' };
  const shares = allocate(saleDiscountFen, nets);
  const priced = lines.map((l, i): PricedLine => {
    const p = products.get(l.productId)!;
    const discountFen = l.discountFen + shares[i]!;
    return {
      productId: l.productId,
      qty: l.qty,
      unitPriceFen: p.priceFen,
      unitCostFen: p.costFen,
      discountFen,
      totalFen: p.priceFen * l.qty - discountFen,
    };
  });
  const subtotalFen = priced.reduce((a, l) => a + l.unitPriceFen * l.qty, 0);
  const totalFen = priced.reduce((a, l) => a + l.totalFen, 0);
  const costFen = priced.reduce((a, l) => a + l.unitCostFen * l.qty, 0);
  return { ok: true, lines: priced, subtotalFen, discountFen: subtotalFen - totalFen, totalFen, costFen };
}

/** A sale line as stored, with what was already refunded. */
export interface RefundableLine {
  id: string;
  qty: number;
  totalFen: number;
  refundedQty: number;
  refundedFen: number;
}

/** The amount returned for `qty` more units of a line, or null when more than what is left is asked. */
export function refundAmount(line: RefundableLine, qty: number): number | null {
  const left = line.qty - line.refundedQty;
  if (qty < 1 || qty > left) return null;
  // The last units take whatever is left, so a line refunded in parts returns exactly its takings.
  if (qty === left) return line.totalFen - line.refundedFen;
  return Math.floor((line.totalFen * qty) / line.qty);
}

/** The change due for cash, or null when the cash given does not cover the total. */
export function changeDue(totalFen: number, cashReceivedFen: number): number | null {
  return cashReceivedFen >= totalFen ? cashReceivedFen - totalFen : null;
}
