import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaM2,
  bbox,
  centroid,
  checkTiling,
  polygonsOverlap,
  polygonWithin,
  ringAreaM2,
  validatePolygon,
} from './polygon.ts';
import { syntheticTessellation } from './synthetic.ts';
import type { Polygon, Position } from './types.ts';

const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const sq = (x0: number, y0: number, x1: number, y1: number): Polygon => poly(rect(x0, y0, x1, y1));

describe('validatePolygon', () => {
  it.each([
    ['valid square', sq(0, 0, 1, 1), null],
    ['square with hole', poly(rect(0, 0, 4, 4), rect(1, 1, 2, 2)), null],
    [
      'multipolygon touching at a vertex',
      { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(1, 1, 2, 2)]] },
      null,
    ],
    ['null', null, 'not_polygon'],
    ['point', { type: 'Point', coordinates: [1, 2] }, 'not_polygon'],
    ['empty rings', { type: 'Polygon', coordinates: [] }, 'not_polygon'],
    [
      'string coordinate',
      poly([[0, 0], [1, 0], [1, 1] as Position, ['a', 0] as unknown as Position, [0, 0]]),
      'bad_coordinates',
    ],
    [
      'latitude 91',
      poly([
        [0, 0],
        [1, 0],
        [1, 91],
        [0, 0],
      ]),
      'bad_coordinates',
    ],
    [
      'NaN',
      poly([
        [0, 0],
        [1, Number.NaN],
        [1, 1],
        [0, 0],
      ]),
      'bad_coordinates',
    ],
    [
      'three positions',
      poly([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
      'too_few_points',
    ],
    [
      'repeated points',
      poly([
        [0, 0],
        [1, 0],
        [1, 0],
        [0, 0],
      ]),
      'too_few_points',
    ],
    [
      'not closed',
      poly([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      'not_closed',
    ],
    [
      'bow tie',
      poly([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
      'self_intersection',
    ],
    [
      'spike',
      poly([
        [0, 0],
        [2, 0],
        [2, 1],
        [2, 3],
        [2, 2],
        [0, 2],
        [0, 0],
      ]),
      'self_intersection',
    ],
    [
      'figure eight at a vertex',
      poly([
        [0, 0],
        [1, 1],
        [2, 0],
        [2, 2],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
      'self_intersection',
    ],
    ['hole crossing shell', poly(rect(0, 0, 2, 2), rect(1, 1, 3, 3)), 'self_intersection'],
    [
      'overlapping members',
      { type: 'MultiPolygon', coordinates: [[rect(0, 0, 2, 2)], [rect(1, 1, 3, 3)]] },
      'self_intersection',
    ],
  ])('%s', (_name, geom, reason) => {
    const r = validatePolygon(geom);
    expect(r.ok ? null : r.reason).toBe(reason);
  });

  it('reports where a bow tie crosses', () => {
    const r = validatePolygon(
      poly([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    );
    expect(r).toEqual({ ok: false, reason: 'self_intersection', at: [1, 1] });
  });

  it('checks a 10k-vertex ring quickly, and finds one bad vertex in it', () => {
    const n = 10_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.01 * (1 + 0.05 * Math.sin(37 * a));
      ring.push([100 + r * Math.cos(a), 38 + r * Math.sin(a)]);
    }
    ring.push(ring[0] ?? []);
    const t0 = performance.now();
    expect(validatePolygon(poly(ring)).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
    const bad = ring.slice();
    bad[5000] = [100.02, 38]; // pulls one vertex across the ring
    expect(validatePolygon(poly(bad))).toMatchObject({ ok: false, reason: 'self_intersection' });
  });

  it('accepts every cell of a synthetic tessellation', () => {
    for (const { geometry } of syntheticTessellation({ nx: 12, ny: 9, seed: 7 })) {
      expect(validatePolygon(geometry)).toEqual({ ok: true });
    }
  });
});

describe('measure', () => {
  it('matches the closed form R²·Δλ·(sin φ₂ − sin φ₁) on lat/lon rectangles', () => {
    const R = 6378137,
      rad = Math.PI / 180;
    for (const [x0, y0, x1, y1] of [
      [0, 0, 1, 1],
      [100.4, 38.9, 100.41, 38.91],
      [-10, -50, 20, -40],
    ] as const) {
      const exact = R * R * (x1 - x0) * rad * (Math.sin(y1 * rad) - Math.sin(y0 * rad));
      expect(ringAreaM2(rect(x0, y0, x1, y1)) / exact).toBeCloseTo(1, 9);
    }
  });
  it('subtracts holes and ignores winding', () => {
    const outer = rect(100, 38, 100.01, 38.01);
    const hole = rect(100.002, 38.002, 100.004, 38.004);
    expect(areaM2(poly(outer, hole))).toBeCloseTo(ringAreaM2(outer) - ringAreaM2(hole), 6);
    expect(ringAreaM2(outer.slice().reverse())).toBeCloseTo(ringAreaM2(outer), 6);
  });
  it('gives bbox and centroid', () => {
    const l = poly([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ]);
    expect(bbox(l)).toEqual([0, 0, 2, 2]);
    const [cx, cy] = centroid(sq(100, 38, 100.01, 38.01));
    expect(cx).toBeCloseTo(100.005, 9);
    expect(cy).toBeCloseTo(38.005, 9);
    const [hx] = centroid(poly(rect(0, 0, 0.004, 0.001), rect(0.002, 0.0002, 0.0038, 0.0008)));
    expect(hx).toBeLessThan(0.002);
  });
});

describe('polygonsOverlap', () => {
  const a = sq(0, 0, 2, 2);
  it.each([
    ['shared edge', sq(2, 0, 4, 2), false],
    [
      'shared edge, neighbour split by extra vertices',
      poly([
        [2, 0],
        [4, 0],
        [4, 2],
        [2, 2],
        [2, 1.5],
        [2, 0.5],
        [2, 0],
      ]),
      false,
    ],
    ['shared vertex', sq(2, 2, 3, 3), false],
    ['disjoint', sq(5, 5, 6, 6), false],
    ['partial overlap', sq(1, 1, 3, 3), true],
    ['identical', sq(0, 0, 2, 2), true],
    ['inside', sq(0.5, 0.5, 1, 1), true],
    ['inside touching the edge', sq(0, 0.5, 1, 1), true],
    [
      'triangle on the corners',
      poly([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 0],
      ]),
      true,
    ],
    ['containing', sq(-1, -1, 3, 3), true],
    ['crossing bar without vertices inside', sq(-1, 0.5, 3, 1.5), true],
  ])('%s → %s', (_n, b, expected) => {
    expect(polygonsOverlap(a, b)).toBe(expected);
    expect(polygonsOverlap(b, a)).toBe(expected);
  });
  it('tolerates a T-junction vertex a few ulps off the shared edge (imported data)', () => {
    const b = poly([
      [2, 0],
      [4, 0],
      [4, 2],
      [2, 2],
      [2 + 1e-13, 1],
      [2, 0],
    ]);
    const c = poly([
      [2, 0],
      [4, 0],
      [4, 2],
      [2, 2],
      [2 - 1e-13, 1],
      [2, 0],
    ]);
    expect(polygonsOverlap(a, b)).toBe(false);
    expect(polygonsOverlap(a, c)).toBe(false);
    expect(
      polygonsOverlap(
        a,
        poly([
          [2, 0],
          [4, 0],
          [4, 2],
          [2, 2],
          [1.99, 1],
          [2, 0],
        ]),
      ),
    ).toBe(true);
  });
  it('an island filling a hole does not overlap the holed polygon', () => {
    const holed = poly(rect(0, 0, 4, 4), rect(1, 1, 2, 2));
    expect(polygonsOverlap(holed, sq(1, 1, 2, 2))).toBe(false);
    expect(polygonsOverlap(holed, sq(0.5, 0.5, 2, 2))).toBe(true);
    expect(polygonWithin(sq(1, 1, 2, 2), holed)).toBe(false);
    expect(polygonWithin(sq(2, 2, 3, 3), holed)).toBe(true);
  });
  it('neighbours in a tessellation never overlap; a cell overlaps a shifted copy of itself', () => {
    const cells = syntheticTessellation({ nx: 4, ny: 4, seed: 3 }).map((c) => c.geometry);
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++)
        expect(polygonsOverlap(cells[i] as Polygon, cells[j] as Polygon)).toBe(false);
    }
    const c = cells[5] as Polygon;
    const moved = poly((c.coordinates[0] ?? []).map(([x = 0, y = 0]) => [x + 1e-5, y]));
    expect(polygonsOverlap(c, moved)).toBe(true);
  });
  it('is symmetric on random rectangles and matches the interval test', () => {
    const box = fc.tuple(
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
    );
    fc.assert(
      fc.property(box, box, ([x, y, w, h], [u, v, p, q]) => {
        const expected = x < u + p && u < x + w && y < v + q && v < y + h;
        const A = sq(x, y, x + w, y + h),
          B = sq(u, v, u + p, v + q);
        return polygonsOverlap(A, B) === expected && polygonsOverlap(B, A) === expected;
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkTiling', () => {
  const nx = 10,
    ny = 8,
    cell = 0.002,
    origin: [number, number] = [100.3, 38.8];
  const parts = syntheticTessellation({ nx, ny, seed: 11, cell, origin }).map((c) => c.geometry);
  const container = sq(origin[0], origin[1], origin[0] + nx * cell, origin[1] + ny * cell);
  it('accepts an exact tiling', () => {
    const r = checkTiling(container, parts);
    expect(r).toMatchObject({ ok: true, gap: false, overlaps: [], outside: [] });
    expect(Math.abs(r.differenceM2)).toBeLessThan(r.toleranceM2);
  });
  it('accepts random tessellations and finds any single removed grid (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 11 }), (seed, drop) => {
        const cells = syntheticTessellation({ nx: 4, ny: 3, seed, cell, origin }).map((c) => c.geometry);
        const box = sq(origin[0], origin[1], origin[0] + 4 * cell, origin[1] + 3 * cell);
        return (
          checkTiling(box, cells).ok &&
          checkTiling(
            box,
            cells.filter((_, i) => i !== drop),
          ).gap
        );
      }),
      { numRuns: 30 },
    );
  });
  it('reports a missing grid as a gap', () => {
    const r = checkTiling(
      container,
      parts.filter((_, i) => i !== 13),
    );
    expect(r.ok).toBe(false);
    expect(r.gap).toBe(true);
    expect(r.differenceM2).toBeGreaterThan(10_000);
  });
  it('reports a duplicated grid as an overlap and a spilled grid as outside', () => {
    const dup = [...parts, parts[13] as Polygon];
    expect(checkTiling(container, dup).overlaps).toEqual([[13, parts.length]]);
    const spill = [...parts, sq(origin[0] - cell, origin[1], origin[0] + cell / 2, origin[1] + cell)];
    const r = checkTiling(container, spill);
    expect(r.outside).toEqual([parts.length]);
    expect(r.ok).toBe(false);
  });
});
