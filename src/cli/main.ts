/**
 * The `linli` command: serve, migrate, seed-demo, import/export (ledger xlsx/csv, GeoJSON), circle (15-minute life
 * circle: OSM import, coverage, sites, PDF report), backup, restore.
 * Long work shows a progress bar; errors print the localised message and exit non-zero.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadConfig } from '../server/config.ts';
import { AppError, errorMessage } from '../server/platform/errors.ts';
import { NEEDS_ADMIN_MESSAGE, startServer } from '../server/main.ts';
import { commands, type Command } from './commands.ts';
import { parseArgs } from './args.ts';

const HELP = `linli — 邻里 community governance platform

Usage: linli <command> [options]

  serve                         start the server (default; PORT, LINLI_DATA_DIR, DATABASE_URL)
  migrate                       bring the database schema up to date
  seed-demo                     load the demo community 东湖社区 into an empty database
  admin create --username <name> [--name <display name>] [--district <code> --district-name <name>]   a district administrator (password from a prompt or stdin)
  import ledger <file> --community <code> [--user <username>]   households/residents from .xlsx/.csv (all or nothing)
  export ledger <file> --community <code> [--user <username>]   write the ledger as .xlsx or .csv
  import geojson <file> --community <code> --kind grids|compounds [--crs wgs84|gcj02|bd09] [--user <username>]
  export geojson <file> --community <code> --kind grids|compounds
  circle import <file.osm.pbf> --name <name> [--community <code>]   OSM walking network into the database (progress bar; all or nothing)
  circle facilities <file> [--crs wgs84|gcj02|bd09] [--community <code>]   community facilities from .csv/.xlsx/.geojson (all or nothing)
  circle coverage [--community <code>] [--network roads|<name>] [--profile standard|elderly|wheelchair] [--json]
  circle sites --category <code> [--k 3] [--candidates freed|vacant|any] [--for households|elderly|children] [--network <name>]
  circle report <out.pdf> [--community <code>] [--network <name>] [--lang zh-CN|en]   一老一小 coverage report
  calendar import <file.json> --year <yyyy>   one year of holidays/调休 days: { "holidays": [...], "workdays": [...], "provisional": false }
  open311-key <name> --community <code> [--origin https://app.example,…]   create an Open311 api_key (shown once)
  backup <file>                 write every table to one file (gzip JSON lines)
  restore <file>                restore a backup into an empty data directory or database
  audit verify [--expect <seq>:<hash>] [--file <backup>]   check the audit log's hash chain; prints the head to record
  help                          this text
`;

async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [cmd = 'serve', ...rest] = positional;
  if (cmd === 'help' || flags.help !== undefined) {
    process.stdout.write(HELP);
    return 0;
  }
  if (cmd === 'serve') {
    const cfg = loadConfig();
    const s = await startServer({ logger: true });
    process.stdout.write(
      `\n邻里 Linli is running at ${s.url} (database: ${s.handle.engine}${s.handle.engine === 'pglite' ? `, ${cfg.dataDir}` : ''})\n${
        s.demo ? 'Demo logins: dh_staff / grid01 … grid08 / resident_silu — password linli-demo\n' : ''
      }${s.needsAdmin ? `${NEEDS_ADMIN_MESSAGE}\n` : ''}\n`,
    );
    const stop = async () => {
      await s.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  const run: Command | undefined = commands[cmd];
  if (!run) {
    process.stderr.write(`Unknown command: ${cmd}\n\n${HELP}`);
    return 2;
  }
  await run(rest, flags, { readFile, writeFile });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    if (e instanceof AppError) {
      process.stderr.write(
        `错误 ${e.code}：${errorMessage(e.code, 'zh-CN', e.params)}\nError ${e.code}: ${errorMessage(e.code, 'en', e.params)}\n`,
      );
      if (Array.isArray(e.details))
        for (const d of e.details.slice(0, 50))
          process.stderr.write(
            `  ${typeof d === 'object' && d && 'message' in d ? String((d as { message: unknown }).message) : JSON.stringify(d)}\n`,
          );
    } else process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
