/** The notices' numbers for the secretary's overview (counts only). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';

/** How far back "recent" urgent notices reach for the overview, days. */
const URGENT_WINDOW_DAYS = 30;

/** Urgent notices of the last 30 days under a code and their households neither read nor told in person. */
export async function overviewTiles(
  db: Kysely<Database>,
  scopeCode: string,
  now = new Date(),
): Promise<{ key: string; value: number | string; href: string }[]> {
  const since = new Date(now.getTime() - URGENT_WINDOW_DAYS * 86_400_000);
  const r = await repo.urgentUnread(db, scopeCode, since);
  return [
    { key: 'notices.urgent', value: r.notices, href: `/notices?code=${scopeCode}` },
    { key: 'notices.urgentUnread', value: r.unread, href: `/notices?code=${scopeCode}&urgent=1` },
  ];
}
