import { describe, expect, it } from 'vitest';
import { matchAddress, normalizeAddress } from './address.ts';

const places = [
  { kind: 'compound' as const, id: 'c1', name: '丝路嘉苑' },
  { kind: 'building' as const, id: 'b1', name: '丝路嘉苑1号楼' },
  { kind: 'building' as const, id: 'b11', name: '丝路嘉苑11号楼' },
  { kind: 'compound' as const, id: 'c2', name: '东湖小区' },
];

describe('address matching', () => {
  it('normalises the usual spellings of a building', () => {
    const spellings = ['丝路嘉苑1号楼', '丝路嘉苑一号楼', '丝路嘉苑 1 栋', '丝路嘉苑１幢', '丝路嘉苑1号'];
    for (const s of spellings) expect(normalizeAddress(s)).toBe('丝路嘉苑1号楼');
    expect(normalizeAddress('丝路嘉苑十一号楼二单元')).toBe('丝路嘉苑11号楼2单元');
  });

  it('picks the building over its compound, and never 1号楼 inside 11号楼', () => {
    expect(matchAddress('甘州区北街街道东湖社区丝路嘉苑1号楼2单元301', places)?.id).toBe('b1');
    expect(matchAddress('丝路嘉苑一栋', places)?.id).toBe('b1');
    expect(matchAddress('丝路嘉苑11栋楼下', places)?.id).toBe('b11');
    expect(matchAddress('丝路嘉苑北门', places)?.id).toBe('c1');
    expect(matchAddress('丝路嘉苑21号楼', places)?.id).toBe('c1');
    expect(matchAddress('东湖小区', places)?.id).toBe('c2');
    expect(matchAddress('人民广场', places)).toBeNull();
  });
});
