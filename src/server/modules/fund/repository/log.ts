/** SQL of the signing keys and the signed tree heads. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The newest key that can sign (its private key is stored). */
export function signingKeyRow(db: Db) {
  return db
    .selectFrom('fund_signing_keys')
    .select(['key_id', 'public_key', 'private_key'])
    .where('private_key', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Records a key (public only when the private key comes from the environment); no-op when known. */
export async function insertKey(
  db: Db,
  k: { keyId: string; publicKey: string; privateKey: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('fund_signing_keys')
    .values({ key_id: k.keyId, public_key: k.publicKey, private_key: k.privateKey, created_at: k.now })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
}

/** Every key that ever signed a head (public part only), oldest first. */
export function publicKeys(db: Db) {
  return db
    .selectFrom('fund_signing_keys')
    .select(['key_id', 'public_key', 'created_at'])
    .orderBy('created_at')
    .execute();
}

const headCols = [
  'community_code',
  sql<string>`size::text`.as('size'),
  'root',
  'signed_at',
  'key_id',
  'signature',
] as const;

/** The published heads of a community, newest first (at most `limit`). */
export function heads(db: Db, community: string, limit: number) {
  return db
    .selectFrom('fund_tree_heads')
    .select(headCols)
    .where('community_code', '=', community)
    .orderBy('fund_tree_heads.size', 'desc')
    .limit(limit)
    .execute();
}

/** The published head of exactly `size` entries. */
export function headOfSize(db: Db, community: string, size: number) {
  return db
    .selectFrom('fund_tree_heads')
    .select(headCols)
    .where('community_code', '=', community)
    .where('size', '=', String(size))
    .executeTakeFirst();
}

/** Stores a signed head (a concurrent publisher of the same size wins; both signed the same root). */
export async function insertHead(
  db: Db,
  h: { community: string; size: number; root: string; signedAt: Date; keyId: string; signature: string },
): Promise<void> {
  await db
    .insertInto('fund_tree_heads')
    .values({
      community_code: h.community,
      size: String(h.size),
      root: h.root,
      signed_at: h.signedAt,
      key_id: h.keyId,
      signature: h.signature,
    })
    .onConflict((oc) => oc.columns(['community_code', 'size']).doNothing())
    .execute();
}
