/**
 * The demo community's stories beyond the register and the cases: each module that tells part of the Ganzhou
 * story (the shop and fund, a consultation, care visits…) exports one seeding function from its `index.ts`, and it
 * is listed here, in the order the stories depend on each other. This file is a composition root (like app.ts):
 * modules never import each other's seeds.
 */
import type { Kysely } from 'kysely';
import { audit } from './platform/audit.ts';
import { registryIsEmpty, seedRegistryDemo } from './modules/registry/index.ts';
import { seedDemoAccounts } from './modules/auth/index.ts';
import { seedCasesDemo, seedDemoCases } from './modules/cases/index.ts';
import type { Database } from './platform/db/schema.ts';
import { seedDemoCobuild } from './modules/cobuild/index.ts';
import { seedDemoCare } from './modules/care/index.ts';
import { seedDemoNotices } from './modules/notices/index.ts';
import { seedDemoFund } from './modules/fund/index.ts';
import { seedDemoShop } from './modules/shop/index.ts';
import { seedDemoConsult } from './modules/consult/index.ts';

/** One module's part of the demo story; runs once, after the demo community and its cases exist. */
interface DemoStory {
  /** Short name for the progress bar and the log. */
  name: string;
  /** Seeds the story; `now` is the clock of the seed (stories are dated relative to it). */
  seed: (db: Kysely<Database>, now: Date) => Promise<void>;
}

/** The stories, in order. */
const DEMO_STORIES: DemoStory[] = [
  { name: 'cobuild', seed: seedDemoCobuild }, // partner units, 双报到, three lists, volunteers and the time bank
  {
    name: 'care',
    seed: async (db, now) => {
      await seedDemoCare(db, now);
      await seedDemoNotices(db, now);
    },
  },
  // 甘州铺子 first: its August settlement puts the profit share into the fund the fund's story then spends
  { name: 'shop', seed: seedDemoShop },
  { name: 'fund', seed: seedDemoFund },
  { name: 'consult: 东湖小区拆墙并院', seed: seedDemoConsult },
];

/** Seeds every story in order; `onStory` reports each one as it starts. */
export async function seedDemoStories(
  db: Kysely<Database>,
  now: Date,
  onStory?: (name: string, index: number, total: number) => void,
): Promise<number> {
  for (const [i, s] of DEMO_STORIES.entries()) {
    onStory?.(s.name, i, DEMO_STORIES.length);
    await s.seed(db, now);
  }
  return DEMO_STORIES.length;
}

/** True when the database has no places yet: the demo may be loaded into it. */
export function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return registryIsEmpty(db);
}

/** Counts of what {@link seedDemo} loaded. */
export interface SeedReport {
  households: number;
  residents: number;
  grids: number;
  accounts: number;
  cases: number;
}

/** Options of {@link seedDemo}. */
export interface SeedOptions {
  /** Also create the demo cases of the last 45 days (`npm start`, `linli seed-demo`); off for tests by default. */
  cases?: boolean;
}

/**
 * Seeds the demo community into an empty database: in one transaction the registry's tables, the demo log-ins
 * (auth), the cases' Open311 demo key and the audit row; with `{ cases: true }` the demo cases follow (after that
 * transaction: they go through the case use cases). `onProgress(done, total, label)` reports steps for a progress
 * bar. The modules seed only their own tables; this composition is the one place that knows all three.
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: Date,
  onProgress?: (done: number, total: number, label: string) => void,
  o: SeedOptions = {},
): Promise<SeedReport> {
  const steps = o.cases ? 10 : 9;
  let step = 0;
  const tick = (label: string) => onProgress?.(++step, steps, label);
  const r = await db.transaction().execute(async (trx) => {
    const registry = await seedRegistryDemo(trx, now, tick);
    const accounts = await seedDemoAccounts(trx, registry.logins, now);
    tick('accounts');
    await seedCasesDemo(trx, now, registry.communityCode);
    await audit(trx, null, {
      action: 'seed_demo',
      entity: 'community',
      entityId: registry.communityCode,
      scopeCode: registry.communityCode,
      after: { households: registry.households, residents: registry.residents },
    });
    tick('audit');
    return { ...registry, accounts };
  });
  const cases = o.cases ? (await seedDemoCases(db, now)).cases : 0;
  if (o.cases) tick('cases');
  return { households: r.households, residents: r.residents, grids: r.grids, accounts: r.accounts, cases };
}
