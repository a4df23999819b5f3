import { describe, expect, it } from 'vitest';
import { bboxOf, labelPoint } from './geometry.ts';

const rect = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('map geometry of MultiPolygon grids', () => {
  const multi = { type: 'MultiPolygon' as const, coordinates: [[rect(0, 0, 1, 1)], [rect(10, 0, 14, 4)]] };
  it('labels the largest part, not just the first', () => {
    expect(labelPoint(multi)).toEqual([12, 2]);
  });
  it('frames every part', () => {
    expect(bboxOf([{ type: 'Feature', geometry: multi, properties: {} }])).toEqual([0, 0, 14, 4]);
  });
});
