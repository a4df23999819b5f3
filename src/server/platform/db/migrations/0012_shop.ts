/**
 * 甘州铺子 (the community shop): suppliers, products with photos, stock per location and every stock movement,
 * counter and live-stream sales with their lines, refunds, live sessions, per-platform import mappings, the
 * profit-share setting, settlements and idempotency keys. Money is integer fen (bigint); quantities are integers.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE shop_suppliers (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('farmer','coop','company','artisan')),
      contact_name text,
      contact_phone text,
      address text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shop_suppliers_community ON shop_suppliers(community_code);

    CREATE TABLE shop_products (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      sku text NOT NULL,
      barcode text,
      name text NOT NULL,
      category text NOT NULL CHECK (category IN ('specialty','cultural','food','drink','craft','other')),
      unit text NOT NULL,
      cost_fen bigint NOT NULL CHECK (cost_fen >= 0),
      price_fen bigint NOT NULL CHECK (price_fen >= 0),
      supplier_id uuid REFERENCES shop_suppliers(id),
      low_stock integer NOT NULL DEFAULT 5 CHECK (low_stock >= 0),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_code, sku)
    );
    CREATE UNIQUE INDEX shop_products_barcode ON shop_products(community_code, barcode) WHERE barcode IS NOT NULL;

    CREATE TABLE shop_product_photos (
      id uuid PRIMARY KEY,
      product_id uuid NOT NULL REFERENCES shop_products(id),
      community_code text NOT NULL,
      mime text NOT NULL,
      data bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shop_product_photos_product ON shop_product_photos(product_id);

    -- Stock never goes negative except through a pre-order sale (the service decides; see docs/shop.md).
    CREATE TABLE shop_stock (
      product_id uuid NOT NULL REFERENCES shop_products(id),
      location text NOT NULL,
      community_code text NOT NULL,
      qty integer NOT NULL,
      PRIMARY KEY (product_id, location)
    );
    CREATE INDEX shop_stock_community ON shop_stock(community_code);

    CREATE TABLE shop_live_sessions (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      title text NOT NULL,
      host text NOT NULL,
      platform text NOT NULL CHECK (platform IN ('douyin','kuaishou','channels','taobao','other')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      lineup jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shop_live_sessions_community ON shop_live_sessions(community_code, starts_at);

    CREATE TABLE shop_sales (
      id uuid PRIMARY KEY,
      no bigserial NOT NULL,
      community_code text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('counter','live')),
      session_id uuid REFERENCES shop_live_sessions(id),
      platform text,
      platform_order_id text,
      payment_method text NOT NULL CHECK (payment_method IN ('cash','wechat','alipay','bank','platform')),
      location text NOT NULL,
      subtotal_fen bigint NOT NULL,
      discount_fen bigint NOT NULL CHECK (discount_fen >= 0),
      total_fen bigint NOT NULL CHECK (total_fen >= 0),
      cost_fen bigint NOT NULL,
      cash_received_fen bigint,
      refunded_fen bigint NOT NULL DEFAULT 0,
      pre_order boolean NOT NULL DEFAULT false,
      sold_at timestamptz NOT NULL,
      actor_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (refunded_fen BETWEEN 0 AND total_fen),
      UNIQUE (community_code, platform, platform_order_id)
    );
    CREATE INDEX shop_sales_sold ON shop_sales(community_code, sold_at);
    CREATE INDEX shop_sales_session ON shop_sales(session_id, sold_at);

    CREATE TABLE shop_sale_lines (
      id uuid PRIMARY KEY,
      sale_id uuid NOT NULL REFERENCES shop_sales(id),
      community_code text NOT NULL,
      line_no integer NOT NULL,
      product_id uuid NOT NULL REFERENCES shop_products(id),
      sku text NOT NULL,
      name text NOT NULL,
      unit text NOT NULL,
      qty integer NOT NULL CHECK (qty > 0),
      unit_price_fen bigint NOT NULL,
      discount_fen bigint NOT NULL,
      total_fen bigint NOT NULL CHECK (total_fen >= 0),
      unit_cost_fen bigint NOT NULL,
      refunded_qty integer NOT NULL DEFAULT 0,
      refunded_fen bigint NOT NULL DEFAULT 0,
      CHECK (refunded_qty BETWEEN 0 AND qty),
      CHECK (refunded_fen BETWEEN 0 AND total_fen),
      UNIQUE (sale_id, line_no)
    );

    CREATE TABLE shop_refunds (
      id uuid PRIMARY KEY,
      sale_id uuid NOT NULL REFERENCES shop_sales(id),
      community_code text NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      payment_method text NOT NULL,
      reason text NOT NULL,
      restock boolean NOT NULL,
      refunded_at timestamptz NOT NULL,
      actor_id uuid
    );
    CREATE INDEX shop_refunds_sale ON shop_refunds(sale_id);
    CREATE INDEX shop_refunds_at ON shop_refunds(community_code, refunded_at);

    CREATE TABLE shop_refund_lines (
      refund_id uuid NOT NULL REFERENCES shop_refunds(id),
      sale_line_id uuid NOT NULL REFERENCES shop_sale_lines(id),
      community_code text NOT NULL,
      product_id uuid NOT NULL,
      qty integer NOT NULL CHECK (qty > 0),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      unit_cost_fen bigint NOT NULL,
      PRIMARY KEY (refund_id, sale_line_id)
    );

    CREATE TABLE shop_stock_moves (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      community_code text NOT NULL,
      product_id uuid NOT NULL REFERENCES shop_products(id),
      location text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('receipt','sale','return','adjustment','stocktake')),
      qty_delta integer NOT NULL,
      qty_after integer NOT NULL,
      reason text,
      sale_id uuid,
      refund_id uuid,
      supplier_id uuid,
      actor_id uuid,
      at timestamptz NOT NULL
    );
    CREATE INDEX shop_stock_moves_product ON shop_stock_moves(product_id, at);
    CREATE INDEX shop_stock_moves_community ON shop_stock_moves(community_code, at);

    CREATE TABLE shop_import_mappings (
      community_code text NOT NULL,
      platform text NOT NULL,
      mapping jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (community_code, platform)
    );

    CREATE TABLE shop_imports (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      session_id uuid NOT NULL REFERENCES shop_live_sessions(id),
      platform text NOT NULL,
      file_sha256 text NOT NULL,
      encoding text NOT NULL,
      rows integer NOT NULL,
      created integer NOT NULL,
      duplicates integer NOT NULL,
      skipped integer NOT NULL,
      actor_id uuid,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE shop_settings (
      community_code text PRIMARY KEY,
      fund_share_bp integer NOT NULL CHECK (fund_share_bp BETWEEN 0 AND 10000),
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE shop_settlements (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      period_from date NOT NULL,
      period_to date NOT NULL,
      revenue_fen bigint NOT NULL,
      cost_fen bigint NOT NULL,
      gross_profit_fen bigint NOT NULL,
      share_bp integer NOT NULL,
      share_fen bigint NOT NULL CHECK (share_fen >= 0),
      breakdown jsonb NOT NULL,
      fund_transaction_id text,
      actor_id uuid,
      created_at timestamptz NOT NULL,
      CHECK (period_from <= period_to),
      UNIQUE (community_code, period_from, period_to)
    );

    CREATE TABLE shop_idempotency (
      owner text NOT NULL,
      key text NOT NULL,
      kind text NOT NULL,
      hash text NOT NULL,
      ref_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (owner, key)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `DROP TABLE shop_idempotency, shop_settlements, shop_settings, shop_imports, shop_import_mappings,
      shop_stock_moves, shop_refund_lines, shop_refunds, shop_sale_lines, shop_sales, shop_live_sessions,
      shop_stock, shop_product_photos, shop_products, shop_suppliers;`,
  );
}
