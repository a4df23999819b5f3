/** Balances of a community's fund accounts as exact bigint fen. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as reads from './repository/reads.ts';

/** Account code → balance (fen, debit positive) of one community. */
export async function fundBalances(
  db: Kysely<Database> | Transaction<Database>,
  community: string,
): Promise<Map<string, bigint>> {
  const rows = await reads.accountsUnder(db, community);
  return new Map(rows.filter((r) => r.community_code === community).map((r) => [r.code, BigInt(r.balance)]));
}
