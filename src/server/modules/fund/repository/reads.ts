/** Read-only SQL of the fund: balances, entries, heads, totals (int8 read as text, never as a float). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every account of a community (scope prefix) with its balance in fen (text). */
export function accountsUnder(db: Db, scopeCode: string) {
  return db
    .selectFrom('fund_accounts')
    .select(['community_code', 'code', 'kind', 'name', sql<string>`balance_fen::text`.as('balance')])
    .where('community_code', 'like', `${scopeCode}%`)
    .orderBy('community_code')
    .orderBy('code')
    .execute();
}

/** Expenses of communities under a scope waiting for approval. */
export async function countAwaitingApproval(db: Db, scopeCode: string): Promise<number> {
  const r = await db
    .selectFrom('fund_expenses')
    .select(sql<string>`count(*)::text`.as('n'))
    .where('community_code', 'like', `${scopeCode}%`)
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Log entries from `fromSeq` (inclusive), in order, at most `limit`: seq, canonical entry text and leaf hash. */
export function entriesFrom(db: Db, community: string, fromSeq: number, limit: number) {
  return db
    .selectFrom('fund_transactions')
    .select([sql<string>`seq::text`.as('seq'), 'entry', 'leaf_hash'])
    .where('community_code', '=', community)
    .where('seq', '>=', String(fromSeq))
    .orderBy('fund_transactions.seq')
    .limit(limit)
    .execute();
}

/** One entry by its position in the log. */
export function entryAt(db: Db, community: string, seq: number) {
  return db
    .selectFrom('fund_transactions')
    .select(['id', 'entry', 'leaf_hash'])
    .where('community_code', '=', community)
    .where('seq', '=', String(seq))
    .executeTakeFirst();
}

/** The newest log entries of a community (canonical public text), newest first. */
export function latestEntries(db: Db, community: string, limit: number) {
  return db
    .selectFrom('fund_transactions')
    .select(['entry'])
    .where('community_code', '=', community)
    .orderBy('fund_transactions.seq', 'desc')
    .limit(limit)
    .execute();
}

/** Totals per account over all time, or over one period (fen text): what the money-flow chart draws. */
export function totalsByAccount(db: Db, community: string, period?: string) {
  let q = db
    .selectFrom('fund_lines as l')
    .innerJoin('fund_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.account', sql<string>`sum(l.amount_fen)::text`.as('amount')])
    .where('t.community_code', '=', community);
  if (period) q = q.where('t.period', '=', period);
  return q.groupBy('l.account').execute();
}

/** The entries of one period, in log order (canonical public text). */
export function entriesOfPeriod(db: Db, community: string, period: string) {
  return db
    .selectFrom('fund_transactions')
    .select(['entry'])
    .where('community_code', '=', community)
    .where('period', '=', period)
    .orderBy('fund_transactions.seq')
    .execute();
}
