/** The circle module's SQL: one named function per query. Callers pass the db or a transaction. */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { NetworkStats } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The bytes as hex text, read in place (no copy of the underlying buffer). */
const bundleHex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/** Networks of a community without their bundles (cheap: for listing and cache keys). */
export function listNetworks(db: Db, communityCode: string) {
  return db
    .selectFrom('circle_networks')
    .select(['id', 'community_code', 'name', 'source', 'file_name', 'stats', 'bytes', 'imported_at'])
    .where('community_code', '=', communityCode)
    .orderBy('name')
    .execute();
}

/** One network's metadata by name. */
export function getNetworkMeta(db: Db, communityCode: string, name: string) {
  return db
    .selectFrom('circle_networks')
    .select(['id', 'community_code', 'name', 'source', 'file_name', 'stats', 'bytes', 'imported_at'])
    .where('community_code', '=', communityCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A network's binary bundle. */
export async function getNetworkBundle(db: Db, id: string): Promise<Uint8Array | null> {
  // Fetched as base64 text and decoded natively: PGlite's own bytea parsing runs on the event loop and
  // took ~0.9 s for a 3.4 MB bundle (robustness issue, item 3).
  const r = await db
    .selectFrom('circle_networks')
    .select(sql<string>`encode(bundle, 'base64')`.as('b64'))
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? new Uint8Array(Buffer.from(r.b64, 'base64')) : null;
}

/** Insert or replace (by community + name) an imported network. */
export async function upsertNetwork(
  db: Db,
  row: {
    id: string;
    communityCode: string;
    name: string;
    fileName: string | null;
    stats: NetworkStats;
    bundle: Uint8Array;
    importedAt: Date;
    importedBy: string | null;
  },
) {
  await db
    .deleteFrom('circle_networks')
    .where('community_code', '=', row.communityCode)
    .where('name', '=', row.name)
    .execute();
  await db
    .insertInto('circle_networks')
    .values({
      id: row.id,
      community_code: row.communityCode,
      name: row.name,
      source: 'osm',
      file_name: row.fileName,
      stats: JSON.stringify(row.stats),
      // Sent as hex text (native Buffer encoding) and decoded by the database: binding the bytes directly
      // made PGlite serialise them in JavaScript on the event loop (~5 s for 3.4 MB).
      bundle: sql<Uint8Array>`decode(${bundleHex(row.bundle)}, 'hex')`,
      bytes: row.bundle.byteLength,
      imported_at: row.importedAt,
      imported_by: row.importedBy,
    })
    .execute();
}

/** Facilities a community imported. */
export function importedFacilities(db: Db, communityCode: string) {
  return db
    .selectFrom('circle_facilities')
    .select(['id', 'category', 'name', 'lon', 'lat', 'source'])
    .where('community_code', '=', communityCode)
    .orderBy('category')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Replace a community's imported facilities with a new batch (inside the caller's transaction). */
export async function replaceImportedFacilities(
  db: Db,
  communityCode: string,
  rows: { id: string; category: string; name: string; lon: number; lat: number; source: string; batchId: string }[],
) {
  const removed = await db
    .deleteFrom('circle_facilities')
    .where('community_code', '=', communityCode)
    .executeTakeFirst();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('circle_facilities')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          id: r.id,
          community_code: communityCode,
          category: r.category,
          name: r.name,
          lon: r.lon,
          lat: r.lat,
          source: r.source,
          batch_id: r.batchId,
        })),
      )
      .execute();
  }
  return Number(removed.numDeletedRows);
}

/** Row counts (tests: "nothing stored"). */
export async function counts(db: Db) {
  const n = await db
    .selectFrom('circle_networks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const f = await db
    .selectFrom('circle_facilities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { networks: Number(n.n), facilities: Number(f.n) };
}
