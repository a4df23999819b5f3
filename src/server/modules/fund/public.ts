/**
 * The public disclosure (财务公开) read model, no login: balances, every entry of the public log (already masked
 * when it was written), paid expenses with purpose and receipt, the money flow for the Sankey chart, the signed
 * heads and keys. Only paid expenses are public; requests and approvals in progress are not.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { publicParty } from './domain/party.ts';
import { placeByCode } from '../registry/index.ts';
import type { PublicEntry } from './domain/entry.ts';
import { accountKind, FIXED_ACCOUNTS } from './domain/ledger.ts';
import { fundBalances } from './balances.ts';
import { listHeads, listKeys } from './log.ts';
import * as repo from './repository/expenses.ts';
import * as reads from './repository/reads.ts';

/** A community that has a fund ledger (else 404: nothing to disclose, nothing leaked about the code). */
export async function publicCommunity(db: Kysely<Database>, code: string): Promise<{ code: string; name: string }> {
  const p = await placeByCode(db, code);
  const balances = p ? await fundBalances(db, code) : new Map();
  if (!p || balances.size === 0) throw new AppError('FUND_NOT_FOUND');
  return { code, name: p.name };
}

/** A paid expense as the public sees it. */
function publicExpense(e: Awaited<ReturnType<typeof repo.listExpenses>>[number]) {
  return {
    id: e.id,
    purpose: e.purpose,
    payee: publicParty(e.payee),
    amountFen: e.amount,
    expenseAccount: e.expense_account,
    payFrom: e.pay_from,
    forCase: e.case_id !== null,
    projectRef: e.project_ref,
    invoiceNumber: e.invoice_number,
    paidAt: e.paid_at ? new Date(e.paid_at).toISOString() : null,
    hasReceipt: e.has_receipt,
  };
}

/** Nodes and links of the money flow: each income → the fund → each expense (fen text; the chart scales). */
function moneyFlow(totals: readonly { account: string; amount: string }[]) {
  const links: { source: string; target: string; fen: string }[] = [];
  for (const t of totals) {
    const v = BigInt(t.amount);
    if (accountKind(t.account) === 'income' && v < 0n)
      links.push({ source: t.account, target: 'fund', fen: (-v).toString() });
    if (accountKind(t.account) === 'expense' && v > 0n)
      links.push({ source: 'fund', target: t.account, fen: v.toString() });
  }
  const names = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: [...names], links };
}

/** The public summary of a community's fund. */
export async function publicSummary(db: Kysely<Database>, code: string) {
  const community = await publicCommunity(db, code);
  const [balances, entries, expenses, totals, heads, keys] = await Promise.all([
    fundBalances(db, code),
    reads.latestEntries(db, code, 200),
    repo.listExpenses(db, code, true, 200),
    reads.totalsByAccount(db, code),
    listHeads(db, code, 20),
    listKeys(db),
  ]);
  return {
    community,
    accounts: [...balances].map(([c, b]) => ({
      code: c,
      kind: accountKind(c) ?? 'asset',
      name: FIXED_ACCOUNTS.find((a) => a.code === c)?.zh ?? c,
      balanceFen: b.toString(),
    })),
    entries: entries.map((e) => JSON.parse(e.entry) as PublicEntry),
    expenses: expenses.map(publicExpense),
    flow: moneyFlow(totals),
    heads,
    keys,
  };
}
