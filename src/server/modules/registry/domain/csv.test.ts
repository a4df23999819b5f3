import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes, parseCsv } from '../../../../shared/csv.ts';
import { toCsv } from './csv.ts';

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
  it('decodes GBK (Chinese Excel), UTF-8 with or without BOM, and UTF-16 with a BOM', () => {
    // "姓名,张三" as Chinese Excel saves it: GBK bytes, no BOM
    const gbk = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd]);
    expect(decodeCsvBytes(gbk)).toEqual({ text: '姓名,张三', encoding: 'gb18030' });
    expect(decodeCsvBytes(Buffer.from('\ufeff姓名,张三'))).toEqual({ text: '姓名,张三', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.from('姓名,张三'))).toEqual({ text: '姓名,张三', encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名,张三', 'utf16le')]);
    expect(decodeCsvBytes(le)).toEqual({ text: '姓名,张三', encoding: 'utf-16le' });
    const be = Buffer.from('\ufeff姓名', 'utf16le').swap16();
    expect(decodeCsvBytes(be)).toEqual({ text: '姓名', encoding: 'utf-16be' });
  });
  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => typeof decodeCsvBytes(b).text === 'string'));
  });
});
