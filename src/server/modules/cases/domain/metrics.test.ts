import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indicators, metricsGroupKey, type CaseFacts } from './metrics.ts';
import { findDuplicates, distanceM } from './duplicates.ts';
import { STATUSES, type Status } from './status.ts';

const T = Date.parse('2026-11-27T02:00:00Z');
const facts = fc
  .record({
    status: fc.constantFrom<Status>(...STATUSES),
    acceptBy: fc.option(fc.integer({ min: -1e8, max: 1e8 }).map((d) => new Date(T + d))),
    resolveBy: fc.integer({ min: -1e8, max: 1e8 }).map((d) => new Date(T + d)),
    accepted: fc.option(fc.boolean()),
    closedOnTime: fc.boolean(),
    reworkCount: fc.nat(3),
    extensionCount: fc.nat(2),
    rating: fc.option(fc.integer({ min: 1, max: 5 })),
  })
  .map(
    (r): CaseFacts => ({
      status: r.status,
      acceptBy: r.acceptBy,
      resolveBy: r.resolveBy,
      acceptedAt: r.accepted === null ? null : new Date(T),
      acceptedOnTime: r.accepted,
      resolvedAt: null,
      closedAt: ['closed', 'evaluated'].includes(r.status) ? new Date(T) : null,
      closedOnTime: ['closed', 'evaluated'].includes(r.status) ? r.closedOnTime : null,
      reworkCount: r.reworkCount,
      extensionCount: r.extensionCount,
      rating: r.status === 'evaluated' ? (r.rating ?? 3) : null,
    }),
  );

describe('indicators', () => {
  it('reproduces the worked example ratios (结案 911/972, 按期 737/972)', () => {
    const mk = (closed: boolean, onTime: boolean): CaseFacts => ({
      status: closed ? 'closed' : 'handling',
      acceptBy: null,
      resolveBy: new Date(T - 1),
      acceptedAt: new Date(T - 5),
      acceptedOnTime: true,
      resolvedAt: null,
      closedAt: closed ? new Date(T) : null,
      closedOnTime: closed ? onTime : null,
      reworkCount: 0,
      extensionCount: 0,
      rating: null,
    });
    const list = [
      ...Array.from({ length: 737 }, () => mk(true, true)),
      ...Array.from({ length: 174 }, () => mk(true, false)),
      ...Array.from({ length: 61 }, () => mk(false, false)),
    ];
    const r = indicators(list, new Date(T));
    expect(r.due).toBe(972);
    expect(r.rates.closure!.toFixed(4)).toBe('0.9372');
    expect(r.rates.onTimeClosure!.toFixed(4)).toBe('0.7582');
  });

  it('property: rates lie in [0, 1] (or null) and counts nest', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 60 }), (list) => {
        const r = indicators(list, new Date(T));
        for (const v of Object.values(r.rates))
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        expect(r.closedOnTime).toBeLessThanOrEqual(r.closed);
        expect(r.closed).toBeLessThanOrEqual(r.due);
        expect(r.due).toBeLessThanOrEqual(r.registered);
        expect(r.satisfied).toBeLessThanOrEqual(r.rated);
      }),
      { numRuns: 300 },
    );
  });
});

describe('duplicates', () => {
  const base = { categoryCode: 'X01', status: 'dispatched' as Status, createdAt: new Date(T - 86_400_000) };
  it('offers open cases of the same class within 50 m in the last 7 days only', () => {
    const lon = 100.45,
      lat = 38.93;
    const c = [
      { ...base, id: 'near', lon: lon + 0.0003, lat },
      { ...base, id: 'far', lon: lon + 0.001, lat },
      { ...base, id: 'other-class', categoryCode: 'X02', lon, lat },
      { ...base, id: 'closed', status: 'closed' as Status, lon, lat },
      { ...base, id: 'old', createdAt: new Date(T - 8 * 86_400_000), lon, lat },
    ];
    expect(findDuplicates({ categoryCode: 'X01', lon, lat, at: new Date(T) }, c).map((x) => x.id)).toEqual(['near']);
    expect(distanceM(lon, lat, lon + 0.0003, lat)).toBeGreaterThan(20);
  });
});

describe('metrics grouping', () => {
  it('groups by the whole grid code: two 15-digit grids are two rows, not one 14-digit prefix', () => {
    const c = '620702004006';
    expect(metricsGroupKey(`${c}011`, c, 'grid')).toBe(`${c}011`);
    expect(metricsGroupKey(`${c}012`, c, 'grid')).not.toBe(metricsGroupKey(`${c}011`, c, 'grid'));
    expect(metricsGroupKey(`${c}01`, c, 'grid')).toBe(`${c}01`);
    expect(metricsGroupKey(null, c, 'grid')).toBe(`${c}··`);
    expect(metricsGroupKey(`${c}011`, c, 'community')).toBe(c);
    expect(metricsGroupKey(`${c}011`, c, 'street')).toBe('620702004');
  });
});
