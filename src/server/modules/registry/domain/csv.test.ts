import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.ts';

describe('csv', () => {
  it('parses quotes, commas, newlines and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","d""e"\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', '', 'z'],
    ]);
  });
  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow();
  });
  it('round-trips any table of safe cells', () => {
    const cell = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv(rows));
        expect(back).toEqual(rows);
      }),
    );
  });
  it('neutralises formulas', () => {
    expect(toCsv([['=cmd()', '-5']])).toBe("\ufeff'=cmd(),-5\r\n");
  });
});
