/** SQL of Open311: API keys (case_api_keys), public reads of cases in a jurisdiction, and request tokens. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Status } from '../domain/workflow.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a key (its sha256 only) for a community; `origins` are the browser origins allowed to POST with it. */
export async function insertApiKey(
  db: Db,
  k: { id: string; keyHash: string; name: string; communityCode: string; origins: string[] },
): Promise<void> {
  await db
    .insertInto('case_api_keys')
    .values({
      id: k.id,
      key_hash: k.keyHash,
      name: k.name,
      community_code: k.communityCode,
      origins: JSON.stringify(k.origins),
    })
    .execute();
}

/** The stored key with this sha256, if any. */
export function apiKeyByHash(db: Db, keyHash: string) {
  return db
    .selectFrom('case_api_keys')
    .select(['name', 'community_code', 'origins'])
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
}

/** Gives a case filed through Open311 its token (what a client polls until the request has an id). */
export async function setOpen311Token(db: Db, caseId: string, token: string): Promise<void> {
  await db.updateTable('cases').set({ open311_token: token }).where('id', '=', caseId).execute();
}

/** The case holding a token, inside a jurisdiction (code prefix), if any. */
export function caseByToken(db: Db, token: string, prefix: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'open311_token', 'category_code'])
    .where('open311_token', '=', token)
    .where('community_code', 'like', `${prefix}%`)
    .executeTakeFirst();
}

/** Filters of a public read (see open311/present.ts findRequests). */
export interface RequestQuery {
  /** The jurisdiction's code prefix: always applies. */
  prefix: string;
  /** Classes never shown (the sensitive ones). */
  hidden: string[];
  /** Statuses that read as "closed". */
  closed: readonly Status[];
  /** Valid UUIDs only; when given, every other filter but prefix and hidden is ignored. */
  ids?: string[] | undefined;
  codes?: string[] | undefined;
  status?: ('open' | 'closed')[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
}

/** Cases matching a public read, newest first, at most 1,000. */
export function requestsMatching(db: Db, f: RequestQuery) {
  let q = db.selectFrom('cases').selectAll().where('community_code', 'like', `${f.prefix}%`);
  if (f.hidden.length) q = q.where('category_code', 'not in', f.hidden);
  if (f.ids) return f.ids.length ? q.where('id', 'in', f.ids).orderBy('created_at', 'desc').limit(1000).execute() : [];
  if (f.codes) q = q.where('category_code', 'in', f.codes);
  if (f.status && f.status.length === 1)
    q = f.status[0] === 'closed' ? q.where('status', 'in', f.closed) : q.where('status', 'not in', f.closed);
  if (f.start) q = q.where('created_at', '>=', f.start);
  if (f.end) q = q.where('created_at', '<=', f.end);
  return q.orderBy('created_at', 'desc').limit(1000).execute();
}
