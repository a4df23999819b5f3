/**
 * Kysely table types of the fund module (merged into the platform's `Database`). bigint columns (fen, sizes) are
 * typed as strings: the repository reads them cast to text and turns them into `bigint`, because the platform's
 * int8 parser makes numbers (floats) and money must never pass through a float.
 */
import type { ColumnType } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

/** A bigint column: read as text (cast in SQL), written as decimal text. */
type Int8 = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string, Date | string>;

interface FundAccountsTable {
  community_code: string;
  code: string;
  kind: 'asset' | 'income' | 'expense';
  name: string;
  balance_fen: Int8;
  created_at: Stamp;
}

/** One perfect subtree root of the log's compact range, largest first. */
export interface FrontierNode {
  level: number;
  hash: string;
}

interface FundLogHeadsTable {
  community_code: string;
  size: Int8;
  frontier: Json<FrontierNode[]>;
}

interface FundTransactionsTable {
  id: string;
  community_code: string;
  seq: Int8;
  period: string;
  occurred_at: Stamp;
  memo: string;
  source_kind: string;
  source_ref: string;
  reverses_id: string | null;
  actor_id: string | null;
  /** The canonical public entry (the Merkle leaf's input, exactly as exported). */
  entry: string;
  leaf_hash: string;
  created_at: Stamp;
}

interface FundLinesTable {
  transaction_id: string;
  line_no: number;
  community_code: string;
  account: string;
  amount_fen: Int8;
}

interface FundLogNodesTable {
  community_code: string;
  level: number;
  idx: Int8;
  hash: string;
}

interface FundTreeHeadsTable {
  community_code: string;
  size: Int8;
  root: string;
  signed_at: Stamp;
  key_id: string;
  signature: string;
}

interface FundSigningKeysTable {
  key_id: string;
  public_key: string;
  private_key: string | null;
  created_at: Stamp;
}

interface FundPeriodsTable {
  community_code: string;
  period: string;
  closed_at: Stamp;
  closed_by: string | null;
}

interface FundCommitteeTable {
  community_code: string;
  account_id: string;
  /** The member's name as seated (a public record of who approved). */
  display_name: string;
  title: string;
  added_at: Stamp;
}

export type ExpenseStatus = 'requested' | 'approved' | 'paid' | 'rejected';

interface FundExpensesTable {
  id: string;
  community_code: string;
  case_id: string | null;
  project_ref: string | null;
  purpose: string;
  payee: string;
  amount_fen: Int8;
  pay_from: string;
  expense_account: string;
  budget_line: string;
  quote: string;
  invoice_code: string | null;
  invoice_number: string | null;
  status: ExpenseStatus;
  approvals_needed: number;
  requested_by: string;
  requested_at: Stamp;
  paid_at: Stamp | null;
  paid_by: string | null;
  transaction_id: string | null;
  receipt: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
  receipt_type: string | null;
}

interface FundApprovalsTable {
  expense_id: string;
  account_id: string;
  approved_at: Stamp;
}

interface FundBudgetsTable {
  community_code: string;
  year: number;
  account: string;
  amount_fen: Int8;
}

interface FundIdempotencyTable {
  community_code: string;
  key: string;
  request_hash: string;
  status: number;
  body: Json<unknown>;
  created_at: Stamp;
}

/** The fund module's tables. */
export interface FundTables {
  fund_accounts: FundAccountsTable;
  fund_log_heads: FundLogHeadsTable;
  fund_transactions: FundTransactionsTable;
  fund_lines: FundLinesTable;
  fund_log_nodes: FundLogNodesTable;
  fund_tree_heads: FundTreeHeadsTable;
  fund_signing_keys: FundSigningKeysTable;
  fund_periods: FundPeriodsTable;
  fund_committee: FundCommitteeTable;
  fund_expenses: FundExpensesTable;
  fund_approvals: FundApprovalsTable;
  fund_budgets: FundBudgetsTable;
  fund_idempotency: FundIdempotencyTable;
}
