/**
 * The multi-entry rule on a tiny mountain road written with the repository's own PBF writer: a road
 * climbs east along the valley (lower road), turns 196.2 m up the slope and comes back west (upper road).
 * Building B1 sits 95.8 m from the lower road and 100.4 m from the upper one; the market is on the upper
 * road. Building B2's only door (entrance=main) faces the lower road although its centre is nearer the
 * upper one; the pharmacy is on the lower road.
 */
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../domain/coverage.ts';
import { createCircleEngine } from '../domain/engine.ts';
import { localProjection } from '../../../../shared/geo/distance.ts';
import { estimateFromBuildingArea } from '../domain/homes.ts';
import { importOsm, poisToFacilities } from './import.ts';
import { writeFixturePbf, type FixtureNode, type FixtureWay } from './pbf-writer.ts';

const P = localProjection(30);
const at = (id: number, x: number, y: number, tags?: Record<string, string>): FixtureNode => ({
  id,
  lon: 103 + P.lon(x),
  lat: 30 + P.lat(y),
  ...(tags ? { tags } : {}),
});
const UP = 196.2;
const square = (first: number, x0: number, y0: number, x1: number, y1: number): FixtureNode[] => [
  at(first, x0, y0),
  at(first + 1, x1, y0),
  at(first + 2, x1, y1),
  at(first + 3, x0, y1),
];

/** The hairpin extract (PBF bytes). */
function hairpinPbf(): Uint8Array {
  const nodes: FixtureNode[] = [
    at(1, 0, 0),
    at(2, 3000, 0),
    at(3, 3000, UP),
    at(4, 0, UP),
    at(5, 900, UP + 5, { amenity: 'marketplace', name: 'Upper market' }),
    at(6, 1600, -5, { amenity: 'pharmacy', name: 'Valley pharmacy' }),
    ...square(10, 490, 85.8, 510, 105.8), // B1: centre (500, 95.8)
    ...square(20, 1480, 60, 1520, 190), // B2: centre (1500, 125), door on the south wall
    at(30, 1500, 60, { entrance: 'main' }),
  ];
  const ways: FixtureWay[] = [
    { id: 100, refs: [1, 2, 3], tags: { highway: 'unclassified', name: 'Lower road and bend' } },
    { id: 101, refs: [3, 4], tags: { highway: 'unclassified', name: 'Upper road' } },
    { id: 110, refs: [10, 11, 12, 13, 10], tags: { building: 'residential' } },
    { id: 120, refs: [20, 30, 21, 22, 23, 20], tags: { building: 'residential' } },
  ];
  return writeFixturePbf(nodes, ways);
}

function nearestMetres(tolerance: number, useEntrances: boolean): Record<string, Record<string, number>> {
  const r = importOsm(hairpinPbf(), { minComponentM: 0 });
  if (!r.ok) throw r.error;
  const engine = createCircleEngine(r.value.graph, { entryToleranceM: tolerance });
  const homes = r.value.buildings
    .map(({ entrances, ...b }) => (useEntrances && entrances ? { ...b, entrances } : b))
    .map((b) => estimateFromBuildingArea(b));
  const rep = computeCoverage(engine, {
    homes,
    facilities: poisToFacilities(r.value.pois),
    profileIds: ['standard'],
    categoryIds: ['wet_market', 'pharmacy'],
  });
  const out: Record<string, Record<string, number>> = {};
  homes.forEach((h, i) => {
    out[h.id] = {
      market: rep.nearest.get('wet_market')!.get('standard')!.metres[i]!,
      pharmacy: rep.nearest.get('pharmacy')!.get('standard')!.metres[i]!,
    };
  });
  return out;
}

describe('a building enters the network through every edge near its nearest one (hairpin fixture)', () => {
  it('parses the entrance node onto its building', () => {
    const r = importOsm(hairpinPbf(), { minComponentM: 0 });
    if (!r.ok) throw r.error;
    expect(r.value.graph.edgeCount).toBe(2);
    const b2 = r.value.buildings.find((b) => b.id === 'w120')!;
    expect(b2.entrances).toHaveLength(2);
    expect(P.y(b2.entrances![1]! - 30)).toBeCloseTo(60, 1);
    expect(r.value.buildings.find((b) => b.id === 'w110')!.entrances).toBeUndefined();
  });

  it('the old rule (nearest edge only, centre only) walks the long way round', () => {
    const old = nearestMetres(0, false);
    // B1: 95.8 gap + 2,500 east + 196.2 bend + 2,100 west + 5 ≈ 4,897 m.
    expect(old.w110!.market).toBeGreaterThan(4850);
    // B2: centre snaps to the upper road: 71.2 + 1,500 + 196.2 + 1,400 + 5 ≈ 3,172 m.
    expect(old.w120!.pharmacy).toBeGreaterThan(3100);
  });

  it('the new rule takes the upper road for B1 and the door for B2', () => {
    const now = nearestMetres(25, true);
    // B1: 100.4 gap + 400 + 5 ≈ 505 m.
    expect(now.w110!.market).toBeGreaterThan(495);
    expect(now.w110!.market).toBeLessThan(515);
    // B1 still takes the lower road to the pharmacy: 95.8 + 1,100 + 5 ≈ 1,201 m.
    expect(now.w110!.pharmacy).toBeGreaterThan(1185);
    expect(now.w110!.pharmacy).toBeLessThan(1215);
    // B2 through its door: 60 + 100 + 5 = 165 m.
    expect(now.w120!.pharmacy).toBeGreaterThan(160);
    expect(now.w120!.pharmacy).toBeLessThan(170);
    // A tolerance below the 4.6 m difference keeps B1 on the lower road (the tolerance is a setting).
    expect(nearestMetres(4, true).w110!.market).toBeGreaterThan(4850);
  });
});
