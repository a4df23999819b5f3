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
