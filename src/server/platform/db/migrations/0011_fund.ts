/**
 * The community fund (issue 10, items 6–9): a double-entry ledger in integer fen (bigint), kept as an
 * append-only Merkle log (RFC 9162 tree hashing) with signed tree heads, and expenses approved by the committee.
 * Entries are immutable: a trigger refuses UPDATE and DELETE on the ledger and log tables (mistakes are reversed
 * by a new transaction). Asset accounts (the fund's money, each compound's 维修资金) can never go below zero.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE fund_accounts (
      community_code text NOT NULL REFERENCES places(code),
      code text NOT NULL CHECK (code ~ '^(bank|income:[a-z]+|expense:[a-z]+|maintenance:[0-9a-f-]{36})$'),
      kind text NOT NULL CHECK (kind IN ('asset', 'income', 'expense')),
      name text NOT NULL,
      balance_fen bigint NOT NULL DEFAULT 0 CHECK (kind <> 'asset' OR balance_fen >= 0),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (community_code, code)
    );

    CREATE TABLE fund_log_heads (
      community_code text PRIMARY KEY REFERENCES places(code),
      size bigint NOT NULL,
      frontier jsonb NOT NULL
    );

    CREATE TABLE fund_transactions (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      seq bigint NOT NULL,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
      occurred_at timestamptz NOT NULL,
      memo text NOT NULL,
      source_kind text NOT NULL,
      source_ref text NOT NULL,
      reverses_id uuid REFERENCES fund_transactions(id),
      actor_id uuid REFERENCES accounts(id),
      entry text NOT NULL,
      leaf_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (community_code, seq),
      UNIQUE (community_code, source_kind, source_ref)
    );
    CREATE INDEX fund_transactions_period ON fund_transactions(community_code, period);

    CREATE TABLE fund_lines (
      transaction_id uuid NOT NULL REFERENCES fund_transactions(id),
      line_no smallint NOT NULL,
      community_code text NOT NULL,
      account text NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen <> 0),
      PRIMARY KEY (transaction_id, line_no),
      FOREIGN KEY (community_code, account) REFERENCES fund_accounts(community_code, code)
    );
    CREATE INDEX fund_lines_account ON fund_lines(community_code, account);

    CREATE TABLE fund_log_nodes (
      community_code text NOT NULL,
      level smallint NOT NULL,
      idx bigint NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (community_code, level, idx)
    );

    CREATE TABLE fund_tree_heads (
      community_code text NOT NULL REFERENCES places(code),
      size bigint NOT NULL,
      root text NOT NULL,
      signed_at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL,
      PRIMARY KEY (community_code, size)
    );

    CREATE TABLE fund_signing_keys (
      key_id text PRIMARY KEY,
      public_key text NOT NULL,
      private_key text,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE fund_periods (
      community_code text NOT NULL REFERENCES places(code),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
      closed_at timestamptz NOT NULL,
      closed_by uuid REFERENCES accounts(id),
      PRIMARY KEY (community_code, period)
    );

    CREATE TABLE fund_committee (
      community_code text NOT NULL REFERENCES places(code),
      account_id uuid NOT NULL REFERENCES accounts(id),
      display_name text NOT NULL,
      title text NOT NULL,
      added_at timestamptz NOT NULL,
      PRIMARY KEY (community_code, account_id)
    );

    CREATE TABLE fund_expenses (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      case_id uuid,
      project_ref text,
      purpose text NOT NULL,
      payee text NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      pay_from text NOT NULL,
      expense_account text NOT NULL,
      budget_line text NOT NULL,
      quote text NOT NULL,
      invoice_code text,
      invoice_number text,
      status text NOT NULL CHECK (status IN ('requested', 'approved', 'paid', 'rejected')),
      approvals_needed smallint NOT NULL,
      requested_by uuid NOT NULL REFERENCES accounts(id),
      requested_at timestamptz NOT NULL,
      paid_at timestamptz,
      paid_by uuid REFERENCES accounts(id),
      transaction_id uuid REFERENCES fund_transactions(id),
      receipt bytea,
      receipt_type text,
      CHECK (case_id IS NOT NULL OR project_ref IS NOT NULL)
    );
    CREATE INDEX fund_expenses_community ON fund_expenses(community_code, requested_at);
    CREATE UNIQUE INDEX fund_expenses_invoice ON fund_expenses(coalesce(invoice_code, ''), invoice_number)
      WHERE invoice_number IS NOT NULL;

    CREATE TABLE fund_approvals (
      expense_id uuid NOT NULL REFERENCES fund_expenses(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      approved_at timestamptz NOT NULL,
      PRIMARY KEY (expense_id, account_id)
    );

    CREATE TABLE fund_budgets (
      community_code text NOT NULL REFERENCES places(code),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      account text NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      PRIMARY KEY (community_code, year, account)
    );

    CREATE TABLE fund_idempotency (
      community_code text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status integer NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (community_code, key)
    );

    CREATE FUNCTION fund_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'fund ledger rows are immutable (%): reverse with a new transaction', TG_TABLE_NAME;
    END $$;
    CREATE TRIGGER fund_transactions_immutable BEFORE UPDATE OR DELETE ON fund_transactions
      FOR EACH ROW EXECUTE FUNCTION fund_immutable();
    CREATE TRIGGER fund_lines_immutable BEFORE UPDATE OR DELETE ON fund_lines
      FOR EACH ROW EXECUTE FUNCTION fund_immutable();
    CREATE TRIGGER fund_log_nodes_immutable BEFORE UPDATE OR DELETE ON fund_log_nodes
      FOR EACH ROW EXECUTE FUNCTION fund_immutable();
    CREATE TRIGGER fund_tree_heads_immutable BEFORE UPDATE OR DELETE ON fund_tree_heads
      FOR EACH ROW EXECUTE FUNCTION fund_immutable();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'fund_idempotency',
    'fund_budgets',
    'fund_approvals',
    'fund_expenses',
    'fund_committee',
    'fund_periods',
    'fund_signing_keys',
    'fund_tree_heads',
    'fund_log_nodes',
    'fund_lines',
    'fund_transactions',
    'fund_log_heads',
    'fund_accounts',
  ]) {
    await sql.raw(`DROP TABLE ${t}`).execute(db);
  }
  await sql`DROP FUNCTION fund_immutable()`.execute(db);
}
