import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, bornAfterForAge, shanghaiDate } from './age.ts';

describe('ageOn', () => {
  it.each([
    ['1960-05-10', '2026-05-09', 65],
    ['1960-05-10', '2026-05-10', 66],
    ['2012-11-27', '2026-11-27', 14],
    ['2012-11-28', '2026-11-27', 13],
    ['2000-02-29', '2026-02-28', 25],
  ])('%s on %s → %i', (b, t, a) => expect(ageOn(b, t)).toBe(a));

  it('someone born after bornAfterForAge(n) is under n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        (n, b, t) => {
          const birth = b.toISOString().slice(0, 10);
          const today = t.toISOString().slice(0, 10);
          if (today.endsWith('02-29')) return;
          expect(ageOn(birth, today) < n).toBe(birth > bornAfterForAge(n, today));
        },
      ),
    );
  });

  it('on 29 February the child cut-off is a real date (28 February of a common year)', () => {
    expect(bornAfterForAge(14, '2024-02-29')).toBe('2010-02-28');
    expect(bornAfterForAge(4, '2024-02-29')).toBe('2020-02-29');
    for (const birth of ['2010-02-28', '2010-03-01']) {
      expect(ageOn(birth, '2024-02-29') < 14).toBe(birth > bornAfterForAge(14, '2024-02-29'));
    }
  });

  it('shanghaiDate is UTC+8', () => {
    expect(shanghaiDate(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    expect(shanghaiDate(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
});
