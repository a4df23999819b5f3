/** `linli migrate` and `linli seed-demo`: the schema, and the demo community in an empty database. */
import { isEmpty, seedDemo, seedDemoStories } from '../server/demo.ts';
import type { CommandDef } from './args.ts';
import { bar, withDb } from './shared.ts';

/** `linli migrate`. */
export const migrateDef: CommandDef = {
  async run() {
    await withDb(async (h) => console.log(`schema up to date on ${h.engine}`));
  },
};

/** `linli seed-demo`. */
export const seedDemoDef: CommandDef = {
  async run() {
    await withDb(async (h) => {
      if (!(await isEmpty(h.db))) throw new Error('the database is not empty; seed-demo only fills an empty one');
      const b = bar(10, 'seed');
      const now = new Date();
      const r = await seedDemo(
        h.db,
        now,
        (done, total, step) => {
          b.setTotal(total);
          b.update(done, { step });
        },
        { cases: true },
      );
      await seedDemoStories(h.db, now, (name) => b.update({ step: name }));
      b.stop();
      console.log(
        `loaded 东湖社区: ${r.households} households, ${r.residents} residents, ${r.grids} grids, ` +
          `${r.accounts} accounts, ${r.cases} demo cases`,
      );
    });
  },
};
