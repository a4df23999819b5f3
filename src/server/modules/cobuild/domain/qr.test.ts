import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptedSteps, CODE_ALPHABET, CODE_LENGTH, codeFromDigest, normaliseCode, stepOf, STEP_MS } from './qr.ts';

describe('rotating codes', () => {
  it('accepts only the current and the previous 30-second step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (t) => {
        const [cur, prev] = acceptedSteps(t);
        expect(cur).toBe(stepOf(t));
        expect(prev).toBe(cur - 1);
        // a code of step s works until the end of step s + 1, i.e. at most 60 s and at least 30 s
        expect(acceptedSteps(t + 2 * STEP_MS)).not.toContain(cur);
      }),
    );
  });
  it('makes 8 unambiguous characters of any digest and reads typed codes forgivingly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (d) => {
        const c = codeFromDigest(d);
        expect(c).toHaveLength(CODE_LENGTH);
        for (const ch of c) expect(CODE_ALPHABET).toContain(ch);
        expect(normaliseCode(c.toLowerCase().replace(/(....)/, '$1-'))).toBe(c);
      }),
    );
    expect(normaliseCode('o1l-i 2')).toBe('01112');
  });
});
