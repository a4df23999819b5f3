/**
 * SQL of the ledger and its Merkle log. int8 columns are read cast to text (the platform parses int8 as a JS
 * number, which would turn fen into floats) and written as decimal text. Callers pass a transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { FrontierNode } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Creates a community's log head and fixed accounts the first time it posts (no-op afterwards). */
export async function ensureLog(
  db: Db,
  community: string,
  accounts: readonly { code: string; kind: 'asset' | 'income' | 'expense'; name: string }[],
  now: Date,
): Promise<void> {
  const made = await db
    .insertInto('fund_log_heads')
    .values({ community_code: community, size: '0', frontier: '[]' })
    .onConflict((oc) => oc.column('community_code').doNothing())
    .returning('community_code')
    .executeTakeFirst();
  if (!made) return;
  await db
    .insertInto('fund_accounts')
    .values(
      accounts.map((a) => ({
        community_code: community,
        code: a.code,
        kind: a.kind,
        name: a.name,
        balance_fen: '0',
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['community_code', 'code']).doNothing())
    .execute();
}

/** The log head, locked until the transaction ends: every posting of a community is serialised on it. */
export async function lockHead(db: Db, community: string): Promise<{ size: number; frontier: FrontierNode[] }> {
  const r = await db
    .selectFrom('fund_log_heads')
    .select([sql<string>`size::text`.as('size'), 'frontier'])
    .where('community_code', '=', community)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { size: Number(r.size), frontier: r.frontier };
}

/** The log head without a lock (size and compact range). */
export async function readHead(db: Db, community: string): Promise<{ size: number; frontier: FrontierNode[] } | null> {
  const r = await db
    .selectFrom('fund_log_heads')
    .select([sql<string>`size::text`.as('size'), 'frontier'])
    .where('community_code', '=', community)
    .executeTakeFirst();
  return r ? { size: Number(r.size), frontier: r.frontier } : null;
}

/** A transaction already posted for a source, with its lines (amounts as text). */
export async function findBySource(db: Db, community: string, kind: string, ref: string) {
  const t = await db
    .selectFrom('fund_transactions')
    .select('id')
    .where('community_code', '=', community)
    .where('source_kind', '=', kind)
    .where('source_ref', '=', ref)
    .executeTakeFirst();
  if (!t) return null;
  const lines = await db
    .selectFrom('fund_lines')
    .select(['account', sql<string>`amount_fen::text`.as('fen')])
    .where('transaction_id', '=', t.id)
    .orderBy('line_no')
    .execute();
  return { id: t.id, lines };
}

/** The latest closed period at or after `period`, if any. */
export async function closedFrom(db: Db, community: string, period: string): Promise<string | null> {
  const r = await db
    .selectFrom('fund_periods')
    .select('period')
    .where('community_code', '=', community)
    .where('period', '>=', period)
    .orderBy('period', 'desc')
    .executeTakeFirst();
  return r?.period ?? null;
}

/** The named accounts of a community, locked (balances as text). */
export function lockAccounts(db: Db, community: string, codes: readonly string[]) {
  return db
    .selectFrom('fund_accounts')
    .select(['code', 'kind', sql<string>`balance_fen::text`.as('balance')])
    .where('community_code', '=', community)
    .where('code', 'in', codes)
    .orderBy('code')
    .forUpdate()
    .execute();
}

/** Adds each change (fen) to its account's balance. */
export async function addToBalances(db: Db, community: string, changes: ReadonlyMap<string, bigint>): Promise<void> {
  const values = sql.join([...changes].map(([code, d]) => sql`(${code}::text, ${d.toString()}::bigint)`));
  await sql`UPDATE fund_accounts a SET balance_fen = a.balance_fen + v.d
    FROM (VALUES ${values}) AS v(code, d)
    WHERE a.community_code = ${community} AND a.code = v.code`.execute(db);
}

/** One new transaction, its lines, the log nodes it completed and the new head, in four statements. */
export async function appendTransaction(
  db: Db,
  t: {
    id: string;
    community: string;
    seq: number;
    period: string;
    occurredAt: Date;
    memo: string;
    sourceKind: string;
    sourceRef: string;
    reversesId: string | null;
    actorId: string | null;
    entry: string;
    leafHash: string;
    createdAt: Date;
    lines: readonly { account: string; fen: string }[];
    nodes: readonly { level: number; index: number; hash: string }[];
    frontier: FrontierNode[];
  },
): Promise<void> {
  await db
    .insertInto('fund_transactions')
    .values({
      id: t.id,
      community_code: t.community,
      seq: String(t.seq),
      period: t.period,
      occurred_at: t.occurredAt,
      memo: t.memo,
      source_kind: t.sourceKind,
      source_ref: t.sourceRef,
      reverses_id: t.reversesId,
      actor_id: t.actorId,
      entry: t.entry,
      leaf_hash: t.leafHash,
      created_at: t.createdAt,
    })
    .execute();
  await db
    .insertInto('fund_lines')
    .values(
      t.lines.map((l, i) => ({
        transaction_id: t.id,
        line_no: i,
        community_code: t.community,
        account: l.account,
        amount_fen: l.fen,
      })),
    )
    .execute();
  await db
    .insertInto('fund_log_nodes')
    .values(t.nodes.map((n) => ({ community_code: t.community, level: n.level, idx: String(n.index), hash: n.hash })))
    .execute();
  await db
    .updateTable('fund_log_heads')
    .set({ size: String(t.seq + 1), frontier: JSON.stringify(t.frontier) })
    .where('community_code', '=', t.community)
    .execute();
}

/** Stored perfect subtree roots by (level, index), hex. */
export async function logNodes(
  db: Db,
  community: string,
  wanted: readonly [number, number][],
): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const keys = sql.join(wanted.map(([l, i]) => sql`(${l}::smallint, ${String(i)}::bigint)`));
  const rows = await sql<{ level: number; idx: string; hash: string }>`
    SELECT n.level, n.idx::text AS idx, n.hash FROM fund_log_nodes n
    JOIN (VALUES ${keys}) AS w(level, idx) ON n.level = w.level AND n.idx = w.idx
    WHERE n.community_code = ${community}`.execute(db);
  return new Map(rows.rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
}
