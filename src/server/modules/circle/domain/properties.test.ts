import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage.ts';
import { ShortestPaths } from './dijkstra.ts';
import { createCircleEngine } from './engine.ts';
import { exactSites } from './exact.ts';
import { buildCoverSets, coveredWeight, greedySites } from './sites.ts';
import { graphFromEdges, mulberry32 } from './testing.ts';
import { EDGE_STEPS, type Facility, type Home } from './types.ts';
import { prepareCategory, whatIfAdd, whatIfRemove } from './whatif.ts';

/** A random connected-ish small graph in a ~1.5 km box near Monaco, plus homes and facilities. */
function world(seed: number, n: number, m: number, nf: number) {
  const r = mulberry32(seed);
  const pt = (): [number, number] => [7.41 + r() * 0.02, 43.72 + r() * 0.015];
  const coords = Array.from({ length: n }, pt);
  const edges: [number, number][] = [];
  for (let i = 1; i < n; i++) edges.push([i, Math.floor(r() * i)]);
  for (let k = 0; k < m; k++) edges.push([Math.floor(r() * n), Math.floor(r() * n)]);
  const flags = edges.map(() => (r() < 0.2 ? EDGE_STEPS : 0));
  const homes: Home[] = Array.from({ length: 40 }, (_, i) => {
    const [lon, lat] = pt();
    return { id: `h${i}`, lon, lat, households: 1 + Math.floor(r() * 20), people: 3, elderly: r() * 2, children: r() };
  });
  const facilities: Facility[] = Array.from({ length: nf }, (_, i) => {
    const [lon, lat] = pt();
    return { id: `f${i}`, lon, lat, category: 'kindergarten' };
  });
  const engine = createCircleEngine(graphFromEdges(coords, edges, flags), { maxSnapM: 5000 });
  return { engine, homes, facilities, r, pt };
}

const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('property tests on small random graphs', () => {
  it('multi-source Dijkstra equals Floyd–Warshall', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 12 }), (seed, n, m) => {
        const r = mulberry32(seed);
        const edges: [number, number][] = Array.from({ length: n - 1 + m }, (_, k) =>
          k < n - 1 && r() < 0.7 ? [k + 1, Math.floor(r() * (k + 1))] : [Math.floor(r() * n), Math.floor(r() * n)],
        );
        const lens = edges.map(() => Math.round(r() * 1000) / 10);
        const g = graphFromEdges(
          Array.from({ length: n }, () => [0, 0]),
          edges,
          undefined,
          lens,
        );
        const D = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
        edges.forEach(([u, v], e) => {
          const l = lens[e]!;
          if (l < D[u]![v]!) {
            D[u]![v] = l;
            D[v]![u] = l;
          }
        });
        for (let k = 0; k < n; k++)
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i]![j] = Math.min(D[i]![j]!, D[i]![k]! + D[k]![j]!);
        const srcs = [Math.floor(r() * n), Math.floor(r() * n)],
          init = [r() * 50, r() * 50];
        const sp = new ShortestPaths(g, g.edgeLen);
        for (const [i, s] of srcs.entries()) sp.seed(s, init[i]!, i);
        sp.run();
        for (let v = 0; v < n; v++) {
          const want = Math.min(...srcs.map((s, i) => init[i]! + D[s]![v]!));
          expect(sp.dist[v]).toBeCloseTo(want, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('coverage is monotone in the threshold; elderly never covers more than standard', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const { engine, homes, facilities } = world(seed, 25, 15, 3);
        const thresholds = [1, 2, 3, 5, 8].map((value) => ({ kind: 'minutes' as const, value }));
        const rep = computeCoverage(engine, { homes, facilities, categoryIds: ['kindergarten'], thresholds });
        for (const p of ['standard', 'elderly']) {
          const rows = rep.rows.filter((x) => x.profile === p).map((x) => x.covered.households);
          for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThanOrEqual(rows[i - 1]!);
        }
        for (const t of thresholds) {
          const get = (p: string): number =>
            rep.rows.find((x) => x.profile === p && x.threshold === `min${t.value}`)!.covered.households;
          expect(get('elderly')).toBeLessThanOrEqual(get('standard'));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding a facility never lowers coverage; incremental what-if equals a full recompute', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const { engine, homes, facilities, pt } = world(seed, 25, 15, 2);
        const [lon, lat] = pt();
        const extra: Facility = { id: 'new', lon, lat, category: 'kindergarten' };
        const before = computeCoverage(engine, { homes, facilities, categoryIds: ['kindergarten'] });
        const after = computeCoverage(engine, {
          homes,
          facilities: [...facilities, extra],
          categoryIds: ['kindergarten'],
        });
        for (const [i, row] of before.rows.entries()) {
          expect(after.rows[i]!.covered.households).toBeGreaterThanOrEqual(row.covered.households);
        }
        const s0 = prepareCategory(engine, 'kindergarten', homes, facilities);
        const inc = whatIfAdd(engine, s0, extra);
        const full = prepareCategory(engine, 'kindergarten', homes, [...facilities, extra]);
        for (let i = 0; i < homes.length; i++) expect(inc.metres[i]).toBeCloseTo(full.metres[i]!, 6);
        const back = whatIfRemove(engine, inc, 'new');
        for (let i = 0; i < homes.length; i++) expect(back.metres[i]).toBeCloseTo(s0.metres[i]!, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('greedy never beats the exact optimum and stays within (1 − 1/e)', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.integer({ min: 1, max: 4 }), async (seed, k) => {
        const { engine, homes, facilities, pt } = world(seed, 30, 20, 1);
        const candidates = Array.from({ length: 12 }, (_, i) => {
          const [lon, lat] = pt();
          return { id: `c${i}`, lon, lat };
        });
        const sets = buildCoverSets(engine, {
          category: 'kindergarten',
          homes,
          candidates,
          existing: facilities,
          threshold: { kind: 'metres', value: 400 },
        });
        const greedy = greedySites(sets, k);
        const exact = await exactSites(sets, k);
        expect(coveredWeight(sets, greedy.chosen)).toBeCloseTo(greedy.covered, 6);
        expect(coveredWeight(sets, exact.chosen)).toBeCloseTo(exact.covered, 6);
        expect(greedy.covered).toBeLessThanOrEqual(exact.covered + 1e-6);
        expect(greedy.covered).toBeGreaterThanOrEqual((1 - 1 / Math.E) * exact.covered - 1e-6);
      }),
      { numRuns: 25 },
    );
  });
});
