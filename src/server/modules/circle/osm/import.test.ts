import { readFixture } from '../fixtures.ts';
import { describe, expect, it } from 'vitest';
import { EDGE_STEPS } from '../domain/types.ts';
import { decodeGraph, encodeGraph } from './cache.ts';
import { importOsm, poisToFacilities } from './import.ts';
import { writeFixturePbf, type FixtureNode } from './pbf-writer.ts';

// A small grid: nodes 1-2-3 along a footway, 3-4 steps, 2-5 residential through a locked gate at 6.
const nodes: FixtureNode[] = [
  { id: 1, lon: 7.42, lat: 43.73 },
  { id: 2, lon: 7.421, lat: 43.73 },
  { id: 3, lon: 7.422, lat: 43.73 },
  { id: 4, lon: 7.422, lat: 43.731 },
  { id: 5, lon: 7.421, lat: 43.732 },
  { id: 6, lon: 7.421, lat: 43.731, tags: { barrier: 'gate', access: 'private' } },
  { id: 7, lon: 7.4205, lat: 43.7305, tags: { amenity: 'kindergarten', name: 'K' } },
  { id: 8, lon: 7.43, lat: 43.74 },
  { id: 9, lon: 7.431, lat: 43.74 },
];

describe('importOsm on fixtures', () => {
  it('splits ways at shared nodes, marks steps, cuts at blocking barriers', () => {
    const pbf = writeFixturePbf(nodes, [
      { id: 10, refs: [1, 2, 3], tags: { highway: 'footway' } },
      { id: 11, refs: [3, 4], tags: { highway: 'steps' } },
      { id: 12, refs: [2, 6, 5], tags: { highway: 'residential' } },
      { id: 13, refs: [8, 9], tags: { highway: 'motorway' } },
      { id: 14, refs: [8, 9], tags: { highway: 'footway', foot: 'no' } },
    ]);
    const r = importOsm(pbf, { minComponentM: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = r.value.graph;
    expect(g.edgeCount).toBe(5); // 1-2, 2-3, 3-4, 2-6, 6'-5
    expect(g.nodeCount).toBe(7); // 1,2,3,4 + two gate stubs + 5
    const steps = [...g.edgeFlags].filter((f) => (f & EDGE_STEPS) !== 0).length;
    expect(steps).toBe(1);
    expect(g.edgeLen[0]).toBeCloseTo(80.4, 0); // 0.001° lon at 43.73°N ≈ 80.4 m
    expect(poisToFacilities(r.value.pois)).toEqual([
      { id: 'n7', lon: 7.4205, lat: 43.7305, category: 'kindergarten', name: 'K' },
    ]);
  });

  it('reports corrupt, truncated and empty input as OSM_CORRUPT and no walkways as OSM_NO_WALKWAYS', () => {
    const good = writeFixturePbf(nodes, [{ id: 10, refs: [1, 2], tags: { highway: 'footway' } }]);
    for (const bad of [
      good.subarray(0, good.length - 7),
      new Uint8Array(0),
      new TextEncoder().encode('hello world, not a pbf'),
      good.map((b, i) => (i > 20 && i < 40 ? b ^ 0x5a : b)),
    ]) {
      const r = importOsm(bad);
      expect(r.ok ? 'ok' : r.error.code).toBe('OSM_CORRUPT');
    }
    const none = importOsm(writeFixturePbf(nodes, [{ id: 13, refs: [8, 9], tags: { highway: 'motorway' } }], false));
    expect(none.ok ? 'ok' : none.error.code).toBe('OSM_NO_WALKWAYS');
  });
});

describe('importOsm on Monaco', () => {
  const r = importOsm(readFixture('osm/monaco.osm.pbf'));
  it('builds the topology graph, buildings and POIs', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { graph, buildings, pois } = r.value;
    expect(graph.nodeCount).toBeGreaterThan(3500);
    expect(graph.nodeCount).toBeLessThan(4500);
    let km = 0;
    for (const l of graph.edgeLen) km += l / 1000;
    expect(km).toBeGreaterThan(440);
    expect(km).toBeLessThan(490);
    expect(buildings.length).toBe(23373);
    expect(pois.some((p) => p.categories.includes('pharmacy'))).toBe(true);
  });
  it('round-trips through the binary cache', () => {
    if (!r.ok) return;
    const bin = encodeGraph(r.value);
    const back = decodeGraph(bin);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.graph.edgeLen).toEqual(r.value.graph.edgeLen);
    expect(back.value.graph.adjTarget).toEqual(r.value.graph.adjTarget);
    expect(back.value.buildings).toEqual(r.value.buildings);
    const bad = decodeGraph(bin.subarray(0, bin.length - 1));
    expect(bad.ok ? 'ok' : bad.error.code).toBe('GRAPH_CACHE_INVALID');
  });
});
