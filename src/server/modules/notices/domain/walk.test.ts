import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { walkLength, walkOrder, type WalkStop } from './walk.ts';

const stop = (id: string, b: string | null, p: [number, number] | null, unit = '1', room = '101'): WalkStop => ({
  id,
  buildingId: b,
  point: p,
  unit,
  room,
});

describe('walk order', () => {
  it('goes to the nearest building next, rooms in numeric order, unknown places last', () => {
    const stops = [
      stop('far', 'B3', [100.46, 38.93]),
      stop('lost', null, null),
      stop('r10', 'B1', [100.45, 38.93], '1', '1001'),
      stop('r2', 'B1', [100.45, 38.93], '1', '201'),
      stop('mid', 'B2', [100.452, 38.93]),
    ];
    expect(walkOrder(stops, [100.4499, 38.93]).map((s) => s.id)).toEqual(['r2', 'r10', 'mid', 'far', 'lost']);
  });

  it('keeps every stop exactly once and the stops of one building together', () => {
    const pt = fc.tuple(
      fc.double({ min: 100.4, max: 100.5, noNaN: true }),
      fc.double({ min: 38.9, max: 39, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), pt), { minLength: 1, maxLength: 40 }), (raw) => {
        const points = new Map<number, [number, number]>();
        for (const [b, p] of raw) if (!points.has(b)) points.set(b, p);
        const stops = raw.map(([b], i) => stop(`s${i}`, `B${b}`, points.get(b)!, '1', String(i)));
        const out = walkOrder(stops, null);
        expect(out.map((s) => s.id).sort()).toEqual(stops.map((s) => s.id).sort());
        // every building's stops are together
        const seq = out.map((s) => s.buildingId);
        expect(new Set(seq).size).toBe(seq.filter((b, i) => i === 0 || seq[i - 1] !== b).length);
        return true;
      }),
    );
  });

  it('measures the straight-line length of a walk', () => {
    const a = stop('a', 'A', [100.45, 38.93]);
    const b = stop('b', 'B', [100.46, 38.93]);
    expect(walkLength([a, b], null)).toBeGreaterThan(800);
    expect(walkLength([a, b], null)).toBeLessThan(900);
  });
});
