import { describe, expect, it } from 'vitest';
import {
  gridWidthMismatches,
  describeCommitteeType,
  describeStreetType,
  isCommunityCode,
  isCountyCode,
  isGridCode,
  isStreetCode,
  levelOfCode,
  parentCode,
  STREET_TYPE_LABELS,
} from './codes.ts';

describe('codes', () => {
  it.each([
    ['620702', 'county', null],
    ['620700', null, null],
    ['000702', null, null],
    ['620702004', 'street', '620702'],
    ['620702000', null, null],
    ['620702100', 'street', '620702'],
    ['620702211', 'street', '620702'],
    ['620702600', null, null],
    ['620702004001', 'community', '620702004'],
    ['620702004201', 'community', '620702004'],
    ['620702004000', null, null],
    ['620702004700', null, null],
    ['62070200400101', 'grid', '620702004001'],
    ['62070200400100', null, null],
    ['620702004001001', 'grid', '620702004001'],
    ['620702004001000', null, null],
    ['6207020040010012', null, null],
    ['62070a', null, null],
    ['', null, null],
  ])('%s → level %s, parent %s', (code, level, parent) => {
    expect(levelOfCode(code)).toBe(level);
    expect(parentCode(code)).toBe(parent);
  });

  it('rejects non-strings (numbers lose leading zeros)', () => {
    for (const v of [620702, null, undefined, {}, ['620702']]) {
      expect(isCountyCode(v)).toBe(false);
      expect(isStreetCode(v)).toBe(false);
      expect(isCommunityCode(v)).toBe(false);
      expect(isGridCode(v)).toBe(false);
      expect(levelOfCode(v)).toBeNull();
    }
  });

  it.each([
    ['620702004', 'street', '街道'],
    ['620702112', 'town', '镇'],
    ['620702202', 'township', '乡'],
    ['620702400', 'township_like', '乡级类似单位'],
    ['620702000', null, null],
  ])('describeStreetType(%s) = %s', (code, type, zh) => {
    const t = describeStreetType(code);
    expect(t).toBe(type);
    expect(t === null ? null : STREET_TYPE_LABELS[t].zh).toBe(zh);
  });

  it.each([
    ['620702004001', 'residents'],
    ['620702004199', 'residents'],
    ['620702004200', 'village'],
    ['620702004399', 'village'],
    ['620702004450', 'residents_like'],
    ['620702004550', 'village_like'],
    ['620702004600', null],
  ])('describeCommitteeType(%s) = %s', (code, type) => {
    expect(describeCommitteeType(code)).toBe(type);
  });

  it('chains parentCode from grid to county', () => {
    const chain: string[] = [];
    for (let c: string | null = '620702004001012'; c !== null; c = parentCode(c)) chain.push(c);
    expect(chain).toEqual(['620702004001012', '620702004001', '620702004', '620702']);
  });
});

describe('grid code width per community', () => {
  it('keeps one width: the existing grids decide, else the first incoming code', () => {
    expect(gridWidthMismatches(['62070200400601'], ['620702004006011', '62070200400609'])).toEqual(['620702004006011']);
    expect(gridWidthMismatches([], ['620702004006011', '62070200400609'])).toEqual(['62070200400609']);
    expect(gridWidthMismatches([], [])).toEqual([]);
  });
});
