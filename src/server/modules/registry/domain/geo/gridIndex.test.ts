import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildGridIndex, GridIndex, type GridItem } from './gridIndex.ts';
import { syntheticTessellation } from './synthetic.ts';
import type { Position } from './types.ts';

type Classify = (loop: readonly (readonly number[])[], p: readonly number[]) => -1 | 0 | 1;
const robustClassify = createRequire(import.meta.url)('robust-point-in-polygon') as Classify;

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const NX = 14,
  NY = 11,
  CELL = 0.002,
  ORIGIN: [number, number] = [100.3, 38.8];

/** Closed-set membership by exact arithmetic (outer ring only: synthetic cells have no holes). */
const robustContains = (item: GridItem, x: number, y: number): -1 | 0 | 1 => {
  const ring = item.geometry.type === 'Polygon' ? item.geometry.coordinates[0] : undefined;
  return robustClassify((ring ?? []).slice(0, -1), [x, y]);
};

describe('GridIndex', () => {
  it('matches a brute-force scan and exact classification on random points (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(
          fc.tuple(
            fc.double({ min: -0.05, max: 1.05, noNaN: true }),
            fc.double({ min: -0.05, max: 1.05, noNaN: true }),
          ),
          { minLength: 50, maxLength: 200 },
        ),
        (seed, pts) => {
          const items = syntheticTessellation({ nx: NX, ny: NY, seed, cell: CELL, origin: ORIGIN });
          const index = GridIndex.build(items);
          for (const [u, v] of pts) {
            const x = ORIGIN[0] + u * NX * CELL,
              y = ORIGIN[1] + v * NY * CELL;
            const got = index.locateIndex(x, y);
            expect(got).toBe(index.locateIndexBrute(x, y));
            const strictly = items.findIndex((it) => robustContains(it, x, y) === -1);
            if (strictly >= 0) expect(got).toBe(strictly);
            else if (got >= 0) expect(robustContains(items[got] as GridItem, x, y)).toBe(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives each vertex to the lowest-index grid having it, each shared-edge midpoint to exactly one neighbour', () => {
    const items = syntheticTessellation({ nx: NX, ny: NY, seed: 99, cell: CELL, origin: ORIGIN });
    const index = buildGridIndex(items);
    items.forEach((it, i) => {
      const ring = it.geometry.type === 'Polygon' ? (it.geometry.coordinates[0] ?? []) : [];
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x = 0, y = 0] = ring[k] ?? [];
        // Owners: grids with this exact vertex (no T-junctions in the synthetic tiling). Not using
        // robust-point-in-polygon here: it misclassifies some vertex queries as outside.
        const hasVertex = (o: GridItem): boolean =>
          o.geometry.coordinates.some((r) => (r as Position[]).some((p) => p[0] === x && p[1] === y));
        const owners = items.flatMap((o, j) => (hasVertex(o) ? [j] : []));
        expect(owners).toContain(i);
        expect(index.locateIndex(x, y)).toBe(Math.min(...owners));
        const [x2 = 0, y2 = 0] = ring[k + 1] ?? [];
        const mx = (x + x2) / 2,
          my = (y + y2) / 2;
        const got = index.locateIndex(mx, my);
        expect(got).toBe(index.locateIndexBrute(mx, my));
        expect(got).toBeGreaterThanOrEqual(0); // inside the territory, never lost on a seam
      }
    });
  });

  it('handles holes, MultiPolygons, overlaps (lowest index wins) and points outside', () => {
    const items: GridItem[] = [
      { id: 'holed', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 4, 4), rect(1, 1, 2, 2)] } },
      { id: 'island', geometry: { type: 'Polygon', coordinates: [rect(1, 1, 2, 2)] } },
      { id: 'multi', geometry: { type: 'MultiPolygon', coordinates: [[rect(5, 0, 6, 1)], [rect(7, 0, 8, 1)]] } },
      { id: 'under', geometry: { type: 'Polygon', coordinates: [rect(3, 3, 6, 6)] } },
    ];
    const index = GridIndex.build(items);
    expect(index.locate(0.5, 0.5)).toBe('holed');
    expect(index.locate(1.5, 1.5)).toBe('island');
    expect(index.locate(1, 1.5)).toBe('holed'); // on the shared ring: lowest index
    expect(index.locate(7.5, 0.5)).toBe('multi');
    expect(index.locate(6.5, 0.5)).toBeNull();
    expect(index.locate(3.5, 3.5)).toBe('holed');
    expect(index.locate(4.5, 4.5)).toBe('under');
    expect(index.locate(4, 0)).toBe('holed'); // outer corner of the territory
    expect(index.locate(-1, 0)).toBeNull();
    expect(index.locate(Number.NaN, 1)).toBeNull();
    expect(index.size).toBe(4);
  });

  it('works empty and with a single degenerate extent', () => {
    expect(GridIndex.build([]).locate(0, 0)).toBeNull();
    const one = GridIndex.build([{ id: 'a', geometry: { type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] } }]);
    expect(one.locate(0.5, 0.5)).toBe('a');
    expect(one.locate(1, 1)).toBe('a');
  });
});
