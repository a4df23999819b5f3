import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCheckChar, makeIdNumber, validateIdNumber } from './idNumber.ts';

const region = fc.stringMatching(/^[1-9]\d{5}$/);
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-10-03T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const seq = fc.integer({ min: 0, max: 999 });

describe('idCheckChar', () => {
  it('matches the GB 11643 test vector', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('rejects input that is not 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100a')).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('accepts the test vector, including lowercase x, and decodes it', () => {
    for (const s of ['11010519491231002X', '11010519491231002x', ' 11010519491231002X ']) {
      expect(validateIdNumber(s)).toEqual({
        ok: true,
        normalized: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
        regionCode: '110105',
      });
    }
  });
  it('reports format, birth date and check character errors', () => {
    expect(validateIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('1101051949123100XX')).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'check_char' });
    const feb29 = makeIdNumber('620702', '2000-02-29', 11);
    expect(validateIdNumber(feb29).ok).toBe(true);
    const bad = `62070219000229011`;
    expect(validateIdNumber(bad + idCheckChar(bad))).toEqual({ ok: false, reason: 'birth_date' });
    const apr31 = `62070220010431011`;
    expect(validateIdNumber(apr31 + idCheckChar(apr31))).toEqual({ ok: false, reason: 'birth_date' });
  });
  it('rejects birth dates after `today`', () => {
    const id = makeIdNumber('620702', '2024-10-04', 12);
    expect(validateIdNumber(id, '2024-10-03')).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateIdNumber(id, '2024-10-04').ok).toBe(true);
  });
  it('every made number validates and decodes back (property)', () => {
    fc.assert(
      fc.property(region, birth, seq, (r, b, q) => {
        const id = makeIdNumber(r, b, q);
        const v = validateIdNumber(id, '2024-10-03');
        expect(v).toEqual({
          ok: true,
          normalized: id,
          birthDate: b,
          gender: q % 2 === 1 ? 'male' : 'female',
          regionCode: r,
        });
      }),
    );
  });
  it('changing any one character breaks the number (property)', () => {
    fc.assert(
      fc.property(region, birth, seq, fc.nat(17), fc.integer({ min: 1, max: 10 }), (r, b, q, pos, delta) => {
        const id = makeIdNumber(r, b, q);
        const chars = '0123456789X';
        const alphabet = pos === 17 ? chars : chars.slice(0, 10);
        const old = alphabet.indexOf(id.charAt(pos));
        const next = alphabet.charAt((old + (delta % alphabet.length || 1)) % alphabet.length);
        const mutated = id.slice(0, pos) + next + id.slice(pos + 1);
        expect(mutated).not.toBe(id);
        expect(validateIdNumber(mutated).ok).toBe(false);
      }),
    );
  });
});

describe('makeIdNumber', () => {
  it('rejects bad input', () => {
    expect(() => makeIdNumber('62070', '2000-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('620702', '2000-13-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('620702', '2000-01-01', 1000)).toThrow(RangeError);
  });
});
