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

/** The log head, locked until the transaction ends (null before the first posting): postings queue on it. */
export async function lockHead(db: Db, community: string): Promise<{ size: number; frontier: FrontierNode[] } | null> {
  const r = await db
    .selectFrom('fund_log_heads')
    .select([sql<string>`size::text`.as('size'), 'frontier'])
    .where('community_code', '=', community)
    .forUpdate()
    .executeTakeFirst();
  return r ? { size: Number(r.size), frontier: r.frontier } : null;
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

/** One new transaction, with what it changes: lines, completed log nodes, balances and the new compact range. */
export interface AppendInput {
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
  changes: ReadonlyMap<string, bigint>;
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

/**
 * What a posting must know once the head is locked, in one statement (a fresh snapshot, taken after the lock):
 * an earlier transaction of the same source, the latest closed period at or after `period`, and the balances
 * (text) of the accounts named. Accounts need no lock of their own: every writer holds the head lock.
 */
export async function stateUnderLock(
  db: Db,
  q: { community: string; kind: string; ref: string; period: string; codes: readonly string[] },
): Promise<{ priorId: string | null; closed: string | null; accounts: { code: string; balance: string }[] }> {
  const codes = sql.join(q.codes.map((c) => sql`${c}::text`));
  const r = await sql<{
    prior_id: string | null;
    closed: string | null;
    accounts: { code: string; balance: string }[];
  }>`
    SELECT
      (SELECT t.id FROM fund_transactions t
        WHERE t.community_code = ${q.community} AND t.source_kind = ${q.kind} AND t.source_ref = ${q.ref}) AS prior_id,
      (SELECT max(p.period) FROM fund_periods p
        WHERE p.community_code = ${q.community} AND p.period >= ${q.period}) AS closed,
      coalesce((SELECT json_agg(json_build_object('code', a.code, 'balance', a.balance_fen::text))
        FROM fund_accounts a WHERE a.community_code = ${q.community} AND a.code IN (${codes})), '[]'::json) AS accounts
  `.execute(db);
  const row = r.rows[0]!;
  const accounts = typeof row.accounts === 'string' ? (JSON.parse(row.accounts) as typeof row.accounts) : row.accounts;
  return { priorId: row.prior_id, closed: row.closed, accounts };
}

/** The lines of a transaction (amounts as text). */
export function linesOf(db: Db, transactionId: string) {
  return db
    .selectFrom('fund_lines')
    .select(['account', sql<string>`amount_fen::text`.as('fen')])
    .where('transaction_id', '=', transactionId)
    .orderBy('line_no')
    .execute();
}

/**
 * The whole append in one statement: the transaction, its lines, the log nodes it completed, the balances and
 * the new head (data-modifying CTEs; foreign keys are checked at the end of the statement).
 */
export async function appendInOne(db: Db, t: AppendInput): Promise<void> {
  const lines = sql.join(
    t.lines.map((l, i) => sql`(${t.id}::uuid, ${i}::smallint, ${t.community}, ${l.account}, ${l.fen}::bigint)`),
  );
  const nodes = sql.join(
    t.nodes.map((n) => sql`(${t.community}, ${n.level}::smallint, ${String(n.index)}::bigint, ${n.hash})`),
  );
  const changes = sql.join([...t.changes].map(([code, d]) => sql`(${code}::text, ${d.toString()}::bigint)`));
  await sql`
    WITH tx AS (
      INSERT INTO fund_transactions (id, community_code, seq, period, occurred_at, memo, source_kind, source_ref,
        reverses_id, actor_id, entry, leaf_hash, created_at)
      VALUES (${t.id}, ${t.community}, ${String(t.seq)}::bigint, ${t.period}, ${t.occurredAt}, ${t.memo},
        ${t.sourceKind}, ${t.sourceRef}, ${t.reversesId}, ${t.actorId}, ${t.entry}, ${t.leafHash}, ${t.createdAt})
    ), li AS (
      INSERT INTO fund_lines (transaction_id, line_no, community_code, account, amount_fen) VALUES ${lines}
    ), nd AS (
      INSERT INTO fund_log_nodes (community_code, level, idx, hash) VALUES ${nodes}
    ), ba AS (
      UPDATE fund_accounts a SET balance_fen = a.balance_fen + v.d FROM (VALUES ${changes}) AS v(code, d)
      WHERE a.community_code = ${t.community} AND a.code = v.code
    )
    UPDATE fund_log_heads SET size = ${String(t.seq + 1)}::bigint, frontier = ${JSON.stringify(t.frontier)}::jsonb
    WHERE community_code = ${t.community}`.execute(db);
}
