/**
 * Restore of a `linli backup` file into an empty, migrated database, in one transaction: every table's row count
 * must match the header and the audit rows must re-link to the same hashes, so a file restores whole or not at all.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { migrations } from './db/migrate.ts';
import {
  clearTable,
  columnsOfType,
  insertAuditRowsReturning,
  insertRows,
  resetAuditIdSequence,
  resetRestoredSerials,
  rowCount,
} from './db/tables.ts';
import { AppError } from './errors.ts';
import { BACKUP_TABLES, SKIPPED, type Header } from './backupFormat.ts';

/** Lines of a gzip file; a read or decompression error rejects the iteration (never an unhandled 'error'). */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const utf8 = new StringDecoder('utf8'); // a character may straddle two chunks
  let rest = '';
  for await (const chunk of gunzip) {
    const parts = (rest + utf8.write(chunk as Buffer)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += utf8.end();
  if (rest) yield rest;
}

/** Restores a backup into an empty migrated database. Refuses a non-empty target. */
export async function restore(
  db: Kysely<Database>,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  for (const { table, replace } of BACKUP_TABLES) {
    if (replace) continue;
    if ((await rowCount(db, table)) > 0) throw new AppError('RESTORE_TARGET_NOT_EMPTY');
  }
  const jsonCols = await columnsOfType(db, 'jsonb');
  const binCols = await columnsOfType(db, 'bytea');
  const lines = readLines(file);
  let header: Header | null = null;
  const seen: Record<string, number> = {};
  try {
    await db.transaction().execute(async (trx) => {
      for await (const line of lines) {
        if (!line) continue;
        const obj = JSON.parse(line) as Header | { table: string; rows: Record<string, unknown>[] };
        if (!header) {
          if ((obj as Header).format !== 'linli-backup')
            throw new AppError('BAD_FILE', { params: { reason: 'not a Linli backup' } });
          header = obj as Header;
          const unknown = header.migrations.filter((m) => !(m in migrations));
          if (unknown.length)
            throw new AppError('BAD_FILE', { params: { reason: `made by a newer Linli (${unknown.join(', ')})` } });
          continue;
        }
        const { table, rows } = obj as { table: string; rows: Record<string, unknown>[] };
        if (SKIPPED.has(table)) continue;
        if (!BACKUP_TABLES.some((t) => t.table === table))
          throw new AppError('BAD_FILE', { params: { reason: `unknown table ${table}` } });
        if (BACKUP_TABLES.some((t) => t.table === table && t.replace) && !seen[table]) await clearTable(trx, table);
        const js = jsonCols.get(table) ?? new Set();
        const bin = binCols.get(table) ?? new Set();
        const values = rows.map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [
              k,
              js.has(k) ? JSON.stringify(v) : bin.has(k) && typeof v === 'string' ? Buffer.from(v, 'base64') : v,
            ]),
          ),
        );
        if (values.length && table === 'audit_log') await insertAuditRows(trx, values);
        else if (values.length) await insertRows(trx, table, values);
        seen[table] = (seen[table] ?? 0) + rows.length;
        onProgress?.(table, rows.length);
      }
      if (!header) throw new AppError('BAD_FILE', { params: { reason: 'empty file' } });
      for (const [t, n] of Object.entries(header.counts)) {
        if (SKIPPED.has(t)) continue;
        if ((seen[t] ?? 0) !== n)
          throw new AppError('BAD_FILE', {
            params: { reason: `${t}: ${seen[t] ?? 0} of ${n} rows (truncated file?)` },
          });
      }
      await resetAuditIdSequence(trx);
      await resetRestoredSerials(trx);
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_FILE', { params: { reason: e instanceof Error ? e.message.slice(0, 160) : 'unreadable' } });
  }
  return seen;
}

/**
 * Inserts audit rows in chain order. The chain trigger recomputes seq, prev_hash and hash; when the file carries
 * them they must come out the same, otherwise the file (or the database it came from) was changed after the
 * rows were written, and restoring would hide that.
 */
async function insertAuditRows(trx: Kysely<Database>, rows: Record<string, unknown>[]): Promise<void> {
  const got = await insertAuditRowsReturning(trx, rows);
  got.forEach((g, i) => {
    const want = rows[i]!;
    if (typeof want.hash === 'string' && (Number(want.seq) !== Number(g.seq) || want.hash !== g.hash))
      throw new AppError('BAD_FILE', {
        params: { reason: `audit_log seq ${String(want.seq)} does not match the audit chain (changed?)` },
      });
  });
}
