import { describe, expect, it } from 'vitest';
import { checkArea, checkBirthMatchesId, checkIdNumber, checkPhone } from './validate.ts';

describe('client-side registry checks', () => {
  it('phone: 11 digits starting with 1, optional', () => {
    expect(checkPhone('13812341234')).toBeNull();
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('1381234123')).toBe('person.badPhone');
    expect(checkPhone('23812341234')).toBe('person.badPhone');
    expect(checkPhone('0936-1234567')).toBeNull();
  });
  it('ID number: GB 11643 test vector and failures', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('110105194912310021')).toBe('person.badIdCheck');
    expect(checkIdNumber('110105194913310021')).toBe('person.badIdDate');
    expect(checkIdNumber('1101051949')).toBe('person.badIdFormat');
  });
  it('birth date must match the ID', () => {
    expect(checkBirthMatchesId('1949-12-31', '11010519491231002X')).toBeNull();
    expect(checkBirthMatchesId('1950-01-01', '11010519491231002X')).toBe('person.idBirthMismatch');
  });
  it('area > 0', () => {
    expect(checkArea(0)).toBe('household.areaPositive');
    expect(checkArea(-1)).toBe('household.areaPositive');
    expect(checkArea('abc')).toBe('household.areaPositive');
    expect(checkArea(56.5)).toBeNull();
  });
});
