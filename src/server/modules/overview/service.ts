/**
 * The overview page for the community secretary (书记) and for a street across its communities: every
 * module's numbers under one code, and for a street or district one row of numbers per community.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { communitiesUnder, placeNames } from '../registry/index.ts';
import { composeTiles } from './tiles.ts';

/** Roles that have the overview (the secretary is a community staff account). */
const OVERVIEW_ROLES: readonly string[] = ['community_staff', 'street_staff', 'district_admin'];

/** The overview under `code` (default: the actor's scope). */
export async function overview(db: Kysely<Database>, actor: Actor | null, now: Date, code: string | undefined) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!OVERVIEW_ROLES.includes(actor.role)) throw new AppError('FORBIDDEN');
  const c = code ?? actor.scopeCode;
  if (!c.startsWith(actor.scopeCode)) throw new AppError('OUT_OF_SCOPE');
  const [name, tiles, communities] = await Promise.all([
    placeNames(db, [c]).then((m) => m.get(c) ?? c),
    composeTiles(db, c, now),
    c.length < 12 ? communitiesUnder(db, c) : Promise.resolve([]),
  ]);
  return {
    code: c,
    name,
    asOf: now.toISOString(),
    tiles,
    communities: await Promise.all(
      communities.map(async (x) => ({ code: x.code, name: x.name, tiles: await composeTiles(db, x.code, now) })),
    ),
  };
}
