import { describe, expect, it } from 'vitest';
import { isMaskedIdNumber, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['+86 138-1234-1234', '+86 138****1234'],
    ['008613812341234', '+86 138****1234'],
    ['8613812341234', '+86 138****1234'],
    ['0936-8212345', '0936-***2345'],
    ['(010) 82123456', '010-****3456'],
    ['02112345678', '021-****5678'],
    ['8212345', '82***45'],
    ['12345', '1***5'],
    ['110', '1*0'],
    ['12', '**'],
    ['abc', '***'],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

// The rule changed (privacy issue item 2): only the last 4 characters are kept; the head (place code and birth
// date) is never shown, since with a visible birth date it gave the whole number back.
describe('maskIdNumber', () => {
  it.each([
    ['62070219900101123X', '**************123X'],
    ['62070219900101123x', '**************123X'],
    ['620702900101123', '************123'],
    ['1234', '****'],
    ['1234567', '***4567'],
    [null, ''],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
  it('keeps the length and recognises its own output', () => {
    const out = maskIdNumber('11010519491231002X');
    expect(out).toHaveLength(18);
    expect(isMaskedIdNumber(out)).toBe(true);
    expect(isMaskedIdNumber(maskIdNumber(out))).toBe(true);
    expect(isMaskedIdNumber('620************404')).toBe(false);
    expect(isMaskedIdNumber('11010519491231002X')).toBe(false);
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['张', '*'],
    ['欧阳娜娜', '欧***'],
    ['阿依·买买提', '阿*·***'],
    ['John Smith', 'J*** *****'],
    ['𠮷野家', '𠮷**'],
    [' 李四 ', '李*'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%s → %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});
