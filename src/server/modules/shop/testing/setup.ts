/** Test helpers of the shop: a small catalogue with stock, made through the API as shop01. */
import type { Session } from '../../../testing/harness.ts';

/** A product made by {@link addProduct}. */
export interface TestProduct {
  id: string;
  sku: string;
  barcode: string | null;
  priceFen: number;
  costFen: number;
}

let n = 0;

/** Adds a product with `stock` units at `location` (default counter). */
export async function addProduct(
  s: Session,
  o: { priceFen?: number; costFen?: number; stock?: number; location?: string; sku?: string; community?: string } = {},
): Promise<TestProduct> {
  n++;
  const sku = o.sku ?? `T-${n}-${Math.floor(Math.random() * 1e6)}`;
  const r = await s.request('POST', '/api/shop/products', {
    ...(o.community ? { community: o.community } : {}),
    sku,
    barcode: String(6_970_000_000_000 + n * 1000 + Math.floor(Math.random() * 1000)),
    name: `测试商品 ${sku}`,
    category: 'specialty',
    unit: '袋',
    costFen: o.costFen ?? 1000,
    priceFen: o.priceFen ?? 2000,
  });
  if (r.statusCode !== 201) throw new Error(`product: ${r.statusCode} ${r.body}`);
  const p = r.json().product as TestProduct;
  if ((o.stock ?? 0) > 0) {
    const m = await s.request('POST', '/api/shop/stock/moves', {
      kind: 'receipt',
      productId: p.id,
      location: o.location ?? 'counter',
      qty: o.stock,
    });
    if (m.statusCode !== 201) throw new Error(`stock: ${m.statusCode} ${m.body}`);
  }
  return p;
}
