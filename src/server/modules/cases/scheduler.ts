/**
 * The escalation scheduler. Due jobs live in case_escalation_jobs (so they survive restarts). Each job runs in
 * its own transaction that locks the CASE first (skipping a case another transaction holds) and then re-reads
 * the job under lock — the same order as user actions (case → job), so the two never deadlock — and escalates
 * only when the deadline the job was armed for still applies: a case is never escalated twice for one deadline,
 * however many instances run. A job that fails is retried with backoff and parked after {@link MAX_JOB_ATTEMPTS}
 * (kept, listed for staff, never retried forever). A pass that fails as a whole (database away) is logged and
 * the timer backs off. Each pass also deletes idempotency keys older than {@link IDEMPOTENCY_RETENTION_MS}.
 * The timer is optional: tests move a TestClock and call `tick()`.
 */
import { dueEscalation } from './domain/workflow.ts';
import type { CasesModule } from './module.ts';
import { stateOf } from './present.ts';
import { applyAction } from './transitions.ts';
import type { BusEvent } from '../../platform/events/bus.ts';
import { isDbUnavailable } from '../../platform/db/availability.ts';
import { errFields, silentLogger, type Logger } from '../../platform/log.ts';
import * as repo from './repository.ts';
import * as jobs from './repository/jobs.ts';

/** Failed runs after which a job is parked. */
export const MAX_JOB_ATTEMPTS = 5;
/** How long an Idempotency-Key is remembered (a client retrying later than this creates a new case). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const BATCH = 50;

/** Wait before the next run of a job that failed `attempts` times: 1, 2, 4, 8 … minutes, at most an hour. */
export function jobRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** Wait before the next pass after `failures` failed passes in a row: the interval doubling, at most a minute. */
function passRetryDelayMs(intervalMs: number, failures: number): number {
  return Math.min(Math.max(intervalMs, 60_000), intervalMs * 2 ** Math.min(failures, 16));
}

/** Runs escalation jobs. */
export class EscalationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private running: Promise<number> | null = null;
  /** Failed passes in a row (0 when the last pass succeeded). */
  failures = 0;

  constructor(
    private readonly m: CasesModule,
    private readonly log: Logger = silentLogger(),
  ) {}

  /** Processes every job due at the module clock's now; returns the number of escalations made. */
  tick(): Promise<number> {
    // One tick at a time per instance; other instances are kept apart by the row locks.
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    const now0 = this.m.clock();
    const purged = await jobs.purgeIdempotency(this.m.db, new Date(now0.getTime() - IDEMPOTENCY_RETENTION_MS));
    if (purged > 0)
      this.log.info({ component: 'scheduler', event: 'idempotency_purged', deleted: purged }, 'old idempotency keys');
    let total = 0;
    let after: jobs.JobKey | null = null;
    for (;;) {
      const now = this.m.clock();
      const batch = await jobs.dueJobs(this.m.db, now, BATCH, after);
      for (const j of batch) {
        try {
          if (await this.runJob(j, now)) total++;
        } catch (e) {
          // The database being away is the pass's failure (backoff for all), not this job's.
          if (isDbUnavailable(e)) throw e;
          await this.failJob(j, now, e);
        }
      }
      if (batch.length < BATCH) return total;
      after = batch[batch.length - 1]!;
    }
  }

  /** Runs one job; true when it escalated the case. */
  private async runJob(j: jobs.JobKey, now: Date): Promise<boolean> {
    const { event } = await this.m.db.transaction().execute(async (trx) => {
      const row = await jobs.lockCaseIfFree(trx, j.case_id);
      if (!row) return { event: null }; // a user action holds the case: next pass
      const job = await jobs.lockRunnableJob(trx, j, now);
      if (!job) return { event: null }; // done by another instance, or re-armed meanwhile
      const reason = dueEscalation(stateOf(row), now);
      const applies =
        reason !== null && row.level === j.level && (reason === 'overdue_accept') === (j.kind === 'accept');
      let event: BusEvent | null = null;
      if (reason && applies) {
        const r = await applyAction(
          this.m,
          trx,
          row,
          { type: 'escalate', reason },
          { actor: null, note: null, now, data: { auto: true } },
        );
        event = r.event;
      }
      await repo.finishJob(trx, j.case_id, j.kind, j.level, now, applies ? 'escalated' : 'obsolete');
      return { event };
    });
    if (event) await this.m.bus.publish(event);
    return event !== null;
  }

  /** Records a failed run: retry later with backoff, or park it after too many. */
  private async failJob(j: jobs.JobKey, now: Date, e: unknown): Promise<void> {
    const err = errFields(e);
    const attempts = (await jobs.attemptsOf(this.m.db, j)) + 1;
    const park = attempts >= MAX_JOB_ATTEMPTS;
    const next = park ? null : new Date(now.getTime() + jobRetryDelayMs(attempts));
    await jobs.recordJobFailure(
      this.m.db,
      j,
      `${err.code ? `${err.code} ` : ''}${err.name}: ${err.message}`,
      next,
      park ? now : null,
    );
    const fields = { component: 'scheduler', caseId: j.case_id, kind: j.kind, level: j.level, attempts, err };
    if (park) this.log.error({ ...fields, event: 'job_parked' }, 'escalation job parked after repeated failures');
    else this.log.warn({ ...fields, event: 'job_failed', nextAttemptAt: next?.toISOString() }, 'escalation job failed');
  }

  /** Starts the periodic timer (unref'd, so it never keeps the process alive); backs off while passes fail. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || !this.stopped) return;
    this.stopped = false;
    const next = (delay: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.tick().then(
          () => {
            if (this.failures > 0)
              this.log.info({ component: 'scheduler', event: 'scheduler_recovered', failures: this.failures }, 'ok');
            this.failures = 0;
            next(intervalMs);
          },
          (e: unknown) => {
            this.failures++;
            const delayMs = passRetryDelayMs(intervalMs, this.failures);
            this.log.warn(
              {
                component: 'scheduler',
                event: 'scheduler_pass_failed',
                failures: this.failures,
                nextDelayMs: delayMs,
                dbUnavailable: isDbUnavailable(e),
                err: errFields(e),
              },
              'scheduler pass failed',
            );
            next(delayMs);
          },
        );
      }, delay);
      this.timer.unref();
    };
    next(intervalMs);
  }

  /** Stops the timer and waits for a running tick. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
