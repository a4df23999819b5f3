/** SQL of expenses, approvals, the committee, budgets and idempotency keys (int8 read as text). */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ExpenseStatus } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const expenseCols = [
  'id',
  'community_code',
  'case_id',
  'project_ref',
  'purpose',
  'payee',
  sql<string>`amount_fen::text`.as('amount'),
  'pay_from',
  'expense_account',
  'budget_line',
  'quote',
  'invoice_code',
  'invoice_number',
  'status',
  'approvals_needed',
  'requested_by',
  'requested_at',
  'paid_at',
  'paid_by',
  'transaction_id',
  sql<boolean>`receipt IS NOT NULL`.as('has_receipt'),
] as const;

/** A new expense request. */
export async function insertExpense(
  db: Db,
  e: {
    id: string;
    community: string;
    caseId: string | null;
    projectRef: string | null;
    purpose: string;
    payee: string;
    amountFen: string;
    payFrom: string;
    expenseAccount: string;
    budgetLine: string;
    quote: string;
    invoiceCode: string | null;
    invoiceNumber: string | null;
    approvalsNeeded: number;
    requestedBy: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('fund_expenses')
    .values({
      id: e.id,
      community_code: e.community,
      case_id: e.caseId,
      project_ref: e.projectRef,
      purpose: e.purpose,
      payee: e.payee,
      amount_fen: e.amountFen,
      pay_from: e.payFrom,
      expense_account: e.expenseAccount,
      budget_line: e.budgetLine,
      quote: e.quote,
      invoice_code: e.invoiceCode,
      invoice_number: e.invoiceNumber,
      status: 'requested',
      approvals_needed: e.approvalsNeeded,
      requested_by: e.requestedBy,
      requested_at: e.at,
      paid_at: null,
      paid_by: null,
      transaction_id: null,
      receipt: null,
      receipt_type: null,
    })
    .execute();
}

/** One expense (no receipt bytes); `lock` holds it until the transaction ends. */
export function getExpense(db: Db, id: string, lock = false) {
  const q = db.selectFrom('fund_expenses').select(expenseCols).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Expenses of a community, newest first; only paid ones when `paidOnly` (the public view). */
export function listExpenses(db: Db, community: string, paidOnly: boolean, limit = 500) {
  let q = db.selectFrom('fund_expenses').select(expenseCols).where('community_code', '=', community);
  if (paidOnly) q = q.where('status', '=', 'paid');
  return q.orderBy('requested_at', 'desc').limit(limit).execute();
}

/** Whether an invoice (code + number) was already recorded on any expense, ever. */
export async function invoiceUsed(db: Db, code: string | null, number: string, exceptId?: string): Promise<boolean> {
  let q = db
    .selectFrom('fund_expenses')
    .select('id')
    .where(sql<string>`coalesce(invoice_code, '')`, '=', code ?? '')
    .where('invoice_number', '=', number);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Approvers of an expense, in order. */
export async function approversOf(db: Db, expenseId: string): Promise<{ account_id: string; approved_at: Date }[]> {
  return db
    .selectFrom('fund_approvals')
    .select(['account_id', 'approved_at'])
    .where('expense_id', '=', expenseId)
    .orderBy('approved_at')
    .execute();
}

/** Records one approval. */
export async function insertApproval(db: Db, expenseId: string, accountId: string, at: Date): Promise<void> {
  await db
    .insertInto('fund_approvals')
    .values({ expense_id: expenseId, account_id: accountId, approved_at: at })
    .execute();
}

/** Sets an expense's status (and payment fields when paid). */
export async function updateExpense(
  db: Db,
  id: string,
  set: {
    status: ExpenseStatus;
    paidAt?: Date;
    paidBy?: string;
    transactionId?: string;
    receipt?: Uint8Array;
    receiptType?: string;
    invoiceCode?: string | null;
    invoiceNumber?: string;
  },
): Promise<void> {
  await db
    .updateTable('fund_expenses')
    .set({
      status: set.status,
      ...(set.paidAt ? { paid_at: set.paidAt } : {}),
      ...(set.paidBy ? { paid_by: set.paidBy } : {}),
      ...(set.transactionId ? { transaction_id: set.transactionId } : {}),
      ...(set.receipt ? { receipt: set.receipt, receipt_type: set.receiptType ?? 'image/jpeg' } : {}),
      ...(set.invoiceNumber ? { invoice_number: set.invoiceNumber, invoice_code: set.invoiceCode ?? null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The receipt photo of an expense. */
export async function receiptOf(db: Db, id: string) {
  const r = await db
    .selectFrom('fund_expenses')
    .select(['community_code', 'status', sql<string | null>`encode(receipt, 'base64')`.as('b64'), 'receipt_type'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { ...r, bytes: r.b64 ? Buffer.from(r.b64, 'base64') : null } : null;
}

/** The committee of a community with each member's display name. */
export function committee(db: Db, community: string) {
  return db
    .selectFrom('fund_committee')
    .select(['account_id', 'title', 'added_at', 'display_name'])
    .where('community_code', '=', community)
    .orderBy('added_at')
    .execute();
}

/** Whether an account sits on a community's committee. */
export async function isMember(db: Db, community: string, accountId: string): Promise<boolean> {
  const r = await db
    .selectFrom('fund_committee')
    .select('account_id')
    .where('community_code', '=', community)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return r !== undefined;
}

/** Seats an account on the committee (no-op when seated). */
export async function addMember(
  db: Db,
  m: { community: string; accountId: string; name: string; title: string; at: Date },
): Promise<void> {
  await db
    .insertInto('fund_committee')
    .values({
      community_code: m.community,
      account_id: m.accountId,
      display_name: m.name,
      title: m.title,
      added_at: m.at,
    })
    .onConflict((oc) => oc.columns(['community_code', 'account_id']).doNothing())
    .execute();
}

/** Sets one budget line (fen). */
export async function setBudget(db: Db, community: string, year: number, account: string, fen: string) {
  await db
    .insertInto('fund_budgets')
    .values({ community_code: community, year, account, amount_fen: fen })
    .onConflict((oc) => oc.columns(['community_code', 'year', 'account']).doUpdateSet({ amount_fen: fen }))
    .execute();
}

/** Budgets of a year. */
export function budgets(db: Db, community: string, year: number) {
  return db
    .selectFrom('fund_budgets')
    .select(['account', sql<string>`amount_fen::text`.as('amount')])
    .where('community_code', '=', community)
    .where('year', '=', year)
    .execute();
}

/** Net postings per account in periods `YYYY-01` … `YYYY-12` (text fen). */
export function actuals(db: Db, community: string, year: number) {
  return db
    .selectFrom('fund_lines as l')
    .innerJoin('fund_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.account', sql<string>`sum(l.amount_fen)::text`.as('amount')])
    .where('t.community_code', '=', community)
    .where('t.period', 'like', `${year}-%`)
    .groupBy('l.account')
    .execute();
}

/** Closes a period (no-op when closed). */
export async function closePeriod(db: Db, community: string, period: string, by: string, at: Date): Promise<void> {
  await db
    .insertInto('fund_periods')
    .values({ community_code: community, period, closed_at: at, closed_by: by })
    .onConflict((oc) => oc.columns(['community_code', 'period']).doNothing())
    .execute();
}

/** Claims an idempotency key inside the caller's transaction: true when new (waits for a concurrent claimer). */
export async function claimKey(db: Db, community: string, key: string, hash: string, at: Date): Promise<boolean> {
  const r = await db
    .insertInto('fund_idempotency')
    .values({ community_code: community, key, request_hash: hash, status: 0, body: 'null', created_at: at })
    .onConflict((oc) => oc.columns(['community_code', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}

/** The stored outcome of a key. */
export function keyOutcome(db: Db, community: string, key: string) {
  return db
    .selectFrom('fund_idempotency')
    .select(['request_hash', 'status', 'body'])
    .where('community_code', '=', community)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Stores the response of a key. */
export async function saveKey(db: Db, community: string, key: string, status: number, body: unknown): Promise<void> {
  await db
    .updateTable('fund_idempotency')
    .set({ status, body: JSON.stringify(body) })
    .where('community_code', '=', community)
    .where('key', '=', key)
    .execute();
}
