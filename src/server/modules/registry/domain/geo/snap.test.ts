import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { snapToRings } from './snap.ts';

const box: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [100, 38],
      [100.01, 38],
      [100.01, 38.01],
      [100, 38.01],
      [100, 38],
    ],
  ],
};

describe('snapToRings', () => {
  it('moves a vertex 0.1 m off a corner onto the corner, and one 0.1 m off an edge onto the edge', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100.000001, 38.0000005],
          [100.005, 37.999999],
          [100.005, 38.005],
          [100.000001, 38.0000005],
        ],
      ],
    };
    const s = snapToRings(g, box);
    expect(s.coordinates[0]![0]).toEqual([100, 38]);
    expect(s.coordinates[0]![1]![1]).toBeCloseTo(38, 12);
    expect(s.coordinates[0]![2]).toEqual([100.005, 38.005]);
  });
  it('leaves vertices farther than the tolerance alone', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100.00002, 38],
          [100.005, 38.005],
          [100.004, 38.006],
          [100.00002, 38],
        ],
      ],
    };
    expect(snapToRings(g, box, 0.5).coordinates[0]![0]).toEqual([100.00002, 38]);
  });
});
