import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordAcceptable, passwordProblem, trivialDigits } from './password.ts';
import { commonPasswords } from '../commonPasswords.ts';

const common = commonPasswords();

describe('passwordAcceptable (length and character classes)', () => {
  it.each([
    ['linli-demo1', true],
    ['abcdefg1', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc123', false],
    ['a1'.repeat(101), false],
  ])('%s → %s', (pw, ok) => expect(passwordAcceptable(pw)).toBe(ok));
});

describe('passwordProblem', () => {
  it('ships the list: the top 10,000 plus the Chinese patterns', () => {
    expect(common.size).toBeGreaterThan(10_000);
    for (const w of ['123456', 'password', '5201314', 'woaini1314', 'qq123456', 'zhang'])
      expect(common.has(w)).toBe(true);
  });

  it.each([
    ['a123456', 'WEAK_PASSWORD'],
    ['88888888', 'WEAK_PASSWORD'],
    ['password1', 'PASSWORD_TOO_COMMON'],
    ['Password1', 'PASSWORD_TOO_COMMON'],
    ['1qaz2wsx', 'PASSWORD_TOO_COMMON'],
    ['woaini1314', 'PASSWORD_TOO_COMMON'],
    ['qq123456', 'PASSWORD_TOO_COMMON'],
    ['a12345678', 'PASSWORD_TOO_COMMON'],
    ['zhang123', 'PASSWORD_TOO_COMMON'],
    ['Wang@1988', 'PASSWORD_TOO_COMMON'],
    ['li19900101', 'PASSWORD_TOO_COMMON'],
    ['abc19900101', 'PASSWORD_TOO_COMMON'],
    ['x01011990', 'PASSWORD_TOO_COMMON'],
    ['ab88888888', 'PASSWORD_TOO_COMMON'],
    ['a5201314', 'PASSWORD_TOO_COMMON'],
    ['dragon2026', 'PASSWORD_TOO_COMMON'],
    ['a1a1a1a1', 'PASSWORD_TOO_COMMON'],
    ['abcdefg1', 'PASSWORD_TOO_COMMON'],
    ['grid01-2026', 'PASSWORD_CONTAINS_USERNAME'],
    ['x-GRID01-x9', 'PASSWORD_CONTAINS_USERNAME'],
    ['new-pass-2026', null],
    ['start-2026x', null],
    ['li8203948571', null],
    ['河西走廊2026ok', null],
    ['Tq7-marble-lantern', null],
  ])('%s → %s', (pw, expected) => expect(passwordProblem(pw, 'grid01', common)).toBe(expected));

  it('refuses every password that contains the username, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const pw = `${a}Dh_Staff${b}9x`;
        expect(passwordProblem(pw, 'dh_staff', common)).toBe('PASSWORD_CONTAINS_USERNAME');
      }),
    );
  });

  it('treats counting, repeated and date-like digit runs as trivial, random ones not', () => {
    for (const d of ['123456', '987654', '7890', '121212', '520520', '19881231', '12311988', '881231', '1314'])
      expect(trivialDigits(d, common)).toBe(true);
    for (const d of ['8203948571', '3907', '48213957']) expect(trivialDigits(d, common)).toBe(false);
  });
});
