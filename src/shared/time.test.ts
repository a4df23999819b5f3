/**
 * Shanghai time whatever the process's zone: this file runs the helpers under TZ=America/New_York (set before
 * anything reads the zone) and checks that day bounds and displayed times are Shanghai's.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatShanghai, shanghaiDate, shanghaiDateTime, shanghaiDayBound, shanghaiMidnightMs } from './time.ts';

process.env.TZ = 'America/New_York';

describe('Shanghai time in another zone', () => {
  it('really runs in New York time (the naive local computations would differ)', () => {
    expect(new Date('2026-11-27T00:00:00').toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });
  it('gives Shanghai day bounds for a date filter', () => {
    expect(shanghaiDayBound('2026-11-27')).toBe('2026-11-26T16:00:00.000Z');
    expect(shanghaiDayBound('2026-11-27', true)).toBe('2026-11-27T16:00:00.000Z');
    expect(shanghaiDayBound('')).toBeUndefined();
    expect(shanghaiDayBound('2026-13-45x')).toBeUndefined();
  });
  it('formats times as a clock in Shanghai shows them', () => {
    const t = '2026-11-27T02:05:00Z'; // 10:05 in Shanghai, 21:05 the day before in New York
    expect(formatShanghai(t, 'en-GB', { hour: '2-digit', minute: '2-digit' })).toBe('10:05');
    expect(formatShanghai(t, 'zh-CN', { month: '2-digit', day: '2-digit' })).toBe('11/27');
    expect(shanghaiDateTime(new Date(t))).toBe('2026-11-27 10:05');
    expect(formatShanghai('not a date', 'en-GB')).toBe('not a date');
  });
  it('date and midnight agree for every instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const d = shanghaiDate(t);
        const m = shanghaiMidnightMs(d);
        return m <= t && t < m + 86_400_000;
      }),
    );
  });
});
