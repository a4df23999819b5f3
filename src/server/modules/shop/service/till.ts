/**
 * The till (收银): a sale with its lines, stock taken off in the same transaction (concurrent tills cannot
 * oversell: see repository/stock.ts), the receipt; refunds and returns against the original sale.
 */
import type { Insertable, Transaction } from 'kysely';
import { audit } from '../../../platform/audit.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { changeDue, priceSale, refundAmount, type LineInput, type PricedProduct } from '../domain/sale.ts';
import type { ShopModule, Who } from '../module.ts';
import { presentReceipt, type Receipt } from '../present.ts';
import * as catalogue from '../repository/catalogue.ts';
import * as liveRepo from '../repository/live.ts';
import * as repo from '../repository/sales.ts';
import * as stock from '../repository/stock.ts';
import type { PaymentMethod, ShopRefundLinesTable } from '../schema.ts';
import { actorFor, assertObject, auditActor, communityFor, idempotent } from './common.ts';

/** A sale as rung up. */
export interface SaleInput {
  community?: string | undefined;
  location: string;
  lines: LineInput[];
  discountFen: number;
  paymentMethod: Exclude<PaymentMethod, 'platform'>;
  cashReceivedFen?: number | undefined;
  preOrder?: boolean | undefined;
  /** Taken during a live stream (phone or chat orders): counted on that session's board. */
  sessionId?: string | undefined;
}

/** The receipt of a sale (any reader in the area). */
export async function receipt(m: ShopModule, who: Who, id: string): Promise<Receipt> {
  const s = assertObject(who, 'shop.read', await repo.getSale(m.db, id));
  return presentReceipt(s, await repo.linesOf(m.db, id), await repo.refundsOf(m.db, id));
}

async function loadReceipt(m: ShopModule, id: string): Promise<Receipt> {
  const s = await repo.getSale(m.db, id);
  if (!s) throw new AppError('NOT_FOUND');
  return presentReceipt(s, await repo.linesOf(m.db, id), await repo.refundsOf(m.db, id));
}

/**
 * Takes the stock of every product of a sale and writes the movements. Runs last in the sale's transaction, so
 * the stock rows stay locked for as short a time as possible (concurrent tills selling the same products queue
 * on them); a pre-order may go below zero and takes its products one by one.
 */
async function takeAll(
  trx: Transaction<Database>,
  sale: { community: string; location: string; preOrder: boolean; saleId: string; actorId: string; at: Date },
  lines: { productId: string; qty: number }[],
  names: Map<string, string>,
): Promise<void> {
  const need = new Map<string, number>();
  for (const l of lines) need.set(l.productId, (need.get(l.productId) ?? 0) + l.qty);
  const after = new Map<string, number>();
  if (sale.preOrder) {
    for (const [productId, n] of [...need].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const q = await stock.addStock(trx, productId, sale.location, sale.community, -n);
      after.set(productId, q);
    }
  } else {
    for (const [id, q] of await stock.takeMany(trx, sale.location, need)) after.set(id, q);
  }
  const short = [...need.keys()].find((id) => !after.has(id));
  if (short) {
    const qty = await stock.level(trx, short, sale.location);
    const n = need.get(short)!;
    throw new AppError('SHOP_OUT_OF_STOCK', {
      params: { name: names.get(short) ?? short, location: sale.location, qty, need: n },
      details: { productId: short, available: qty, needed: n },
    });
  }
  await stock.insertMoves(
    trx,
    [...need].map(([productId, n]) => ({
      id: uuidv7(sale.at.getTime()),
      community_code: sale.community,
      product_id: productId,
      location: sale.location,
      kind: 'sale' as const,
      qty_delta: -n,
      qty_after: after.get(productId)!,
      reason: sale.preOrder ? 'pre-order' : null,
      sale_id: sale.saleId,
      refund_id: null,
      supplier_id: null,
      actor_id: sale.actorId,
      at: sale.at,
    })),
  );
}

/** Rings up a sale; with an Idempotency-Key a retry answers the first receipt and books nothing. */
export async function sell(m: ShopModule, who: Who, input: SaleInput, key: string | null) {
  const a = actorFor(who, 'shop.sell');
  const community = communityFor(who, 'shop.sell', input.community);
  return idempotent(
    m,
    who,
    key,
    'sale',
    input,
    async (trx, id) => {
      const now = m.clock();
      const ids = [...new Set(input.lines.map((l) => l.productId))];
      const rows = await catalogue.productsByIds(trx, community, ids);
      const missing = ids.find((x) => !rows.some((r) => r.id === x));
      if (missing) throw new AppError('SHOP_UNKNOWN_PRODUCT', { params: { id: missing } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const products = new Map<string, PricedProduct>(
        rows.map((r) => [r.id, { id: r.id, priceFen: Number(r.price_fen), costFen: Number(r.cost_fen) }]),
      );
      const priced = priceSale(input.lines, products, input.discountFen);
      if (!priced.ok) throw new AppError('SHOP_DISCOUNT_TOO_LARGE');
      let cash: number | null = null;
      if (input.paymentMethod === 'cash') {
        cash = input.cashReceivedFen ?? priced.totalFen;
        if (changeDue(priced.totalFen, cash) === null) throw new AppError('SHOP_CASH_SHORT');
      }
      if (input.sessionId) assertObject(who, 'shop.sell', await liveRepo.getSession(trx, input.sessionId));
      const sale = await repo.insertSale(trx, {
        id,
        community_code: community,
        channel: input.sessionId ? 'live' : 'counter',
        session_id: input.sessionId ?? null,
        platform: null,
        platform_order_id: null,
        payment_method: input.paymentMethod,
        location: input.location,
        subtotal_fen: priced.subtotalFen,
        discount_fen: priced.discountFen,
        total_fen: priced.totalFen,
        cost_fen: priced.costFen,
        cash_received_fen: cash,
        pre_order: input.preOrder === true,
        sold_at: now,
        actor_id: a.accountId,
      });
      if (!sale) throw new AppError('CONFLICT');
      const lines = priced.lines.map((l, i) => {
        const p = byId.get(l.productId)!;
        return {
          id: uuidv7(now.getTime()),
          sale_id: id,
          community_code: community,
          line_no: i + 1,
          product_id: l.productId,
          sku: p.sku,
          name: p.name,
          unit: p.unit,
          qty: l.qty,
          unit_price_fen: l.unitPriceFen,
          discount_fen: l.discountFen,
          total_fen: l.totalFen,
          unit_cost_fen: l.unitCostFen,
        };
      });
      await repo.insertLines(trx, lines);
      const names = new Map(rows.map((r) => [r.id, r.name]));
      const ctx = { community, location: input.location, preOrder: input.preOrder === true, saleId: id, at: now };
      await takeAll(trx, { ...ctx, actorId: a.accountId }, priced.lines, names);
      await audit(trx, auditActor(a), {
        action: 'create',
        entity: 'shop_sale',
        entityId: id,
        scopeCode: community,
        after: { totalFen: priced.totalFen, lines: priced.lines.length, method: input.paymentMethod },
        ip: who.ip,
      });
      const full = { ...sale, refunded_fen: 0 };
      return presentReceipt(
        full,
        lines.map((l) => ({ ...l, refunded_qty: 0, refunded_fen: 0 })),
        [],
      );
    },
    (id) => loadReceipt(m, id),
  );
}

/** A refund as asked: which lines, how many units, why, and whether the goods go back on the shelf. */
export interface RefundInput {
  lines: { lineId: string; qty: number }[];
  reason: string;
  restock: boolean;
}

/** Refunds part or all of a sale; the money goes back by the sale's payment method. */
export async function refund(m: ShopModule, who: Who, saleId: string, input: RefundInput, key: string | null) {
  const a = actorFor(who, 'shop.sell');
  assertObject(who, 'shop.sell', await repo.getSale(m.db, saleId));
  const r = await idempotent(
    m,
    who,
    key,
    'refund',
    { saleId, ...input },
    async (trx, id) => {
      const now = m.clock();
      const sale = assertObject(who, 'shop.sell', await repo.lockSale(trx, saleId));
      const lines = await repo.linesOf(trx, saleId);
      const out: Insertable<ShopRefundLinesTable>[] = [];
      for (const [i, want] of input.lines.entries()) {
        const l = lines.find((x) => x.id === want.lineId);
        // one entry per line: a line named twice is refused rather than summed
        const already: number = out.filter((o) => o.sale_line_id === want.lineId).length;
        const amount: number | null = l
          ? refundAmount(
              {
                id: l.id,
                qty: l.qty,
                totalFen: Number(l.total_fen),
                refundedQty: l.refunded_qty,
                refundedFen: Number(l.refunded_fen),
              },
              want.qty,
            )
          : null;
        if (!l || amount === null || already > 0)
          throw new AppError('SHOP_REFUND_TOO_MUCH', { params: { line: i + 1 } });
        out.push({
          refund_id: id,
          sale_line_id: l.id,
          community_code: sale.community_code,
          product_id: l.product_id,
          qty: want.qty,
          amount_fen: amount,
          unit_cost_fen: l.unit_cost_fen,
        });
      }
      const amountFen = out.reduce((s, o) => s + Number(o.amount_fen), 0);
      if (amountFen <= 0) throw new AppError('SHOP_REFUND_TOO_MUCH', { params: { line: 1 } });
      await repo.insertRefund(
        trx,
        {
          id,
          saleId,
          community: sale.community_code,
          amountFen,
          method: sale.payment_method,
          reason: input.reason,
          restock: input.restock,
          at: now,
          actorId: a.accountId,
        },
        out,
      );
      if (input.restock) {
        const moves = [];
        for (const o of out) {
          const after = await stock.addStock(trx, o.product_id, sale.location, sale.community_code, o.qty);
          moves.push({
            id: uuidv7(now.getTime()),
            community_code: sale.community_code,
            product_id: o.product_id,
            location: sale.location,
            kind: 'return' as const,
            qty_delta: o.qty,
            qty_after: after,
            reason: input.reason,
            sale_id: saleId,
            refund_id: id,
            supplier_id: null,
            actor_id: a.accountId,
            at: now,
          });
        }
        await stock.insertMoves(trx, moves);
      }
      await audit(trx, auditActor(a), {
        action: 'refund',
        entity: 'shop_sale',
        entityId: saleId,
        scopeCode: sale.community_code,
        after: { refundId: id, amountFen, reason: input.reason, restock: input.restock },
        ip: who.ip,
      });
      return saleId;
    },
    (refundId) => repo.saleOfRefund(m.db, refundId),
  );
  return { receipt: await loadReceipt(m, r.value), replayed: r.replayed };
}

/** Sales of a community in [from, to) (Shanghai day bounds decided by the route), newest first. */
export async function listSales(m: ShopModule, who: Who, f: { community?: string; from: Date; to: Date }) {
  const community = communityFor(who, 'shop.read', f.community);
  const rows = await repo.listSales(m.db, community, f.from, f.to, 500);
  return rows.map((s) => presentReceipt(s, [], []));
}
