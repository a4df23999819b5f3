import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CATEGORIES } from '../registry/demo/categories.ts';
import { generateDemoCommunity } from '../registry/demo/generate.ts';
import { DEFAULT_CATEGORIES, resolveCategories, resolveCategoryCode } from './domain/index.ts';

describe('one category vocabulary (registry demo ↔ engine)', () => {
  it('every demo facility category is an engine category with the same level', () => {
    const lv = { block: null, '5min': 5, '10min': 10, '15min': 15 } as const;
    for (const [code, d] of Object.entries(DEMO_FACILITY_CATEGORIES)) {
      const c = DEFAULT_CATEGORIES.find((x) => x.id === code);
      expect(c, code).toBeDefined();
      if (d.level !== null && c!.level !== 'block') expect(lv[c!.level], code).toBe(d.level);
    }
    for (const f of generateDemoCommunity().facilities)
      expect(resolveCategoryCode(f.category), f.category).toBe(f.category);
  });
  it('resolves aliases, names and old engine ids; unknown → null', () => {
    expect(resolveCategoryCode('elderly_daycare')).toBe('elderly_day_care');
    expect(resolveCategoryCode('日间照料中心')).toBe('elderly_day_care');
    expect(resolveCategoryCode('老年人日间照料中心')).toBe('elderly_day_care');
    expect(resolveCategoryCode('Wet market / fresh-food supermarket')).toBe('wet_market');
    expect(resolveCategoryCode('clinic')).toBe('health_station');
    expect(resolveCategoryCode('Public Toilet')).toBe('public_toilet');
    expect(resolveCategoryCode('rocket_launch_site')).toBeNull();
    expect(resolveCategoryCode('  ')).toBeNull();
  });
  it('defaults are overridable config', () => {
    const cats = resolveCategories(
      [
        { id: 'elderly_day_care', maxDistanceM: 500 },
        { id: 'barber', zh: '理发', level: 'block' },
      ],
      ['police'],
    );
    expect(cats.find((c) => c.id === 'elderly_day_care')!.maxDistanceM).toBe(500);
    expect(cats.some((c) => c.id === 'police')).toBe(false);
    expect(resolveCategoryCode('barber', cats)).toBe('barber');
  });
});
