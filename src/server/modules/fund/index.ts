/**
 * The fund module's public face (issue 10, items 6–9): the community fund's double-entry ledger kept as a
 * verifiable Merkle log, expenses approved by the committee, and public disclosure. Other modules post money
 * through {@link postFundTransaction} only (the shop's settlement, for one), inside their own transaction.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import type { Database } from '../../platform/db/schema.ts';
import { fundRoutes } from './routes.ts';
import { publicFundRoutes } from './publicRoutes.ts';
import { makeFundRuntime } from './runtime.ts';
import { DEFAULT_FUND_OPTIONS, type FundOptions } from './service.ts';
import { postFundTransaction as post } from './posting.ts';
import { yuan, type FundLine } from './domain/ledger.ts';
import * as reads from './repository/reads.ts';

export type { FundLine } from './domain/ledger.ts';
export { seedDemoFund } from './demo.ts';

declare module '../../deps.ts' {
  interface AppDeps {
    /** Overrides of the fund's settings (e.g. the amount from which a third approval is needed). */
    fundOptions?: Partial<FundOptions>;
  }
}

/** Registers the fund module: staff routes under /api/fund, the no-login disclosure under /api/public/fund. */
export function fundPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const rt = makeFundRuntime(
      deps.db,
      deps.clock,
      { ...DEFAULT_FUND_OPTIONS, ...deps.fundOptions },
      deps.config.fundSigningKey,
      app.log,
    );
    await app.register(fundRoutes(rt));
    await app.register(publicFundRoutes(rt));
  };
}
export { exportLedger, inclusion, signingKey, publishHead } from './log.ts';
export { writeSampleLedger } from './sampleLedger.ts';
export { LedgerVerifier, type VerifyReport } from './domain/verify.ts';

/**
 * Posts one balanced transaction to a community's fund ledger (amounts in fen as `bigint`; positive = debit,
 * negative = credit; the lines sum to zero). Runs inside the caller's transaction when given one. Idempotent on
 * (communityCode, source.kind, source.ref): the same source posted again returns the first transaction with
 * `created: false`. Refuses (AppError) unbalanced lines, non-integer, zero or overflowing amounts, unknown
 * accounts, a maintenance fund mixed with other money, an overdrawn asset account and closed periods.
 */
export async function postFundTransaction(
  db: Kysely<Database> | Transaction<Database>,
  input: {
    communityCode: string;
    occurredAt: Date;
    memo: string;
    source: { kind: string; ref: string };
    lines: FundLine[];
    actorId: string | null;
  },
): Promise<{ transactionId: string; created: boolean }> {
  return post(db, input, new Date());
}

/** A tile of the secretary's overview page. */
export interface OverviewTile {
  key: string;
  value: number | string;
  href: string;
}

/** The fund's overview tiles for a scope: the fund's balance (¥, exact) and the expenses awaiting approval. */
export async function overviewTiles(db: Kysely<Database>, scopeCode: string): Promise<OverviewTile[]> {
  const accounts = await reads.accountsUnder(db, scopeCode);
  const bank = accounts.filter((a) => a.code === 'bank').reduce((s, a) => s + BigInt(a.balance), 0n);
  const waiting = await reads.countAwaitingApproval(db, scopeCode);
  return [
    { key: 'fund.balance', value: `¥${yuan(bank)}`, href: '/fund' },
    { key: 'fund.awaitingApproval', value: waiting, href: '/fund/expenses' },
  ];
}
