/**
 * The shop's part of the Ganzhou demo story: the catalogue and suppliers, opening stock, a month of counter
 * sales in the last complete August (with one return), an August live stream on 抖音 whose orders come from the
 * committed GBK export fixture, and the August settlement whose 30 % share goes to the community fund. Every
 * step runs through the shop's own services as the demo accounts shop01 and dh_staff, so the rows are exactly
 * what the pages would have written. Deterministic (seeded PRNG); skipped when the community has products.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { mulberry32 } from '../../../../shared/rng.ts';
import { shanghaiMidnightMs } from '../../../../shared/time.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { accountByUsername } from '../../auth/index.ts';
import { makeShopModule } from '../runtime.ts';
import type { Who } from '../module.ts';
import * as repo from '../repository/catalogue.ts';
import * as catalogue from '../service/catalogue.ts';
import * as live from '../service/live.ts';
import * as settlement from '../service/settlement.ts';
import * as stock from '../service/stock.ts';
import * as till from '../service/till.ts';
import { DEMO_PRODUCTS, DEMO_SUPPLIERS } from './catalogue.ts';

/** The committed live-stream export of the demo (GBK, as 抖音's back office saves it for Excel). */
const DEMO_EXPORT = join(import.meta.dirname, '..', 'fixtures', 'douyin-2026-08-16.gbk.csv');

const HOUR = 3_600_000;

async function whoIs(db: Kysely<Database>, username: string): Promise<Who | null> {
  const a = await accountByUsername(db, username);
  if (!a) return null;
  const actor: Actor = {
    accountId: a.id,
    username,
    displayName: a.displayName,
    role: a.role,
    scopeCode: a.scopeCode,
    residentId: null,
    householdId: null,
    sessionId: 'demo-seed',
    csrfToken: '',
  };
  return { actor, lang: 'zh-CN', ip: '127.0.0.1' };
}

/** The year of the last August that has ended by `now` (Shanghai). */
function demoYear(now: Date): number {
  const d = new Date(now.getTime() + 8 * HOUR);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** Seeds the shop story (see the file comment). */
export async function seedDemoShop(db: Kysely<Database>, now: Date): Promise<void> {
  const shop = await whoIs(db, 'shop01');
  const staff = await whoIs(db, 'dh_staff');
  if (!shop?.actor || !staff?.actor) return;
  const community = shop.actor.scopeCode;
  if ((await repo.listProducts(db, community, {})).length > 0) return;
  const year = demoYear(now);
  let t = new Date(shanghaiMidnightMs(`${year}-08-01`) + 8 * HOUR);
  const m = makeShopModule({ db, clock: () => t });
  const rnd = mulberry32(20240816);

  const suppliers = new Map<string, string>();
  for (const s of DEMO_SUPPLIERS) suppliers.set(s.key, (await catalogue.createSupplier(m, shop, s)).id);
  const products: ((typeof DEMO_PRODUCTS)[number] & { id: string })[] = [];
  for (const p of DEMO_PRODUCTS) {
    const made = await catalogue.createProduct(m, shop, { ...p, supplierId: suppliers.get(p.supplier) ?? null });
    products.push({ ...p, id: made.id });
    const [counter, warehouse] = p.stock;
    const supplierId = suppliers.get(p.supplier);
    for (const [location, qty] of [
      ['counter', counter],
      ['warehouse', warehouse],
    ] as const)
      if (qty > 0) await stock.move(m, shop, { kind: 'receipt', productId: made.id, location, qty, supplierId });
  }

  // Counter sales: 1–3 a day through August, 1–3 lines each; WeChat Pay most, then cash, Alipay, a bank transfer.
  const methods = ['wechat', 'wechat', 'wechat', 'cash', 'cash', 'alipay', 'alipay', 'bank'] as const;
  let wineSale: Awaited<ReturnType<typeof till.sell>>['value'] | null = null;
  for (let day = 1; day <= 31; day++) {
    const dayStart = shanghaiMidnightMs(`${year}-08-${String(day).padStart(2, '0')}`);
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      t = new Date(dayStart + (9 + rnd() * 10) * HOUR);
      const count = 1 + Math.floor(rnd() * 3);
      const picked = new Set<number>();
      while (picked.size < count) picked.add(Math.floor(rnd() * products.length));
      const lines = [...picked].map((i) => ({ productId: products[i]!.id, qty: rnd() < 0.75 ? 1 : 2, discountFen: 0 }));
      const paymentMethod = methods[Math.floor(rnd() * methods.length)]!;
      try {
        const r = await till.sell(m, shop, { location: 'counter', lines, discountFen: 0, paymentMethod }, null);
        if (!wineSale && day >= 10 && r.value.lines.some((l) => l.sku === 'ZY-WINE-750')) wineSale = r.value;
      } catch {
        // a product sold out at the counter: the shop would not sell it either
      }
    }
  }
  if (wineSale) {
    t = new Date(new Date(wineSale.soldAt).getTime() + 26 * HOUR);
    const line = wineSale.lines.find((l) => l.sku === 'ZY-WINE-750')!;
    await till.refund(
      m,
      shop,
      wineSale.id,
      { lines: [{ lineId: line.id, qty: 1 }], reason: '瓶塞漏酒，顾客退货', restock: false },
      null,
    );
  }

  // The live stream of 16 August on 抖音, its orders imported from the platform's export (GBK).
  t = new Date(shanghaiMidnightMs(`${year}-08-16`) + 17 * HOUR);
  const session = await live.createSession(m, shop, {
    title: '甘州好物 · 七夕助农直播',
    host: '甘州铺子店员 小马',
    platform: 'douyin',
    startsAt: new Date(shanghaiMidnightMs(`${year}-08-16`) + 20 * HOUR),
    endsAt: new Date(shanghaiMidnightMs(`${year}-08-16`) + 22 * HOUR),
    lineup: products.filter((p) => p.stock[1] > 0).map((p) => p.id),
  });
  t = new Date(shanghaiMidnightMs(`${year}-08-16`) + 23 * HOUR);
  const file = await live.fileRows(readFileSync(DEMO_EXPORT), 'douyin-2026-08-16.gbk.csv');
  // the fixture is dated 2026: the story moves it to the demo's August
  const rows = file.rows.map((r) => r.map((c) => c.replace(/^2026-08-/, `${year}-08-`)));
  await live.importRows(m, shop, session.id, { rows, encoding: file.encoding, sha: 'demo-fixture', name: 'demo' });

  // The August settlement, run by the community staff after the month closed.
  t = new Date(shanghaiMidnightMs(`${year}-09-02`) + 10 * HOUR);
  await settlement.run(m, staff, { from: `${year}-08-01`, to: `${year}-08-31` }, null);
}
