import { describe, expect, it } from 'vitest';
import { passwordAcceptable } from './password.ts';

describe('passwordAcceptable', () => {
  it.each([
    ['linli-demo1', true],
    ['abcdefg1', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc123', false],
    ['a1'.repeat(101), false],
  ])('%s → %s', (pw, ok) => expect(passwordAcceptable(pw)).toBe(ok));
});
