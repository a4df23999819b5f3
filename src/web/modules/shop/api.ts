/** Typed calls to /api/shop (甘州铺子). Amounts are integer fen. */
import { api, get, qs } from '../../api/client.ts';

export interface Product {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  category: string;
  unit: string;
  costFen: number;
  priceFen: number;
  supplierId: string | null;
  lowStock: number;
  active: boolean;
  version: number;
  photoIds: string[];
}
export interface Supplier {
  id: string;
  name: string;
  kind: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
}
interface ReceiptLine {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: string;
  qty: number;
  unitPriceFen: number;
  discountFen: number;
  totalFen: number;
  refundedQty: number;
  refundedFen: number;
}
export interface Receipt {
  id: string;
  receiptNo: string;
  channel: 'counter' | 'live';
  paymentMethod: string;
  soldAt: string;
  preOrder: boolean;
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  cashReceivedFen: number | null;
  changeFen: number | null;
  refundedFen: number;
  lines: ReceiptLine[];
  refunds: { id: string; amountFen: number; reason: string; refundedAt: string }[];
}
export interface StockView {
  levels: { productId: string; sku: string; name: string; unit: string; location: string | null; qty: number }[];
  low: { productId: string; sku: string; name: string; unit: string; qty: number; threshold: number }[];
}
export interface Move {
  id: string;
  name: string;
  sku: string;
  location: string;
  kind: string;
  delta: number;
  qtyAfter: number;
  reason: string | null;
  at: string;
}
export interface Session {
  id: string;
  title: string;
  host: string;
  platform: string;
  startsAt: string;
  endsAt: string;
  lineup: string[];
}
export interface Board {
  session: Session;
  orders: number;
  revenueFen: number;
  refundedFen: number;
  byProduct: { productId: string; name: string; qty: number; revenueFen: number }[];
  latest: {
    saleId: string;
    platformOrderId: string | null;
    soldAt: string;
    totalFen: number;
    name: string;
    qty: number;
  }[];
}
export interface ImportResult {
  importId: string;
  encoding: string;
  rows: number;
  created: number;
  duplicates: number;
  skipped: number;
}
export interface Figures {
  revenueFen: number;
  costFen: number;
  grossProfitFen: number;
  shareFen: number;
  byChannel: { channel: string; revenueFen: number; costFen: number; grossProfitFen: number }[];
  byProduct: {
    channel: string;
    productId: string;
    name: string;
    qty: number;
    revenueFen: number;
    costFen: number;
    grossProfitFen: number;
  }[];
}
export interface Settlement {
  id: string;
  from: string;
  to: string;
  grossProfitFen: number;
  shareBp: number;
  shareFen: number;
  breakdown: Figures;
  fundTransactionId: string | null;
  createdAt: string;
}

/** A fresh Idempotency-Key (one per intended booking; reused when the same booking is retried). */
export const newKey = (): string => crypto.randomUUID();

export const shopApi = {
  products: (q: { q?: string; code?: string } = {}) => get<{ items: Product[] }>(`/api/shop/products${qs(q)}`),
  addProduct: (b: unknown) => api<{ product: Product }>('POST', '/api/shop/products', b),
  addPhoto: (productId: string, f: File) => {
    const fd = new FormData();
    fd.append('file', f, f.name);
    return api<{ id: string }>('POST', `/api/shop/products/${productId}/photos`, fd);
  },
  suppliers: () => get<{ items: Supplier[] }>('/api/shop/suppliers'),
  addSupplier: (b: unknown) => api<{ supplier: Supplier }>('POST', '/api/shop/suppliers', b),
  sell: (b: unknown, key: string) =>
    api<{ receipt: Receipt }>('POST', '/api/shop/sales', b, { 'Idempotency-Key': key }),
  sales: (from: string, to: string) => get<{ items: Receipt[] }>(`/api/shop/sales${qs({ from, to })}`),
  receipt: (id: string) => get<{ receipt: Receipt }>(`/api/shop/sales/${id}`),
  refund: (id: string, b: unknown, key: string) =>
    api<{ receipt: Receipt }>('POST', `/api/shop/sales/${id}/refunds`, b, { 'Idempotency-Key': key }),
  stock: () => get<StockView>('/api/shop/stock'),
  moves: () => get<{ items: Move[] }>('/api/shop/stock/moves'),
  move: (b: unknown) => api<{ move: unknown }>('POST', '/api/shop/stock/moves', b),
  sessions: () => get<{ items: Session[] }>('/api/shop/live/sessions'),
  addSession: (b: unknown) => api<{ session: Session }>('POST', '/api/shop/live/sessions', b),
  board: (id: string) => get<Board>(`/api/shop/live/sessions/${id}/board`),
  importOrders: (id: string, f: File) => {
    const fd = new FormData();
    fd.append('file', f, f.name);
    return api<ImportResult>('POST', `/api/shop/live/sessions/${id}/import`, fd);
  },
  settings: () => get<{ fundShareBp: number }>('/api/shop/settings'),
  saveSettings: (fundShareBp: number) => api<{ fundShareBp: number }>('PUT', '/api/shop/settings', { fundShareBp }),
  preview: (from: string, to: string) =>
    get<Figures & { shareBp: number }>(`/api/shop/settlements/preview${qs({ from, to })}`),
  settlements: () => get<{ items: Settlement[] }>('/api/shop/settlements'),
  settle: (from: string, to: string, key: string) =>
    api<{ settlement: Settlement }>('POST', '/api/shop/settlements', { from, to }, { 'Idempotency-Key': key }),
};
