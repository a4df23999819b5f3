/**
 * A segment index wrapped from columns built elsewhere (and cloned across a thread boundary) snaps exactly
 * like one built in place: the worker that decodes a stored network builds it for the main thread.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSnapIndex } from './snap.ts';
import { buildSnapColumns } from './snapColumns.ts';
import { graphFromEdges, mulberry32 } from './testing.ts';

/** A random street grid of about `n` × `n` blocks around Zhangye with some diagonals. */
function randomGraph(seed: number, n: number) {
  const r = mulberry32(seed),
    coords: [number, number][] = [],
    edges: [number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) coords.push([100.45 + i * 0.001 + r() * 0.0003, 38.94 + j * 0.001 + r() * 0.0003]);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = i * n + j;
      if (i + 1 < n) edges.push([v, v + n]);
      if (j + 1 < n) edges.push([v, v + 1]);
      if (i + 1 < n && j + 1 < n && r() < 0.3) edges.push([v, v + n + 1]);
    }
  return graphFromEdges(coords, edges);
}

describe('snap index from prebuilt columns', () => {
  it('gives the same hits and entries as an index built in place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 12 }), (seed, n) => {
        const g = randomGraph(seed, n);
        const here = createSnapIndex(g),
          there = createSnapIndex(g, structuredClone(buildSnapColumns(g)));
        const r = mulberry32(seed + 1);
        for (let k = 0; k < 20; k++) {
          const lon = 100.449 + r() * 0.001 * (n + 1),
            lat = 38.939 + r() * 0.001 * (n + 1);
          expect(there.snap(lon, lat, 500)).toEqual(here.snap(lon, lat, 500));
          expect(there.entries(lon, lat, 500, undefined, 25)).toEqual(here.entries(lon, lat, 500, undefined, 25));
        }
      }),
      { numRuns: 40, seed: 20261130 },
    );
  });

  it('a graph without segments has no tree and snaps nothing', () => {
    const g = graphFromEdges([[100.45, 38.94]], []);
    const cols = buildSnapColumns(g);
    expect(cols.tree).toBeNull();
    expect(createSnapIndex(g, cols).snap(100.45, 38.94, 500)).toBeNull();
  });
});
