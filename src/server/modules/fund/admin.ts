/**
 * Fund administration use cases: incomes (donations, grants, partner contributions, owners' maintenance deposits),
 * the committee, budgets, closing periods, and the staff overview (balances, budgets vs actuals per account).
 */
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { accountByUsername } from '../auth/index.ts';
import { accountKind, FIXED_ACCOUNTS, MAINTENANCE, periodOf } from './domain/ledger.ts';
import { postFundTransaction } from './posting.ts';
import { authorize, once, requestHash, type Ctx } from './service.ts';
import { fundBalances } from './balances.ts';
import * as repo from './repository/expenses.ts';
import * as reads from './repository/reads.ts';

/** An income to record. */
export interface IncomeInput {
  kind: 'donation' | 'grant' | 'partner' | 'owners';
  amountFen: bigint;
  memo: string;
  party?: string | undefined;
  /** For `owners`: the compound's maintenance fund (`maintenance:<compound id>`). */
  into?: string | undefined;
  occurredAt?: Date | undefined;
}

/** Records an income once per Idempotency-Key. */
export async function recordIncome(ctx: Ctx, community: string, key: string, input: IncomeInput) {
  authorize(ctx.actor, 'fund.pay', community);
  const into = input.kind === 'owners' ? (input.into ?? '') : 'bank';
  if (input.kind === 'owners' && (!into.startsWith(MAINTENANCE) || accountKind(into) !== 'asset')) {
    throw new AppError('FUND_UNKNOWN_ACCOUNT', { params: { account: into.slice(0, 80) } });
  }
  const at = input.occurredAt ?? ctx.now;
  const r = await once(ctx, community, key, requestHash({ income: input }), async (trx) => {
    const tx = await postFundTransaction(
      trx,
      {
        communityCode: community,
        occurredAt: at,
        memo: input.memo,
        source: { kind: 'income', ref: key },
        lines: [
          { account: into, amountFen: input.amountFen },
          { account: `income:${input.kind}`, amountFen: -input.amountFen },
        ],
        actorId: ctx.actor.accountId,
        party: input.party ?? null,
      },
      ctx.now,
    );
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      {
        action: 'fund.income',
        entity: 'fund_transaction',
        entityId: tx.transactionId,
        scopeCode: community,
        after: { kind: input.kind, amountFen: input.amountFen.toString(), memo: input.memo, into },
        ip: ctx.ip,
      },
    );
    return { transactionId: tx.transactionId };
  });
  return { ...r.body, replayed: r.replay };
}

/** The committee of a community. */
export async function listCommittee(ctx: Ctx, community: string) {
  authorize(ctx.actor, 'fund.read', community);
  return (await repo.committee(ctx.db, community)).map((m) => ({
    accountId: m.account_id,
    name: m.display_name,
    title: m.title,
    addedAt: new Date(m.added_at).toISOString(),
  }));
}

/** Seats a staff account of the community (by username) on its committee. */
export async function addCommitteeMember(ctx: Ctx, community: string, username: string, title: string) {
  authorize(ctx.actor, 'fund.manage', community);
  const a = await accountByUsername(ctx.db, username);
  const staff = a && (a.role === 'community_staff' || a.role === 'street_staff');
  if (!a || !staff || !community.startsWith(a.scopeCode)) throw new AppError('FUND_NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.addMember(trx, { community, accountId: a.id, name: a.displayName, title, at: ctx.now });
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      { action: 'fund.committee.add', entity: 'fund_committee', entityId: a.id, scopeCode: community, ip: ctx.ip },
    );
  });
  return listCommittee(ctx, community);
}

/** Sets a budget line for a year. */
export async function setBudget(ctx: Ctx, community: string, year: number, account: string, amountFen: bigint) {
  authorize(ctx.actor, 'fund.manage', community);
  if (!accountKind(account)) throw new AppError('FUND_UNKNOWN_ACCOUNT', { params: { account: account.slice(0, 80) } });
  if (amountFen < 0n || amountFen > 10n ** 13n) throw new AppError('FUND_BAD_AMOUNT', { params: { line: 1 } });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setBudget(trx, community, year, account, amountFen.toString());
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      {
        action: 'fund.budget',
        entity: 'fund_budget',
        entityId: `${year}:${account}`,
        scopeCode: community,
        after: { amountFen: amountFen.toString() },
        ip: ctx.ip,
      },
    );
  });
  return overview(ctx, community, year);
}

/** Closes a past period: entries dated in it (or earlier) are refused from now on. */
export async function closePeriod(ctx: Ctx, community: string, period: string) {
  authorize(ctx.actor, 'fund.manage', community);
  if (period >= periodOf(ctx.now)) throw new AppError('FUND_BAD_INPUT', { params: { field: 'period' } });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.closePeriod(trx, community, period, ctx.actor.accountId, ctx.now);
    await audit(
      trx,
      { accountId: ctx.actor.accountId, role: ctx.actor.role },
      { action: 'fund.period.close', entity: 'fund_period', entityId: period, scopeCode: community, ip: ctx.ip },
    );
  });
  return { period, closed: true };
}

/** Balances, budgets vs actuals of a year, expenses waiting for approval. Amounts are exact fen text. */
export async function overview(ctx: Ctx, community: string, year: number) {
  authorize(ctx.actor, 'fund.read', community);
  const [balances, budgets, actuals, waiting] = await Promise.all([
    fundBalances(ctx.db, community),
    repo.budgets(ctx.db, community, year),
    repo.actuals(ctx.db, community, year),
    reads.countAwaitingApproval(ctx.db, community),
  ]);
  const codes = new Set([...FIXED_ACCOUNTS.map((a) => a.code), ...balances.keys()]);
  const budget = new Map(budgets.map((b) => [b.account, b.amount]));
  const actual = new Map(actuals.map((a) => [a.account, a.amount]));
  return {
    communityCode: community,
    year,
    awaitingApproval: waiting,
    accounts: [...codes].map((code) => ({
      code,
      kind: accountKind(code) ?? 'asset',
      name: FIXED_ACCOUNTS.find((a) => a.code === code)?.zh ?? code,
      balanceFen: (balances.get(code) ?? 0n).toString(),
      budgetFen: budget.get(code) ?? null,
      actualFen: actual.get(code) ?? '0',
    })),
  };
}
