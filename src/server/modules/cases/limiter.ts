/**
 * Fixed-window counters for report floods, per account and per IP, on the injected clock (so tests can move
 * time). In memory per instance: with several instances each enforces its own share, which is enough to stop a
 * flood without a database round trip on the hot path.
 */
import { AppError } from '../../platform/errors.ts';

/** A limiter over named keys. */
export class WindowLimiter {
  private readonly counts = new Map<string, { start: number; n: number }>();
  constructor(private readonly windowMs: number) {}

  /** Counts one hit for every key; throws CASE_RATE_LIMITED (with seconds to wait) when any key is over its max. */
  hit(now: number, keys: { key: string; max: number }[]): void {
    for (const { key, max } of keys) {
      const c = this.counts.get(key);
      if (c && now - c.start < this.windowMs && c.n >= max) {
        throw new AppError('CASE_RATE_LIMITED', {
          params: { seconds: Math.max(1, Math.ceil((c.start + this.windowMs - now) / 1000)) },
        });
      }
    }
    for (const { key } of keys) {
      const c = this.counts.get(key);
      if (!c || now - c.start >= this.windowMs) this.counts.set(key, { start: now, n: 1 });
      else c.n++;
    }
    if (this.counts.size > 50_000)
      for (const [k, c] of this.counts) if (now - c.start >= this.windowMs) this.counts.delete(k);
  }
}
