/** Counts of the care list (on the list, overdue, due within a week) for a scope, and the overview's tiles. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { actorOf, listScopeOf, type CareCtx, type Who } from './context.ts';
import * as repo from './repository.ts';

/** "Due" means due within this many days (and not yet overdue). */
const DUE_WITHIN_DAYS = 7;

const soonAfter = (now: Date) => new Date(now.getTime() + DUE_WITHIN_DAYS * 86_400_000);

/** The counts a viewer may see for their scope (or `code` inside it). */
export async function summary(ctx: CareCtx, who: Who, code: string | undefined) {
  const scope = listScopeOf(actorOf(who), code);
  const now = ctx.clock();
  return repo.dueCounts(ctx.db, scope, now, soonAfter(now));
}

/** The care numbers of the secretary's overview under a place code (counts only, no person). */
export async function overviewTiles(
  db: Kysely<Database>,
  scopeCode: string,
  now = new Date(),
): Promise<{ key: string; value: number | string; href: string }[]> {
  const c = await repo.dueCounts(db, { code: scopeCode }, now, soonAfter(now));
  return [
    { key: 'care.listed', value: c.listed, href: `/care?code=${scopeCode}` },
    { key: 'care.overdue', value: c.overdue, href: `/care/overdue?code=${scopeCode}` },
    { key: 'care.due', value: c.due, href: `/care?code=${scopeCode}&due=1` },
  ];
}
