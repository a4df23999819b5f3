/**
 * Whole-table operations by table name, for restoring a backup (platform/restore.ts): the platform's own SQL home
 * is platform/db (see actors.ts), so the restore logic keeps the file handling and these keep the SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** How many rows a table holds. */
export async function rowCount(db: Kysely<Database>, table: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
}

/** The columns of one data type ('jsonb', 'bytea') in the current schema, by table. */
export async function columnsOfType(db: Kysely<Database>, dataType: string): Promise<Map<string, Set<string>>> {
  const cols = await sql<{
    table_name: string;
    column_name: string;
  }>`select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type = ${dataType}`.execute(db);
  const out = new Map<string, Set<string>>();
  for (const c of cols.rows) out.set(c.table_name, (out.get(c.table_name) ?? new Set()).add(c.column_name));
  return out;
}

/** Deletes every row of a table (a table the restore replaces rather than fills). */
export async function clearTable(db: Kysely<Database>, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/** Inserts rows (column name → value, already encoded for the driver) into a table. */
export async function insertRows(db: Kysely<Database>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await db
    .insertInto(table as keyof Database)
    .values(rows as never)
    .execute();
}

/** Inserts audit rows (the chain trigger fills seq, prev_hash and hash) and returns what the trigger computed. */
export function insertAuditRowsReturning(db: Kysely<Database>, rows: Record<string, unknown>[]) {
  return db
    .insertInto('audit_log')
    .values(rows as never)
    .returning(['seq', 'hash'])
    .execute();
}

/** Sets the audit_log id sequence past the highest restored id. */
export async function resetAuditIdSequence(db: Kysely<Database>): Promise<void> {
  await sql`select setval(pg_get_serial_sequence('audit_log', 'id'),
      coalesce((select max(id) from audit_log), 0) + 1, false)`.execute(db);
}

/** Serial columns whose running numbers must continue after restored rows (receipt numbers, movement order). */
const RESTORED_SERIALS = [
  ['shop_sales', 'no'],
  ['shop_stock_moves', 'seq'],
] as const;

/** After a restore: every serial of {@link RESTORED_SERIALS} continues after the largest restored value. */
export async function resetRestoredSerials(db: Kysely<Database>): Promise<void> {
  for (const [t, c] of RESTORED_SERIALS)
    await sql`select setval(pg_get_serial_sequence(${t}, ${c}),
      coalesce((select max(${sql.ref(c)}) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
}
