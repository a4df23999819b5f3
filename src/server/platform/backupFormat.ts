/** The backup file's format, shared by `backup` (write) and `restore` (read). */
import type { Database } from './db/schema.ts';

/**
 * Tables in insertion (foreign-key) order, with the column that orders rows stably. `sessions` is left out on
 * purpose: live session tokens would work again after a restore.
 */
/**
 * The tables a backup carries, in restore order. `replace`: a table the migrations seed (so a fresh target is never
 * empty there); restore replaces its rows with the backup's instead of refusing the target.
 */
export const BACKUP_TABLES: { table: keyof Database; order: string; replace?: boolean }[] = [
  { table: 'places', order: 'length(code), code' },
  { table: 'compounds', order: 'id' },
  { table: 'buildings', order: 'id' },
  { table: 'households', order: 'id' },
  { table: 'residents', order: 'id' },
  { table: 'facilities', order: 'id' },
  { table: 'roads', order: 'id' },
  { table: 'candidate_sites', order: 'id' },
  { table: 'accounts', order: 'id' },
  { table: 'audit_log', order: 'seq' }, // chain order: restore re-links the rows in this order
  { table: 'case_api_keys', order: 'id' },
  { table: 'case_patrols', order: 'id' },
  { table: 'cases', order: 'created_at, id' },
  { table: 'case_events', order: 'id' },
  { table: 'case_photos', order: 'id' },
  { table: 'case_supporters', order: 'case_id, account_id' },
  { table: 'case_notifications', order: 'id' },
  { table: 'case_escalation_jobs', order: 'case_id, kind, level' },
  { table: 'case_idempotency', order: 'owner, key' },
  { table: 'circle_networks', order: 'id' },
  { table: 'circle_facilities', order: 'id' },
  { table: 'calendar_years', order: 'year', replace: true },
  // cobuild (0014), in foreign-key order; cobuild_secrets is left out: a restored site makes a new check-in secret
  { table: 'cobuild_units', order: 'id' },
  { table: 'cobuild_commitments', order: 'id' },
  { table: 'cobuild_resources', order: 'id' },
  { table: 'cobuild_members', order: 'id' },
  { table: 'cobuild_needs', order: 'id' },
  { table: 'cobuild_projects', order: 'id' },
  { table: 'cobuild_project_updates', order: 'id' },
  { table: 'cobuild_evidence', order: 'id' },
  { table: 'cobuild_volunteers', order: 'id' },
  { table: 'cobuild_activities', order: 'id' },
  { table: 'cobuild_signups', order: 'seq' },
  { table: 'cobuild_attendance', order: 'activity_id, volunteer_id' },
  { table: 'cobuild_code_uses', order: 'activity_id, volunteer_id, step' },
  { table: 'cobuild_hours', order: 'at, id' },
  { table: 'care_subjects', order: 'resident_id' },
  { table: 'care_carers', order: 'resident_id, account_id' },
  { table: 'care_visits', order: 'id' },
  { table: 'notices', order: 'id' },
  { table: 'notice_households', order: 'notice_id, household_id' },
  // fund (0011): the ledger, its Merkle log, signed heads and the signing key (a backup is secret: docs/operations.md)
  { table: 'fund_accounts', order: 'community_code, code' },
  { table: 'fund_log_heads', order: 'community_code' },
  { table: 'fund_transactions', order: 'community_code, seq' },
  { table: 'fund_lines', order: 'transaction_id, line_no' },
  { table: 'fund_log_nodes', order: 'community_code, level, idx' },
  { table: 'fund_signing_keys', order: 'key_id' },
  { table: 'fund_tree_heads', order: 'community_code, size' },
  { table: 'fund_periods', order: 'community_code, period' },
  { table: 'fund_committee', order: 'community_code, account_id' },
  { table: 'fund_expenses', order: 'id' },
  { table: 'fund_approvals', order: 'expense_id, account_id' },
  { table: 'fund_budgets', order: 'community_code, year, account' },
  { table: 'shop_suppliers', order: 'id' },
  { table: 'shop_products', order: 'id' },
  { table: 'shop_product_photos', order: 'id' },
  { table: 'shop_stock', order: 'product_id, location' },
  { table: 'shop_live_sessions', order: 'id' },
  { table: 'shop_sales', order: 'no' },
  { table: 'shop_sale_lines', order: 'sale_id, line_no' },
  { table: 'shop_refunds', order: 'id' },
  { table: 'shop_refund_lines', order: 'refund_id, sale_line_id' },
  { table: 'shop_stock_moves', order: 'seq' },
  { table: 'shop_import_mappings', order: 'community_code, platform' },
  { table: 'shop_imports', order: 'id' },
  { table: 'shop_settings', order: 'community_code' },
  { table: 'shop_settlements', order: 'id' },
  { table: 'shop_idempotency', order: 'owner, key' },
  { table: 'consult_topics', order: 'id' },
  { table: 'consult_stage_dates', order: 'topic_id, started_at, stage' },
  { table: 'consult_topic_cases', order: 'topic_id, case_id' },
  { table: 'consult_comments', order: 'created_at, id' },
  { table: 'consult_supports', order: 'topic_id, account_id' },
  { table: 'consult_proposals', order: 'id' },
  { table: 'consult_meetings', order: 'id' },
  { table: 'consult_drawings', order: 'id' },
  { table: 'consult_projects', order: 'id' },
  { table: 'consult_milestones', order: 'project_id, seq' },
  { table: 'consult_project_photos', order: 'id' },
  { table: 'consult_votes', order: 'id' },
  { table: 'consult_vote_roll', order: 'vote_id, household_id' },
  { table: 'consult_participants', order: 'vote_id, voter_key' },
  { table: 'consult_ballots', order: 'vote_id, id' },
];

/** Tables older backups carry that restore skips (see BACKUP_TABLES). */
export const SKIPPED = new Set(['sessions']);

/** Header line of a backup file. */
export interface Header {
  format: 'linli-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  counts: Record<string, number>;
}
