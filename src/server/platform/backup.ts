/**
 * Backup and restore as one gzip'd JSON-lines file: a header line, then `{ table, rows }` chunks in
 * foreign-key order. Everything is read in one REPEATABLE READ READ ONLY snapshot, so counts and pages agree while
 * writers run. The file is created 0600 (it holds personal data and password hashes) under a temporary name and
 * renamed when complete; sessions are left out, so a restore logs everybody out. Restore goes into an empty,
 * migrated database in one transaction and checks every table's row count and the audit chain, so a backup either
 * restores whole or not at all.
 */
import { open, rename, rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { migrations } from './db/migrate.ts';
import { BACKUP_TABLES, type Header } from './backupFormat.ts';

export { BACKUP_TABLES } from './backupFormat.ts';
export { restore } from './restore.ts';

const CHUNK = 1000;

/** bytea values (Buffer / Uint8Array) are written as base64 strings; restore decodes the bytea columns. */
function encodeBinary(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : v;
  return out;
}

/** Writes a backup of every table to `file` (mode 0600, replaced only when complete); returns row counts. */
export async function backup(
  db: Kysely<Database>,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  const tmp = `${file}.${process.pid}.tmp`;
  // created 0600 from the start: chmod after writing would leave a window in which others can read it
  const fh = await open(tmp, 'wx', 0o600);
  const out = fh.createWriteStream();
  const gz = createGzip();
  gz.pipe(out);
  const write = async (obj: unknown) => {
    if (!gz.write(`${JSON.stringify(obj)}\n`)) await once(gz, 'drain');
  };
  try {
    const counts = await db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      const counts: Record<string, number> = {};
      for (const { table } of BACKUP_TABLES)
        counts[table] = Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx)).rows[0]?.n ?? 0,
        );
      const header: Header = {
        format: 'linli-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: Object.keys(migrations),
        counts,
      };
      await write(header);
      for (const { table, order } of BACKUP_TABLES) {
        for (let offset = 0; offset < counts[table]!; offset += CHUNK) {
          const rows = (
            await sql<
              Record<string, unknown>
            >`select * from ${sql.table(table)} order by ${sql.raw(order)} limit ${CHUNK} offset ${offset}`.execute(trx)
          ).rows;
          await write({ table, rows: rows.map(encodeBinary) });
          onProgress?.(table, rows.length);
        }
      }
      return counts;
    });
    gz.end();
    await once(out, 'close');
    await rename(tmp, file);
    return counts;
  } catch (e) {
    gz.destroy();
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
