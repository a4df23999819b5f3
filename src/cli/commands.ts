/** The `linli` sub-commands other than serve. Each opens the configured database, works, and closes it. */
import { importYear } from '../server/modules/cases/calendarStore.ts';
import { yearBody } from '../server/modules/cases/calendarRoutes.ts';
import { SingleBar, Presets } from 'cli-progress';
import { basename, extname } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type DbHandle } from '../server/platform/db/connect.ts';
import { migrateDatabase } from '../server/platform/db/roles.ts';
import { backup, restore, BACKUP_TABLES } from '../server/platform/backup.ts';
import { AppError } from '../server/platform/errors.ts';
import { isEmpty, seedDemo } from '../server/modules/registry/seed.ts';
import { fileToRows, importLedger, exportLedger, rowsToFile } from '../server/modules/registry/ledgerService.ts';
import { importGrids, importCompounds, exportAreas } from '../server/modules/registry/geoService.ts';
import { parseCrs } from '../server/modules/registry/domain/geo/crs.ts';
import type { Ctx } from '../server/modules/registry/service.ts';
import type { Actor } from '../server/platform/http/actor.ts';
import { circleCommand } from './circle.ts';
import { createApiKey } from '../server/modules/cases/open311/keys.ts';
import { adminCommand } from './admin.ts';
import { auditCommand } from './audit.ts';

/** File access, injectable for tests. */
export interface Io {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
}
export type Command = (args: string[], flags: Record<string, string>, io: Io) => Promise<void>;

/** Opens the configured database (migrated), runs `fn`, closes it. */
export async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const cfg = loadConfig();
  const h = await openDatabase(cfg);
  try {
    await migrateDatabase(h, cfg);
    return await fn(h);
  } finally {
    await h.close();
  }
}

/** A progress bar on stdout. */
export function bar(total: number, label: string): SingleBar {
  const b = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {step}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  b.start(total, 0, { step: '' });
  return b;
}

/** Acts as an existing account (default: the community's first community_staff account). */
export async function cliCtx(h: DbHandle, community: string, username?: string): Promise<Ctx> {
  let q = h.db
    .selectFrom('accounts as a')
    .leftJoin('residents as r', 'r.id', 'a.resident_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.role', 'a.scope_code', 'a.resident_id', 'r.household_id']);
  q = username
    ? q.where('a.username', '=', username)
    : q.where('a.role', '=', 'community_staff').where('a.scope_code', '=', community);
  const a = await q.orderBy('a.username').executeTakeFirst();
  if (!a) {
    // Say what to run first rather than a bare FORBIDDEN (a fresh data directory has no community or account).
    await requireCommunity(h, community);
    throw username
      ? new AppError('CLI_UNKNOWN_USER', { params: { username } })
      : new AppError('CLI_NO_ACCOUNT', { params: { code: community } });
  }
  const actor: Actor = {
    accountId: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    scopeCode: a.scope_code,
    residentId: a.resident_id,
    householdId: a.household_id ?? null,
    sessionId: 'cli',
    csrfToken: 'cli',
  };
  return { db: h.db, actor, now: new Date(), lang: process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN', ip: 'cli' };
}

/** The community codes of the database, in order. */
export async function communityCodes(h: DbHandle): Promise<string[]> {
  const rows = await h.db.selectFrom('places').select('code').where('kind', '=', 'community').orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** Throws a message that says what to run first when `code` is not a community of this database. */
export async function requireCommunity(h: DbHandle, code: string): Promise<void> {
  const all = await communityCodes(h);
  if (all.length === 0) throw new AppError('CLI_NO_COMMUNITY');
  if (!all.includes(code)) throw new AppError('CLI_UNKNOWN_COMMUNITY', { params: { code, codes: listCodes(all) } });
}

/** At most ten codes, comma-separated. */
export const listCodes = (codes: readonly string[]): string =>
  codes.slice(0, 10).join(', ') + (codes.length > 10 ? ` … (${codes.length})` : '');

function need(flags: Record<string, string>, name: string): string {
  const v = flags[name];
  if (!v) throw new Error(`--${name} is required`);
  return v;
}

const fmtOf = (file: string) => (extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');

export const commands: Record<string, Command> = {
  circle: (args, flags, io) => circleCommand(args, flags, io),
  async 'open311-key'([name], flags) {
    if (!name) throw new Error('usage: linli open311-key <name> --community <code> [--origin https://a,https://b]');
    const origins = (flags.origin ?? '').split(',').filter(Boolean);
    const key = await withDb((h) => createApiKey(h.db, { name, communityCode: need(flags, 'community'), origins }));
    console.log(`Open311 api_key for ${name} (shown once, store it now):\n${key}`);
  },
  admin: (args, flags) => adminCommand(args, flags),
  audit: (args, flags) => auditCommand(args, flags),
  async calendar([what, file], flags, io) {
    if (what !== 'import' || !file) throw new Error('usage: linli calendar import <file.json> --year <yyyy>');
    const year = Number(need(flags, 'year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error('--year must be a year, e.g. 2027');
    let parsed: unknown;
    try {
      parsed = JSON.parse((await io.readFile(file)).toString('utf8'));
    } catch {
      throw new AppError('BAD_FILE', { params: { reason: 'not JSON' } });
    }
    const body = yearBody.safeParse(parsed);
    if (!body.success) {
      throw new AppError('BAD_FILE', {
        params: { reason: 'expected { holidays: [...], workdays: [...], provisional? }' },
      });
    }
    await withDb(async (h) => {
      const s = await importYear(h.db, null, year, body.data, `cli:${basename(file)}`, new Date());
      console.log(
        JSON.stringify({
          year: s.year,
          holidays: s.holidays.length,
          workdays: s.workdays.length,
          provisional: s.provisional,
        }),
      );
      console.log('running servers pick the new table up when they restart');
    });
  },
  async migrate() {
    await withDb(async (h) => console.log(`schema up to date on ${h.engine}`));
  },
  async 'seed-demo'() {
    await withDb(async (h) => {
      if (!(await isEmpty(h.db))) throw new Error('the database is not empty; seed-demo only fills an empty one');
      const b = bar(10, 'seed');
      const r = await seedDemo(
        h.db,
        new Date(),
        (done, total, step) => {
          b.setTotal(total);
          b.update(done, { step });
        },
        { cases: true },
      );
      b.stop();
      console.log(
        `loaded 东湖社区: ${r.households} households, ${r.residents} residents, ${r.grids} grids, ${r.accounts} accounts, ${r.cases} demo cases`,
      );
    });
  },
  async import([what, file], flags, io) {
    if (!file) throw new Error('usage: linli import ledger|geojson <file> --community <code>');
    const community = need(flags, 'community');
    await withDb(async (h) => {
      const ctx = await cliCtx(h, community, flags.user);
      if (what === 'ledger') {
        const rows = await fileToRows(await io.readFile(file), fmtOf(file));
        console.log(JSON.stringify(await importLedger(ctx, community, rows)));
      } else if (what === 'geojson') {
        const crs = parseCrs(flags.crs ?? 'wgs84');
        if (!crs) throw new AppError('BAD_CRS', { params: { crs: flags.crs ?? '' } });
        let fc: FeatureCollection;
        try {
          fc = JSON.parse((await io.readFile(file)).toString('utf8')) as FeatureCollection;
        } catch {
          throw new AppError('BAD_FILE', { params: { reason: 'not JSON' } });
        }
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
          throw new AppError('BAD_FILE', { params: { reason: 'not a FeatureCollection' } });
        const kind = need(flags, 'kind');
        console.log(
          JSON.stringify(
            kind === 'grids'
              ? await importGrids(ctx, community, fc, crs)
              : await importCompounds(ctx, community, fc, crs),
          ),
        );
      } else throw new Error('import what? ledger | geojson');
    });
  },
  async export([what, file], flags, io) {
    if (!file) throw new Error('usage: linli export ledger|geojson <file> --community <code>');
    const community = need(flags, 'community');
    await withDb(async (h) => {
      const ctx = await cliCtx(h, community, flags.user);
      if (what === 'ledger')
        await io.writeFile(file, await rowsToFile(await exportLedger(ctx, community), fmtOf(file)));
      else if (what === 'geojson')
        await io.writeFile(
          file,
          JSON.stringify(
            await exportAreas(ctx, community, need(flags, 'kind') === 'compounds' ? 'compounds' : 'grids'),
          ),
        );
      else throw new Error('export what? ledger | geojson');
      console.log(`wrote ${file}`);
    });
  },
  async backup([file]) {
    if (!file) throw new Error('usage: linli backup <file>');
    await withDb(async (h) => {
      const total = BACKUP_TABLES.length;
      const b = bar(total, 'backup');
      let done = 0;
      let last = '';
      const counts = await backup(h.db, file, (t) => {
        if (t !== last) {
          last = t;
          b.update(++done, { step: t });
        }
      });
      b.update(total);
      b.stop();
      console.log(
        `wrote ${file}: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
    });
  },
  async restore([file]) {
    if (!file) throw new Error('usage: linli restore <file>');
    await withDb(async (h) => {
      const b = bar(BACKUP_TABLES.length, 'restore');
      let done = 0;
      let last = '';
      const counts = await restore(h.db, file, (t) => {
        if (t !== last) {
          last = t;
          b.update(++done, { step: t });
        }
      });
      b.update(BACKUP_TABLES.length);
      b.stop();
      console.log(
        `restored ${file}: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
    });
  },
};
