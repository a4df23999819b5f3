/** The metres shown beside the GB verdict never contradict it, whatever the rounding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownMetres } from './NearbyCard.tsx';

describe('shownMetres', () => {
  it('agrees with the verdict for every distance and limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(300, 500, 1000), (m, gb) => {
        const within = m <= gb;
        const shown = shownMetres(m, gb, within);
        expect(within ? shown <= gb : shown > gb).toBe(true);
        expect(Math.abs(shown - m)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('shows whole metres otherwise', () => {
    expect(shownMetres(415.2, 300, false)).toBe(415);
    expect(shownMetres(500.4, 500, false)).toBe(501);
    expect(shownMetres(299.6, 300, true)).toBe(300);
  });
});
