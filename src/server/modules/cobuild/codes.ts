/**
 * The HMAC half of the rotating check-in codes (domain/qr.ts has the pure steps): HMAC-SHA256 of the activity id
 * and the 30-s step under a server secret kept in the database (made once, shared by every instance).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { acceptedSteps, codeFromDigest, codeMessage, normaliseCode } from './domain/qr.ts';
import * as repo from './repository.ts';

const cache = new WeakMap<object, Promise<string>>();

/** The check-in secret of this database (cached per db handle). */
export function checkinSecret(db: Kysely<Database>, now: Date): Promise<string> {
  let s = cache.get(db);
  if (!s) {
    s = repo.secret(db, 'checkin-qr', randomBytes(32).toString('hex'), now);
    s.catch(() => cache.delete(db));
    cache.set(db, s);
  }
  return s;
}

/** The code of an activity at a step. */
export function codeAt(secret: string, activityId: string, step: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(codeMessage(activityId, step)).digest();
  return codeFromDigest(mac);
}

/** The step whose code `typed` is, among the accepted ones at `nowMs`; null when it is none of them. */
export function matchCode(secret: string, activityId: string, typed: string, nowMs: number): number | null {
  const t = Buffer.from(normaliseCode(typed));
  for (const step of acceptedSteps(nowMs)) {
    const c = Buffer.from(codeAt(secret, activityId, step));
    if (c.length === t.length && timingSafeEqual(c, t)) return step;
  }
  return null;
}
