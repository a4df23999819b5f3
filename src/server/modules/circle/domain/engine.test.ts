import { describe, expect, it } from 'vitest';
import { computeCoverage, homeNearest } from './coverage.ts';
import { createCircleEngine } from './engine.ts';
import { haversine } from '../../../../shared/geo/distance.ts';
import { estimateFromBuildingArea } from './homes.ts';
import { walkingArea } from './isochrone.ts';
import { graphFromEdges } from './testing.ts';
import { EDGE_STEPS, type Facility, type Home } from './types.ts';

// A straight 1 km east–west street (0–1–2) and a 100 m staircase north from node 1 (1–3).
const lat = 43.73,
  dLon = 0.5 / (haversine(0, lat, 1, lat) / 1000); // degrees per 500 m
const coords: [number, number][] = [
  [7.4, lat],
  [7.4 + dLon, lat],
  [7.4 + 2 * dLon, lat],
  [7.4 + dLon, lat + 0.0009],
];
const g = graphFromEdges(
  coords,
  [
    [0, 1],
    [1, 2],
    [1, 3],
  ],
  [0, 0, EDGE_STEPS],
);
const engine = createCircleEngine(g, { access: 'ignore' });
const home = (id: string, lon: number, la = lat): Home => ({
  id,
  lon,
  lat: la,
  households: 1,
  people: 2,
  elderly: 1,
  children: 0,
});

describe('coverage engine on a hand-made street', () => {
  it('handles the same-edge case and far points, derives minutes per profile', () => {
    const facilities: Facility[] = [{ id: 'k1', lon: 7.4 + 0.2 * dLon, lat, category: 'kindergarten' }];
    const homes = [
      home('a', 7.4 + 0.6 * dLon),
      home('b', 7.4 + 1.5 * dLon),
      home('far', 7.5, 43.8),
      home('up', 7.4 + dLon, lat + 0.0009),
    ];
    const rep = computeCoverage(engine, { homes, facilities, categoryIds: ['kindergarten'] });
    const m = rep.nearest.get('kindergarten')!.get('standard')!.metres;
    expect(m[0]).toBeCloseTo(200, 0); // same edge: 0.2 → 0.6 of 500 m
    expect(m[1]).toBeCloseTo(650, 0);
    expect(m[2]).toBe(Infinity);
    const up = m[3]!,
      upElderly = rep.nearest.get('kindergarten')!.get('elderly')!.metres[3]!;
    expect(upElderly - up).toBeCloseTo(g.edgeLen[2]!, 3); // steps counted twice for the elderly
    expect(rep.farHomes).toEqual(['far']);
    const gb = rep.rows.find((r) => r.profile === 'standard' && r.threshold === 'gb')!;
    expect(gb.homesCovered).toBe(1);
    const near = homeNearest(engine, rep, 0, facilities).find((x) => x.profile === 'standard')!;
    expect(near).toMatchObject({ facilityId: 'k1', minutes: Math.round((m[0]! / 1.2 / 60) * 10) / 10 });
    expect(rep.gaps.find((x) => x.category === 'kindergarten')?.status).toBe('partial');
    expect(rep.gaps.find((x) => x.category === 'primary_school')).toBeUndefined(); // not evaluated
  });

  it('wheelchair users cannot use the staircase', () => {
    const facilities: Facility[] = [{ id: 'k1', lon: 7.4, lat, category: 'kindergarten' }];
    const rep = computeCoverage(engine, {
      homes: [home('up', 7.4 + dLon, lat + 0.0009)],
      facilities,
      categoryIds: ['kindergarten'],
      profileIds: ['wheelchair'],
    });
    // Snapped to the street instead (≈100 m away), steps never used.
    expect(rep.nearest.get('kindergarten')!.get('wheelchair')!.metres[0]).toBeCloseTo(500, 0);
  });

  it('walking area clips the edge where the budget ends', () => {
    const a = walkingArea(engine, 7.4, lat, { metres: 700 });
    let total = 0;
    for (const line of a.lines.coordinates)
      for (let i = 1; i < line.length; i++)
        total += haversine(line[i - 1]![0], line[i - 1]![1], line[i]![0], line[i]![1]);
    expect(total).toBeCloseTo(700 + g.edgeLen[2]!, -1); // 500 + 200 along the street + the whole 100 m staircase
    expect(a.polygon.coordinates.length).toBe(1);
    expect(walkingArea(engine, 8, 45).far).toBe(true);
  });

  it('estimates households from footprint × levels, zero for non-residential', () => {
    const h = estimateFromBuildingArea({ id: 'b', lon: 0, lat: 0, areaM2: 300, levels: 6, kind: 'apartments' });
    expect(h.households).toBeCloseTo(20, 6);
    expect(h.people).toBeCloseTo(52.4, 6);
    expect(
      estimateFromBuildingArea({ id: 'c', lon: 0, lat: 0, areaM2: 300, levels: 2, kind: 'retail' }).households,
    ).toBe(0);
  });
});
