/**
 * Fund use cases: load → authorise (permissions.ts, committee seats) → decide (domain/) → save with an audit row
 * in the same transaction. Money-moving steps (payments, incomes) run under an Idempotency-Key claimed inside the
 * same transaction: a retry returns the first response, a concurrent retry waits for it, nothing pays twice.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { moneyCase, recordFundPayment } from '../cases/index.ts';
import { accountKind, fen, MAINTENANCE, yuan } from './domain/ledger.ts';
import { approvalsNeeded, decideApproval, invoiceOk } from './domain/expense.ts';
import { canFund, type FundAction } from './permissions.ts';
import { postFundTransaction } from './posting.ts';
import * as repo from './repository/expenses.ts';

/** Per-request context. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  ip: string;
}

/** Fund settings: the amount from which a third approval is needed (fen). */
export interface FundOptions {
  thirdApprovalFromFen: bigint;
}

/** Default settings: a third approval from ¥50,000. */
export const DEFAULT_FUND_OPTIONS: FundOptions = { thirdApprovalFromFen: 5_000_000n };

/** Refuses unless the actor may do `action` on the community (403; 404 would hide nothing here: codes are public). */
export function authorize(actor: Actor, action: FundAction, community: string): void {
  if (!canFund(actor, action, community)) throw new AppError('FORBIDDEN');
}

const who = (a: Actor) => ({ accountId: a.accountId, role: a.role });

/** What an expense request carries. */
export interface ExpenseInput {
  caseId?: string | undefined;
  projectRef?: string | undefined;
  purpose: string;
  payee: string;
  amountFen: bigint;
  payFrom: string;
  expenseAccount: 'expense:repair' | 'expense:project';
  budgetLine: string;
  quote: string;
  invoiceCode?: string | undefined;
  invoiceNumber?: string | undefined;
}

/** Requests an expense linked to a case escalated "needs money" or to a project. */
export async function requestExpense(ctx: Ctx, community: string, input: ExpenseInput, opts: FundOptions) {
  authorize(ctx.actor, 'fund.request', community);
  if (!input.caseId && !input.projectRef) throw new AppError('FUND_BAD_INPUT', { params: { field: 'caseId' } });
  if (input.amountFen <= 0n || input.amountFen > 10n ** 13n) {
    throw new AppError('FUND_BAD_AMOUNT', { params: { line: 1 } });
  }
  if (!(input.payFrom === 'bank' || input.payFrom.startsWith(MAINTENANCE)) || accountKind(input.payFrom) !== 'asset') {
    throw new AppError('FUND_UNKNOWN_ACCOUNT', { params: { account: input.payFrom.slice(0, 80) } });
  }
  if (input.caseId) {
    const c = await moneyCase(ctx.db, input.caseId);
    if (!c || c.communityCode !== community) throw new AppError('FUND_CASE_NOT_LINKABLE');
  }
  const invoiceNumber = input.invoiceNumber ?? null;
  const invoiceCode = input.invoiceCode ?? null;
  if (invoiceNumber !== null) {
    if (!invoiceOk(invoiceCode, invoiceNumber)) throw new AppError('FUND_BAD_INPUT', { params: { field: 'invoice' } });
    if (await repo.invoiceUsed(ctx.db, invoiceCode, invoiceNumber)) {
      throw new AppError('FUND_INVOICE_USED', { params: { number: invoiceNumber } });
    }
  }
  const id = uuidv7(ctx.now.getTime());
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await repo.insertExpense(trx, {
        id,
        community,
        caseId: input.caseId ?? null,
        projectRef: input.projectRef ?? null,
        purpose: input.purpose,
        payee: input.payee,
        amountFen: input.amountFen.toString(),
        payFrom: input.payFrom,
        expenseAccount: input.expenseAccount,
        budgetLine: input.budgetLine,
        quote: input.quote,
        invoiceCode,
        invoiceNumber,
        approvalsNeeded: approvalsNeeded(input.amountFen, opts.thirdApprovalFromFen),
        requestedBy: ctx.actor.accountId,
        at: ctx.now,
      });
      await audit(trx, who(ctx.actor), {
        action: 'fund.expense.request',
        entity: 'fund_expense',
        entityId: id,
        scopeCode: community,
        after: { purpose: input.purpose, amountFen: input.amountFen.toString(), caseId: input.caseId ?? null },
        ip: ctx.ip,
      });
    })
    .catch(uniqueInvoice(invoiceNumber));
  return expenseView(ctx.db, id);
}

/** Maps the invoice's unique index to FUND_INVOICE_USED (a concurrent request took it first). */
function uniqueInvoice(number: string | null) {
  return (e: unknown): never => {
    const x = e as { code?: string; constraint?: string } | null;
    if (x?.code === '23505' && x.constraint === 'fund_expenses_invoice') {
      throw new AppError('FUND_INVOICE_USED', { params: { number: number ?? '' } });
    }
    throw e;
  };
}

/** One approval by a committee member who is not the requester. */
export async function approveExpense(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await repo.getExpense(trx, id, true);
    if (!e || !ctx.actor.scopeCode || !e.community_code.startsWith(ctx.actor.scopeCode)) {
      throw new AppError('FUND_NOT_FOUND');
    }
    authorize(ctx.actor, 'fund.approve', e.community_code);
    const approvers = (await repo.approversOf(trx, id)).map((a) => a.account_id);
    const member = await repo.isMember(trx, e.community_code, ctx.actor.accountId);
    const d = decideApproval(
      { status: e.status, requestedBy: e.requested_by, approvalsNeeded: e.approvals_needed, approvers },
      ctx.actor.accountId,
      member,
    );
    if (!d.ok) throw new AppError(d.code, { params: { status: e.status } });
    await repo.insertApproval(trx, id, ctx.actor.accountId, ctx.now);
    if (d.status !== e.status) await repo.updateExpense(trx, id, { status: d.status });
    await audit(trx, who(ctx.actor), {
      action: 'fund.expense.approve',
      entity: 'fund_expense',
      entityId: id,
      scopeCode: e.community_code,
      before: { status: e.status },
      after: { status: d.status },
      ip: ctx.ip,
    });
  });
  return expenseView(ctx.db, id);
}

/** The hash that ties an Idempotency-Key to one request. */
export const requestHash = (o: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');

/**
 * Runs a money-moving step once per Idempotency-Key of a community: claims the key in the step's transaction;
 * a replay of the same request gets the stored response, a different request with the key 422.
 */
export async function once<T>(
  ctx: Ctx,
  community: string,
  key: string,
  hash: string,
  step: (trx: Transaction<Database>) => Promise<T>,
): Promise<{ replay: boolean; body: T }> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.claimKey(trx, community, key, hash, ctx.now))) {
      const prior = await repo.keyOutcome(trx, community, key);
      if (!prior || prior.request_hash !== hash) throw new AppError('FUND_IDEMPOTENCY_REUSED');
      return { replay: true, body: prior.body as T };
    }
    const body = await step(trx);
    await repo.saveKey(trx, community, key, 200, body);
    return { replay: false, body };
  });
}

/** A payment of an approved expense: invoice, receipt photo, ledger transaction, the case's history. */
export async function payExpense(
  ctx: Ctx,
  id: string,
  key: string,
  p: { invoiceCode: string | null; invoiceNumber: string; receipt: Buffer; receiptType: string },
) {
  const head = await repo.getExpense(ctx.db, id);
  if (!head?.community_code.startsWith(ctx.actor.scopeCode)) throw new AppError('FUND_NOT_FOUND');
  authorize(ctx.actor, 'fund.pay', head.community_code);
  if (!invoiceOk(p.invoiceCode, p.invoiceNumber))
    throw new AppError('FUND_BAD_INPUT', { params: { field: 'invoice' } });
  const hash = requestHash({
    id,
    inv: [p.invoiceCode, p.invoiceNumber],
    r: createHash('sha256').update(p.receipt).digest('hex'),
  });
  const r = await once(ctx, head.community_code, key, hash, async (trx) => {
    const e = await repo.getExpense(trx, id, true);
    if (!e) throw new AppError('FUND_NOT_FOUND');
    if (e.status !== 'approved') throw new AppError('FUND_BAD_STATE', { params: { status: e.status } });
    const changing = e.invoice_number !== p.invoiceNumber || (e.invoice_code ?? null) !== p.invoiceCode;
    if (changing && (await repo.invoiceUsed(trx, p.invoiceCode, p.invoiceNumber, id))) {
      throw new AppError('FUND_INVOICE_USED', { params: { number: p.invoiceNumber } });
    }
    const amount = fen(e.amount);
    const tx = await postFundTransaction(
      trx,
      {
        communityCode: e.community_code,
        occurredAt: ctx.now,
        memo: e.purpose,
        source: { kind: 'expense', ref: e.id },
        lines: [
          { account: e.expense_account, amountFen: amount },
          { account: e.pay_from, amountFen: -amount },
        ],
        actorId: ctx.actor.accountId,
        party: e.payee,
      },
      ctx.now,
    );
    await repo.updateExpense(trx, id, {
      status: 'paid',
      paidAt: ctx.now,
      paidBy: ctx.actor.accountId,
      transactionId: tx.transactionId,
      receipt: p.receipt,
      receiptType: p.receiptType,
      invoiceCode: p.invoiceCode,
      invoiceNumber: p.invoiceNumber,
    });
    if (e.case_id) {
      await recordFundPayment(trx, {
        caseId: e.case_id,
        actor: { accountId: ctx.actor.accountId, role: ctx.actor.role, name: ctx.actor.displayName },
        note: `社区基金已支付 ¥${yuan(amount)}：${e.purpose}（paid from the community fund）`,
        expenseId: e.id,
        amountFen: e.amount,
        at: ctx.now,
      });
    }
    await audit(trx, who(ctx.actor), {
      action: 'fund.expense.pay',
      entity: 'fund_expense',
      entityId: id,
      scopeCode: e.community_code,
      before: { status: e.status },
      after: { status: 'paid', transactionId: tx.transactionId, invoiceNumber: p.invoiceNumber },
      ip: ctx.ip,
    });
    return { expenseId: id, transactionId: tx.transactionId };
  }).catch(uniqueInvoice(p.invoiceNumber));
  return { ...(await expenseView(ctx.db, id)), replayed: r.replay };
}

/** An expense as staff see it (amount as exact decimal text of fen), with its approvers. */
export async function expenseView(db: Kysely<Database>, id: string) {
  const e = await repo.getExpense(db, id);
  if (!e) throw new AppError('FUND_NOT_FOUND');
  const approvals = await repo.approversOf(db, id);
  return {
    id: e.id,
    communityCode: e.community_code,
    caseId: e.case_id,
    projectRef: e.project_ref,
    purpose: e.purpose,
    payee: e.payee,
    amountFen: e.amount,
    payFrom: e.pay_from,
    expenseAccount: e.expense_account,
    budgetLine: e.budget_line,
    quote: e.quote,
    invoiceCode: e.invoice_code,
    invoiceNumber: e.invoice_number,
    status: e.status,
    approvalsNeeded: e.approvals_needed,
    approvals: approvals.map((a) => ({ accountId: a.account_id, at: new Date(a.approved_at).toISOString() })),
    requestedBy: e.requested_by,
    requestedAt: new Date(e.requested_at).toISOString(),
    paidAt: e.paid_at ? new Date(e.paid_at).toISOString() : null,
    transactionId: e.transaction_id,
    hasReceipt: e.has_receipt,
  };
}
