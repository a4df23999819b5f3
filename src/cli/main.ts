/**
 * The `linli` command: serve, migrate, seed-demo, import/export (ledger xlsx/csv, GeoJSON), circle (15-minute life
 * circle: OSM import, coverage, sites, PDF report), backup, restore.
 * Long work shows a progress bar; errors print the localised message and exit non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadConfig } from '../server/config.ts';
import { AppError, errorMessage } from '../server/platform/errors.ts';
import { NEEDS_ADMIN_MESSAGE, startServer } from '../server/main.ts';
import { UsageError } from './args.ts';
import { parseCommandLine } from './table.ts';
import { startBanner } from './banner.ts';
import { DEMO_PASSWORD } from '../server/modules/registry/index.ts';

async function main(argv: string[]): Promise<number> {
  let inv: ReturnType<typeof parseCommandLine>;
  try {
    inv = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
    return 2;
  }
  if (inv.kind === 'help') {
    process.stdout.write(inv.text);
    return 0;
  }
  if (inv.kind === 'serve') {
    const cfg = loadConfig();
    const s = await startServer({ logger: true });
    const where = `${s.handle.engine}${s.handle.engine === 'pglite' ? `, ${cfg.dataDir}` : ''}`;
    const admin = s.needsAdmin ? NEEDS_ADMIN_MESSAGE : undefined;
    process.stdout.write(
      startBanner({ url: s.url, where, demo: s.demo, password: DEMO_PASSWORD, ...(admin ? { admin } : {}) }),
    );
    const stop = async () => {
      await s.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  await inv.def.run(inv.args, inv.flags, { readFile, writeFile });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof AppError) {
      process.stderr.write(
        `错误 ${e.code}：${errorMessage(e.code, 'zh-CN', e.params)}\n` +
          `Error ${e.code}: ${errorMessage(e.code, 'en', e.params)}\n`,
      );
      if (Array.isArray(e.details))
        for (const d of e.details.slice(0, 50)) {
          const text = typeof d === 'object' && d && 'message' in d ? String(d.message) : JSON.stringify(d);
          process.stderr.write(`  ${text}\n`);
        }
    } else process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
