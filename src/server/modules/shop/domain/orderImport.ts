/**
 * Reading a live-stream platform's order export (抖音/快手/视频号 …) into orders, with a column mapping per
 * platform. Pure: rows of text cells in, orders or per-row errors out. One row is one (sub-)order of one product;
 * its platform order id is the key that makes re-imports and overlapping exports create each order once.
 */
import { MAX_ORDER_FEN, MAX_QTY, parseYuan } from './money.ts';
import { SHANGHAI_OFFSET_MS } from '../../../../shared/time.ts';

/** Which header names the fields of an order are found under. */
export interface ImportMapping {
  orderId: string;
  sku: string;
  quantity: string;
  amount: string;
  paidAt: string;
  /** Optional status column; rows whose status is in `skipStatuses` (cancelled, refunded) are skipped. */
  status?: string | undefined;
  skipStatuses: string[];
}

const SKIP = ['已取消', '已关闭', '交易关闭', '退款成功', '已退款'];

/** Built-in mappings of the platforms' standard exports; a saved mapping replaces them. */
export const DEFAULT_MAPPINGS: Record<string, ImportMapping> = {
  douyin: {
    orderId: '子订单编号',
    sku: '商家编码',
    quantity: '商品数量',
    amount: '订单应付金额',
    paidAt: '支付完成时间',
    status: '订单状态',
    skipStatuses: SKIP,
  },
  kuaishou: {
    orderId: '订单号',
    sku: 'SKU编码',
    quantity: '购买数量',
    amount: '实付款',
    paidAt: '支付时间',
    status: '订单状态',
    skipStatuses: SKIP,
  },
  channels: {
    orderId: '订单号',
    sku: '商品编码',
    quantity: '商品数量',
    amount: '实付金额',
    paidAt: '支付时间',
    status: '订单状态',
    skipStatuses: SKIP,
  },
  taobao: {
    orderId: '子订单编号',
    sku: '商家编码',
    quantity: '购买数量',
    amount: '买家实付金额',
    paidAt: '付款时间',
    status: '订单状态',
    skipStatuses: SKIP,
  },
  other: {
    orderId: '订单号',
    sku: '商家编码',
    quantity: '数量',
    amount: '金额',
    paidAt: '支付时间',
    skipStatuses: SKIP,
  },
};

/** One order read from the file. */
export interface ImportedOrder {
  row: number;
  orderId: string;
  productId: string;
  qty: number;
  amountFen: number;
  paidAt: Date;
}

/** Why a row was refused. */
export type RowProblem =
  | 'missing_order_id'
  | 'unknown_sku'
  | 'bad_quantity'
  | 'bad_amount'
  | 'bad_time'
  | 'settled'
  | 'conflicting_duplicate';

/** A refused row: 1-based line of the file, the column, the problem. */
interface RowError {
  row: number;
  column: string;
  problem: RowProblem;
  value: string;
}

/** What the rows became. `duplicates` are repeats of an order earlier in the same file. */
export interface ReadOrders {
  orders: ImportedOrder[];
  errors: RowError[];
  skipped: number;
  duplicates: number;
  missingColumns: string[];
}

/** Parses 'YYYY-MM-DD HH:mm[:ss]' (or with '/') as Shanghai wall-clock time. */
export function parseShanghaiTime(text: string): Date | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || s! > 59 || mi! > 59) return null;
  return new Date(ms - SHANGHAI_OFFSET_MS);
}

/**
 * Reads the export: the first row is the header; empty rows are ignored. `skuToProduct` maps a SKU (or barcode)
 * to a product id; `settled(at)` tells whether an instant falls into an already settled period.
 */
export function readOrders(
  rows: readonly (readonly string[])[],
  mapping: ImportMapping,
  skuToProduct: (sku: string) => string | undefined,
  settled: (at: Date) => boolean,
): ReadOrders {
  const header = (rows[0] ?? []).map((h) => h.trim());
  const need = [mapping.orderId, mapping.sku, mapping.quantity, mapping.amount, mapping.paidAt];
  if (mapping.status) need.push(mapping.status);
  const missingColumns = need.filter((c) => !header.includes(c));
  const out: ReadOrders = { orders: [], errors: [], skipped: 0, duplicates: 0, missingColumns };
  if (missingColumns.length) return out;
  const col = (name: string) => header.indexOf(name);
  const seen = new Map<string, ImportedOrder>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: string) => (cells[col(name)] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    if (mapping.status && mapping.skipStatuses.includes(cell(mapping.status))) {
      out.skipped++;
      return;
    }
    const bad = (column: string, problem: RowProblem) =>
      out.errors.push({ row, column, problem, value: cell(column).slice(0, 60) });
    // Platform order ids are digits/letters; a spreadsheet may have turned a long id into "6.9E+18".
    const orderId = cell(mapping.orderId).replace(/^'/, '');
    if (!/^[\w-]{1,64}$/.test(orderId)) bad(mapping.orderId, 'missing_order_id');
    const productId = skuToProduct(cell(mapping.sku));
    if (!productId) bad(mapping.sku, 'unknown_sku');
    const qtyText = cell(mapping.quantity);
    const qty = /^\d{1,6}$/.test(qtyText) ? Number(qtyText) : Number.NaN;
    if (!(qty >= 1 && qty <= MAX_QTY)) bad(mapping.quantity, 'bad_quantity');
    const amountFen = parseYuan(cell(mapping.amount));
    if (amountFen === null || amountFen > MAX_ORDER_FEN) bad(mapping.amount, 'bad_amount');
    const paidAt = parseShanghaiTime(cell(mapping.paidAt));
    if (!paidAt) bad(mapping.paidAt, 'bad_time');
    else if (settled(paidAt)) bad(mapping.paidAt, 'settled');
    if (out.errors.some((e) => e.row === row) || !productId || !paidAt || amountFen === null) return;
    const order: ImportedOrder = { row, orderId, productId, qty, amountFen, paidAt };
    const prior = seen.get(orderId);
    if (prior) {
      const same = prior.productId === productId && prior.qty === qty && prior.amountFen === amountFen;
      if (same) out.duplicates++;
      else bad(mapping.orderId, 'conflicting_duplicate');
      return;
    }
    seen.set(orderId, order);
    out.orders.push(order);
  });
  return out;
}

/** The message of a row problem in both languages. */
export const ROW_PROBLEMS: Record<RowProblem, { zh: string; en: string }> = {
  missing_order_id: { zh: '订单号为空或格式不对', en: 'the order id is empty or malformed' },
  unknown_sku: { zh: '商品编码不在商品目录中', en: 'the product code is not in the catalogue' },
  bad_quantity: { zh: `数量须为 1–${MAX_QTY} 的整数`, en: `the quantity must be a whole number 1–${MAX_QTY}` },
  bad_amount: {
    zh: '金额须为不超过两位小数的非负数',
    en: 'the amount must be a non-negative number, 2 decimals at most',
  },
  bad_time: { zh: '时间格式应为 YYYY-MM-DD HH:mm:ss', en: 'the time must read YYYY-MM-DD HH:mm:ss' },
  settled: { zh: '该时间所在期间已结算，不能再补录', en: 'this time falls into a period already settled' },
  conflicting_duplicate: {
    zh: '同一订单号在文件中出现两次且内容不同',
    en: 'the same order id appears twice with different contents',
  },
};
