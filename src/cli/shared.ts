/** Helpers the `linli` commands share: the database, a progress bar, acting as an account, community codes. */
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type DbHandle } from '../server/platform/db/connect.ts';
import { migrateDatabase } from '../server/platform/db/roles.ts';
import { AppError } from '../server/platform/errors.ts';
import { communityCodes as communityCodesOf, type Ctx } from '../server/modules/registry/index.ts';
import { accountActors } from '../server/platform/http/actor.ts';
import { accountsForRegistry } from '../server/modules/auth/index.ts';

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
  const filter = username ? { username } : { role: 'community_staff' as const, scopeCode: community };
  const actor = (await accountActors(h.db, filter, 'cli'))[0];
  if (!actor) {
    // Say what to run first rather than a bare FORBIDDEN (a fresh data directory has no community or account).
    await requireCommunity(h, community);
    throw username
      ? new AppError('CLI_UNKNOWN_USER', { params: { username } })
      : new AppError('CLI_NO_ACCOUNT', { params: { code: community } });
  }
  const lang = process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN';
  return { db: h.db, actor, now: new Date(), lang, ip: 'cli', accounts: accountsForRegistry };
}

/** The community codes of the database, in order. */
export async function communityCodes(h: DbHandle): Promise<string[]> {
  return communityCodesOf(h.db);
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
