/** Kysely types of the shop tables (merged into the platform's Database type). Money columns are bigint fen. */
import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

type Ts = ColumnType<Date, Date | string, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;
/** A bigint column: both engines' type parsers read int8 as a number (fen stay far below 2^53). */
type Fen = ColumnType<number, number | string | bigint, number | string | bigint>;
type FenDefault = ColumnType<number, number | string | bigint | undefined, number | string | bigint>;

/** Payment methods recorded at the till (platform = paid on the live-stream platform). */
export type PaymentMethod = 'cash' | 'wechat' | 'alipay' | 'bank' | 'platform';
/** Live-stream platforms. */
export type Platform = 'douyin' | 'kuaishou' | 'channels' | 'taobao' | 'other';
/** Kinds of stock movement. */
type MoveKind = 'receipt' | 'sale' | 'return' | 'adjustment' | 'stocktake';
/** Product categories. */
export type ProductCategory = 'specialty' | 'cultural' | 'food' | 'drink' | 'craft' | 'other';
/** Supplier kinds. */
export type SupplierKind = 'farmer' | 'coop' | 'company' | 'artisan';

export interface ShopSuppliersTable {
  id: string;
  community_code: string;
  name: string;
  kind: SupplierKind;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  created_at: Created;
}

export interface ShopProductsTable {
  id: string;
  community_code: string;
  sku: string;
  barcode: string | null;
  name: string;
  category: ProductCategory;
  unit: string;
  cost_fen: Fen;
  price_fen: Fen;
  supplier_id: string | null;
  low_stock: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Ts;
}

interface ShopProductPhotosTable {
  id: string;
  product_id: string;
  community_code: string;
  mime: string;
  data: Buffer;
  created_at: Created;
}

interface ShopStockTable {
  product_id: string;
  location: string;
  community_code: string;
  qty: number;
}

export interface ShopLiveSessionsTable {
  id: string;
  community_code: string;
  title: string;
  host: string;
  platform: Platform;
  starts_at: Ts;
  ends_at: Ts;
  lineup: Json<string[]>;
  created_at: Created;
}

export interface ShopSalesTable {
  id: string;
  no: Generated<number>;
  community_code: string;
  channel: 'counter' | 'live';
  session_id: string | null;
  platform: Platform | null;
  platform_order_id: string | null;
  payment_method: PaymentMethod;
  location: string;
  subtotal_fen: Fen;
  discount_fen: Fen;
  total_fen: Fen;
  cost_fen: Fen;
  cash_received_fen: ColumnType<number | null, number | string | null, number | string | null>;
  refunded_fen: FenDefault;
  pre_order: boolean;
  sold_at: Ts;
  actor_id: string | null;
  created_at: Created;
}

export interface ShopSaleLinesTable {
  id: string;
  sale_id: string;
  community_code: string;
  line_no: number;
  product_id: string;
  sku: string;
  name: string;
  unit: string;
  qty: number;
  unit_price_fen: Fen;
  discount_fen: Fen;
  total_fen: Fen;
  unit_cost_fen: Fen;
  refunded_qty: ColumnType<number, number | undefined, number>;
  refunded_fen: FenDefault;
}

export interface ShopRefundsTable {
  id: string;
  sale_id: string;
  community_code: string;
  amount_fen: Fen;
  payment_method: PaymentMethod;
  reason: string;
  restock: boolean;
  refunded_at: Ts;
  actor_id: string | null;
}

export interface ShopRefundLinesTable {
  refund_id: string;
  sale_line_id: string;
  community_code: string;
  product_id: string;
  qty: number;
  amount_fen: Fen;
  unit_cost_fen: Fen;
}

export interface ShopStockMovesTable {
  id: string;
  /** Insertion order (several movements may share one instant). */
  seq: Generated<number>;
  community_code: string;
  product_id: string;
  location: string;
  kind: MoveKind;
  qty_delta: number;
  qty_after: number;
  reason: string | null;
  sale_id: string | null;
  refund_id: string | null;
  supplier_id: string | null;
  actor_id: string | null;
  at: Ts;
}

interface ShopImportMappingsTable {
  community_code: string;
  platform: Platform;
  mapping: Json<Record<string, unknown>>;
  updated_at: Ts;
}

export interface ShopImportsTable {
  id: string;
  community_code: string;
  session_id: string;
  platform: Platform;
  file_sha256: string;
  encoding: string;
  rows: number;
  created: number;
  duplicates: number;
  skipped: number;
  actor_id: string | null;
  created_at: Ts;
}

interface ShopSettingsTable {
  community_code: string;
  fund_share_bp: number;
  updated_at: Ts;
}

export interface ShopSettlementsTable {
  id: string;
  community_code: string;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  revenue_fen: Fen;
  cost_fen: Fen;
  gross_profit_fen: Fen;
  share_bp: number;
  share_fen: Fen;
  breakdown: Json<unknown>;
  fund_transaction_id: string | null;
  actor_id: string | null;
  created_at: Ts;
}

interface ShopIdempotencyTable {
  owner: string;
  key: string;
  kind: string;
  hash: string;
  ref_id: string;
  created_at: Ts;
}

/** The shop's tables. */
export interface ShopTables {
  shop_suppliers: ShopSuppliersTable;
  shop_products: ShopProductsTable;
  shop_product_photos: ShopProductPhotosTable;
  shop_stock: ShopStockTable;
  shop_live_sessions: ShopLiveSessionsTable;
  shop_sales: ShopSalesTable;
  shop_sale_lines: ShopSaleLinesTable;
  shop_refunds: ShopRefundsTable;
  shop_refund_lines: ShopRefundLinesTable;
  shop_stock_moves: ShopStockMovesTable;
  shop_import_mappings: ShopImportMappingsTable;
  shop_imports: ShopImportsTable;
  shop_settings: ShopSettingsTable;
  shop_settlements: ShopSettlementsTable;
  shop_idempotency: ShopIdempotencyTable;
}
