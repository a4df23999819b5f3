import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';

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

describe('maskIdNumber', () => {
  it.each([
    ['62070219900101123X', '620************23X'],
    ['62070219900101123x', '620************23X'],
    ['620702900101123', '620*********123'],
    ['123456', '******'],
    ['1234567', '123*567'],
    [null, ''],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
  it('keeps length and supports the 6 + 4 form', () => {
    const out = maskIdNumber('11010519491231002X', 6, 4);
    expect(out).toBe('110105********002X');
    expect(out).toHaveLength(18);
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
