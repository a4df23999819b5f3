/**
 * The escalation scheduler. Due jobs live in case_escalation_jobs (so they survive restarts); `tick()` locks due
 * jobs with FOR UPDATE SKIP LOCKED (several instances never take the same job), re-checks the case under a row
 * lock and escalates only when the deadline the job was armed for still applies — so a case is never escalated
 * twice for one deadline. The timer is optional: tests move a TestClock and call `tick()`.
 */
import { dueEscalation } from './domain/workflow.ts';
import type { CasesModule } from './module.ts';
import { stateOf } from './present.ts';
import { applyAction } from './transitions.ts';
import type { BusEvent } from '../../platform/events/bus.ts';
import * as repo from './repository.ts';

/** Runs escalation jobs. */
export class EscalationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly m: CasesModule) {}

  /** Processes every job due at the module clock's now; returns the number of escalations made. */
  tick(): Promise<number> {
    // One tick at a time per instance; other instances are kept apart by the row locks.
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.m.clock();
      const { done, events, escalated } = await this.m.db.transaction().execute(async (trx) => {
        const jobs = await repo.lockDueJobs(trx, now, 50);
        const events: BusEvent[] = [];
        let escalated = 0;
        for (const j of jobs) {
          const row = await repo.lockCase(trx, j.case_id);
          const reason = row ? dueEscalation(stateOf(row), now) : null;
          const applies =
            row && reason && row.level === j.level && (reason === 'overdue_accept') === (j.kind === 'accept');
          if (row && reason && applies) {
            const r = await applyAction(
              this.m,
              trx,
              row,
              { type: 'escalate', reason },
              { actor: null, note: null, now, data: { auto: true } },
            );
            events.push(r.event);
            escalated++;
          }
          await repo.finishJob(trx, j.case_id, j.kind, j.level, now, applies ? 'escalated' : 'obsolete');
        }
        return { done: jobs.length, events, escalated };
      });
      for (const e of events) await this.m.bus.publish(e);
      total += escalated;
      if (done < 50) return total;
    }
  }

  /** Starts the periodic timer (unref'd, so it never keeps the process alive). */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a running tick. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
