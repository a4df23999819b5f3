/**
 * The shop module's public face (甘州铺子, issue 10 items 1–5): a Fastify plugin with the catalogue, till, stock,
 * live-stream and settlement routes; the overview tiles other pages show; and the demo story's seed.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { shanghaiDate, shanghaiDayBound } from '../../../shared/time.ts';
import type { AppDeps } from '../../deps.ts';
import type { Database } from '../../platform/db/schema.ts';
import { formatYuan } from './domain/money.ts';
import { makeShopModule } from './runtime.ts';
import * as overview from './repository/overview.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { liveRoutes } from './routes/live.ts';
import { tillRoutes } from './routes/till.ts';

export { seedDemoShop } from './demo/seed.ts';

/** Registers the shop routes on the app. */
export function shopPlugin(deps: AppDeps) {
  const plugin = async (app: FastifyInstance) => {
    const m = makeShopModule(deps);
    await app.register(catalogueRoutes(m));
    await app.register(tillRoutes(m));
    await app.register(liveRoutes(m));
  };
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

/** A tile of the secretary's overview page. */
export interface OverviewTile {
  key: string;
  value: number | string;
  href: string;
}

/**
 * The shop's tiles for a scope (a community or any code above it): this month's sales net of refunds (¥, exact,
 * Shanghai calendar month) and the number of products at or below their low-stock threshold.
 */
export async function overviewTiles(
  db: Kysely<Database>,
  scopeCode: string,
  now = new Date(),
): Promise<OverviewTile[]> {
  const month = shanghaiDate(now).slice(0, 7);
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  const from = new Date(shanghaiDayBound(`${month}-01`)!);
  const to = new Date(shanghaiDayBound(`${next}-01`)!);
  const sales = await overview.salesUnder(db, scopeCode, from, to);
  const low = await overview.lowStockUnder(db, scopeCode);
  return [
    { key: 'shop.monthSales', value: `¥${formatYuan(sales)}`, href: '/shop/sales' },
    { key: 'shop.lowStock', value: low, href: '/shop/stock' },
  ];
}
