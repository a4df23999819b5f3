/**
 * The `linli` command table and the command line's first step: which command (and sub-command) was asked for,
 * with its options parsed against that command's declaration. The command files never import this module.
 */
import { looseOptions, parseOptions, UsageError, type CommandDef, type Flags, type Options } from './args.ts';
import { adminDef } from './admin.ts';
import { auditDef } from './audit.ts';
import { backupDef, restoreDef } from './backupRestore.ts';
import { calendarDef } from './calendar.ts';
import { circleDef } from './circle.ts';
import { exportDef, importDef } from './ledger.ts';
import { fundDef } from './fund.ts';
import { open311KeyDef } from './open311Key.ts';
import { migrateDef, seedDemoDef } from './seed.ts';
import { voteDef } from './vote.ts';

/** Every command but `serve` and `help`, by the name typed after `linli`. */
export const commands: Readonly<Record<string, CommandDef>> = {
  migrate: migrateDef,
  'seed-demo': seedDemoDef,
  admin: adminDef,
  import: importDef,
  export: exportDef,
  circle: circleDef,
  calendar: calendarDef,
  'open311-key': open311KeyDef,
  backup: backupDef,
  restore: restoreDef,
  audit: auditDef,
  fund: fundDef,
  vote: voteDef,
};

/** `linli help`: the text is part of the documented interface, keep it stable. */
export const HELP = [
  'linli — 邻里 community governance platform',
  '',
  'Usage: linli <command> [options]',
  '',
  '  serve                         start the server (default; PORT, LINLI_DATA_DIR, DATABASE_URL)',
  '  migrate                       bring the database schema up to date',
  '  seed-demo                     load the demo community 东湖社区 into an empty database',
  '  admin create --username <name> [--name <display name>] [--district <code> --district-name <name>]   ' +
    'a district administrator (password from a prompt or stdin)',
  '  import ledger <file> --community <code> [--user <username>]   ' +
    'households/residents from .xlsx/.csv (all or nothing)',
  '  export ledger <file> --community <code> [--user <username>]   write the ledger as .xlsx or .csv',
  '  import geojson <file> --community <code> --kind grids|compounds [--crs wgs84|gcj02|bd09] [--user <username>]',
  '  export geojson <file> --community <code> --kind grids|compounds',
  '  circle import <file.osm.pbf> --name <name> [--community <code>]   ' +
    'OSM walking network into the database (progress bar; all or nothing)',
  '  circle facilities <file> [--crs wgs84|gcj02|bd09] [--community <code>]   ' +
    'community facilities from .csv/.xlsx/.geojson (all or nothing)',
  '  circle coverage [--community <code>] [--network roads|<name>] [--profile standard|elderly|wheelchair] [--json]',
  '  circle sites --category <code> [--k 3] [--candidates freed|vacant|any] [--for households|elderly|children] ' +
    '[--network <name>]',
  '  circle report <out.pdf> [--community <code>] [--network <name>] [--lang zh-CN|en]   一老一小 coverage report',
  '  calendar import <file.json> --year <yyyy>   ' +
    'one year of holidays/调休 days: { "holidays": [...], "workdays": [...], "provisional": false }',
  '  open311-key <name> --community <code> [--origin https://app.example,…]   create an Open311 api_key (shown once)',
  '  backup <file>                 write every table to one file (gzip JSON lines)',
  '  restore <file>                restore a backup into an empty data directory or database',
  '  audit verify [--expect <seq>:<hash>] [--file <backup>]   ' +
    "check the audit log's hash chain; prints the head to record",
  "  fund export --community <code> --out <ledger.jsonl>   the community fund's public ledger with signed heads",
  '  fund verify <ledger.jsonl> [--key <public key>]   check a ledger file offline (Merkle log, signatures)',
  "  vote tally <file.json>        recompute a published owners' vote (art. 278) from its tally file, no database",
  '  help                          this text',
  '',
].join('\n');

/** The help lines of `linli <words…>` (a command, or a command and its sub-command). */
export function usageOf(...words: string[]): string {
  const prefix = words.join(' ');
  const lines = HELP.split('\n').filter((l) => l.startsWith(`  ${prefix} `) || l === `  ${prefix}`);
  return `${lines.join('\n')}\n`;
}

/** What the command line asks for. */
export type Invocation =
  | { kind: 'help'; text: string }
  | { kind: 'serve' }
  | { kind: 'run'; name: string; sub: string | undefined; def: CommandDef; args: string[]; flags: Flags };

const has = <T extends object>(o: T | undefined, k: string | undefined): k is string & keyof T =>
  o !== undefined && k !== undefined && Object.hasOwn(o, k);

/** Parses `argv` (without `node main.ts`); throws {@link UsageError} for an unknown command or option. */
export function parseCommandLine(argv: string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'serve' };
  if (first === '--help' || first === '-h') return { kind: 'help', text: HELP };
  if (first === 'help') {
    const topic = rest[0];
    return { kind: 'help', text: topic === 'serve' || has(commands, topic) ? usageOf(topic!) : HELP };
  }
  // `linli --something` is `linli serve --something`, as `linli` alone is `linli serve`.
  const name = first.startsWith('-') ? 'serve' : first;
  const tail = first.startsWith('-') ? argv : rest;
  if (name === 'serve') {
    const { flags } = parseOptions(tail, {}, usageOf('serve'), 'serve');
    return flags.help ? { kind: 'help', text: usageOf('serve') } : { kind: 'serve' };
  }
  if (!has(commands, name)) throw new UsageError(`Unknown command: ${name}\n\n${HELP}`);
  const def = commands[name]!;
  const all: Options = def.sub ? Object.assign({}, ...Object.values(def.sub)) : (def.options ?? {});
  const guess = looseOptions(tail, all)[0];
  const sub = has(def.sub, guess) ? guess : undefined;
  const usage = sub ? usageOf(name, sub) : usageOf(name);
  const { positionals, flags } = parseOptions(tail, sub ? def.sub![sub]! : all, usage, sub ? `${name} ${sub}` : name);
  if (flags.help) return { kind: 'help', text: usage };
  return { kind: 'run', name, sub, def, args: positionals, flags };
}
