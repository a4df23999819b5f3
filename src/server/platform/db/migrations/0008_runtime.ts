/**
 * Robustness of background work: escalation jobs remember their failures (attempts, last error, when to try
 * again) and are parked — kept and shown to staff, never retried forever — after too many; idempotency keys get
 * an index on their age so the retention clean-up is cheap.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE case_escalation_jobs ADD COLUMN attempts integer NOT NULL DEFAULT 0;
    ALTER TABLE case_escalation_jobs ADD COLUMN last_error text;
    ALTER TABLE case_escalation_jobs ADD COLUMN next_attempt_at timestamptz;
    ALTER TABLE case_escalation_jobs ADD COLUMN parked_at timestamptz;
    CREATE INDEX case_escalation_jobs_parked ON case_escalation_jobs(community_code) WHERE parked_at IS NOT NULL;
    CREATE INDEX case_idempotency_created ON case_idempotency(created_at);
  `,
  );
}
