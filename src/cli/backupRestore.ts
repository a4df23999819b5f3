/** `linli backup <file>` and `linli restore <file>`: every table to one gzip JSON-lines file and back. */
import { backup, restore, BACKUP_TABLES } from '../server/platform/backup.ts';
import type { CommandDef } from './args.ts';
import { bar, withDb } from './shared.ts';

/** Runs `work` with a progress bar that moves one step per table. */
async function withTableBar(
  label: string,
  work: (onRow: (table: string) => void) => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const total = BACKUP_TABLES.length;
  const b = bar(total, label);
  let done = 0;
  let last = '';
  const counts = await work((t) => {
    if (t !== last) {
      last = t;
      b.update(++done, { step: t });
    }
  });
  b.update(total);
  b.stop();
  return counts;
}

const summary = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');

/** `linli backup <file>`. */
export const backupDef: CommandDef = {
  async run([file]) {
    if (!file) throw new Error('usage: linli backup <file>');
    await withDb(async (h) => {
      const counts = await withTableBar('backup', (on) => backup(h.db, file, on));
      console.log(`wrote ${file}: ${summary(counts)}`);
    });
  },
};

/** `linli restore <file>` (into an empty database). */
export const restoreDef: CommandDef = {
  async run([file]) {
    if (!file) throw new Error('usage: linli restore <file>');
    await withDb(async (h) => {
      const counts = await withTableBar('restore', (on) => restore(h.db, file, on));
      console.log(`restored ${file}: ${summary(counts)}`);
    });
  },
};
