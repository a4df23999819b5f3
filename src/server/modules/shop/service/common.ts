/**
 * What every shop use case shares: the acting account, the community a request acts for, the place check on an
 * object (another community's object answers 404, so its existence does not leak), and Idempotency-Key replay.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/actor.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { canShop, inArea, shopRoleHas, type ShopAction } from '../permissions.ts';
import type { ShopModule, Who } from '../module.ts';
import * as sales from '../repository/sales.ts';

/** The logged-in actor allowed to take `action` at all. */
export function actorFor(who: Who, action: ShopAction): Actor {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  if (!shopRoleHas(who.actor.role, action)) throw new AppError('FORBIDDEN');
  return who.actor;
}

/**
 * The community a request acts for: `requested` (must lie inside the actor's scope), else the actor's own
 * community when the actor is bound to one.
 */
export function communityFor(who: Who, action: ShopAction, requested: string | undefined): string {
  const a = actorFor(who, action);
  const code = requested ?? (a.scopeCode.length === 12 ? a.scopeCode : undefined);
  if (!code) throw new AppError('SHOP_COMMUNITY_REQUIRED');
  if (!/^\d{12}$/.test(code)) throw new AppError('SHOP_COMMUNITY_REQUIRED');
  if (!inArea(a.scopeCode, code)) throw new AppError('OUT_OF_SCOPE');
  return code;
}

/** Refuses an object outside the actor's area as NOT_FOUND (it might as well not exist for them). */
export function assertObject<T extends { community_code: string }>(
  who: Who,
  action: ShopAction,
  row: T | undefined,
): T {
  const a = actorFor(who, action);
  if (!row || !inArea(a.scopeCode, row.community_code)) throw new AppError('NOT_FOUND');
  if (!canShop(a, action, row.community_code)) throw new AppError('FORBIDDEN');
  return row;
}

/** The audit actor of a request. */
export const auditActor = (a: Actor) => ({ accountId: a.accountId, role: a.role });

const REPLAY = Symbol('replay');

/**
 * Runs `create` in one transaction with the Idempotency-Key claimed in the same transaction, naming the new
 * object's id. A retried request (same key, same body) gets `load` of the object made the first time, even when
 * the two arrive together; the same key with a different body is refused; a failed request leaves no claim.
 */
export async function idempotent<T>(
  m: ShopModule,
  who: Who,
  key: string | null,
  kind: string,
  body: unknown,
  create: (trx: Transaction<Database>, id: string) => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const now = m.clock();
  const id = uuidv7(now.getTime());
  if (!key) return { value: await m.db.transaction().execute((trx) => create(trx, id)), replayed: false };
  const owner = `account:${who.actor?.accountId ?? 'anonymous'}`;
  const hash = createHash('sha256').update(kind).update(JSON.stringify(body)).digest('hex');
  const replay = async () => {
    const prior = await sales.getKey(m.db, owner, key);
    if (!prior) throw new AppError('CONFLICT');
    if (prior.hash !== hash || prior.kind !== kind) throw new AppError('SHOP_IDEMPOTENCY_MISMATCH');
    return { value: await load(prior.ref_id), replayed: true };
  };
  // No read before the transaction: the claim inside it finds a key that is taken (one round trip less per sale).
  try {
    const value = await m.db.transaction().execute(async (trx) => {
      if (!(await sales.claimKey(trx, { owner, key, kind, hash, refId: id, at: now }))) throw REPLAY;
      return create(trx, id);
    });
    return { value, replayed: false };
  } catch (e) {
    const x = e as { code?: string; constraint?: string };
    if (e === REPLAY || (x.code === '23505' && x.constraint === 'shop_idempotency_pkey')) return replay();
    throw e;
  }
}
