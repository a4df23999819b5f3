import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './pip.ts';
import type { MultiPolygon, Polygon } from './types.ts';

const square = (x0: number, y0: number, s: number): number[][] => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
  [x0, y0],
];

describe('pointInPolygon (GeoJSON)', () => {
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(114, 30, 0.01), square(114.004, 30.004, 0.002)] };

  it('is inside, outside, in a hole or on the boundary', () => {
    expect(pointInPolygon(114.001, 30.001, withHole)).toBe(1);
    expect(pointInPolygon(114.02, 30.001, withHole)).toBe(-1);
    // The old demo helper looked at the outer ring only and called this point inside.
    expect(pointInPolygon(114.005, 30.005, withHole)).toBe(-1);
    expect(pointInPolygon(114, 30.005, withHole)).toBe(0);
    expect(pointInPolygon(114.004, 30.004, withHole)).toBe(0);
  });

  it('tests every part of a MultiPolygon', () => {
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(pointInPolygon(0.5, 0.5, two)).toBe(1);
    expect(pointInPolygon(5.5, 5.5, two)).toBe(1);
    expect(pointInPolygon(3, 3, two)).toBe(-1);
  });
});
