/**
 * Password-spraying brake: failed logins are counted per client IP across all usernames (the per-IP-and-username
 * rate limit alone lets one address try one password on 40 accounts). After `freeFailures` failures within the
 * window, every further attempt from that IP must wait a delay that doubles with each failure (1 s, 2 s, 4 s …
 * up to `maxDelayMs`); attempts during the wait are refused before the password is looked at, so a correct guess
 * cannot be told apart. An attempt counts as failed from its start (and is taken back on success), so parallel
 * requests cannot slip through together. Kept in memory per server process (several instances each brake alone).
 */

/** Tuning of the brake. */
export interface ThrottleOptions {
  freeFailures: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Most addresses remembered; the oldest are forgotten first. */
  maxIps: number;
}

/** Defaults: 5 free failures per hour, then 1 s doubling up to 15 min. */
export const THROTTLE_DEFAULTS: ThrottleOptions = {
  freeFailures: 5,
  windowMs: 3_600_000,
  baseDelayMs: 1_000,
  maxDelayMs: 900_000,
  maxIps: 100_000,
};

/** The delay (ms) owed after `failures` failures in the window; 0 below the free allowance. Pure. */
export function delayFor(failures: number, o: ThrottleOptions): number {
  if (failures < o.freeFailures) return 0;
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(30, failures - o.freeFailures));
}

/** Failed-login bookkeeping per IP. */
export class LoginThrottle {
  private readonly fails = new Map<string, number[]>();
  constructor(private readonly o: ThrottleOptions = THROTTLE_DEFAULTS) {}

  private recent(ip: string, now: number): number[] {
    const list = (this.fails.get(ip) ?? []).filter((t) => t > now - this.o.windowMs);
    if (list.length) this.fails.set(ip, list);
    else this.fails.delete(ip);
    return list;
  }

  /**
   * Starts an attempt: returns the ms still to wait (the attempt is refused) or 0 and a ticket that
   * {@link succeeded} takes back.
   */
  begin(ip: string, now: number): { waitMs: number; ticket: number } {
    const list = this.recent(ip, now);
    const last = list[list.length - 1];
    const waitMs = last === undefined ? 0 : Math.max(0, last + delayFor(list.length, this.o) - now);
    if (waitMs > 0) return { waitMs, ticket: -1 };
    if (!this.fails.has(ip) && this.fails.size >= this.o.maxIps) {
      const oldest = this.fails.keys().next().value;
      if (oldest !== undefined) this.fails.delete(oldest);
    }
    this.fails.delete(ip); // re-insert: Map order is then least recently failed first
    this.fails.set(ip, [...list, now]);
    return { waitMs: 0, ticket: now };
  }

  /** The attempt with this ticket succeeded: it is no failure. */
  succeeded(ip: string, ticket: number): void {
    const list = this.fails.get(ip);
    if (!list) return;
    const i = list.lastIndexOf(ticket);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.fails.delete(ip);
  }
}
