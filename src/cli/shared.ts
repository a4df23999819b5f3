/** Helpers the `linli` commands share: the database, a progress bar, acting as an account, community codes. */
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type DbHandle } from '../server/platform/db/connect.ts';
import { migrateDatabase } from '../server/platform/db/roles.ts';
import { AppError } from '../server/platform/errors.ts';
import type { Ctx } from '../server/modules/registry/index.ts';
import type { Actor } from '../server/platform/http/actor.ts';

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
