import { describe, expect, it } from 'vitest';
import { generateDemoCommunity } from '../../registry/demo/generate.ts';
import { componentIds, EDGE_STEPS } from '../domain/index.ts';
import { graphFromRoads } from './roads.ts';

describe('graphFromRoads (demo community)', () => {
  const demo = generateDemoCommunity();
  const { graph, skipped } = graphFromRoads(demo.roads);
  it('joins lines at shared vertices into one connected network with the steps flagged', () => {
    expect(skipped).toBe(0);
    expect(graph.edgeCount).toBeGreaterThan(demo.roads.length);
    const comp = componentIds(graph);
    expect(new Set(comp).size).toBe(1);
    expect([...graph.edgeFlags].some((f) => (f & EDGE_STEPS) !== 0)).toBe(true);
    let km = 0;
    for (const l of graph.edgeLen) km += l / 1000;
    expect(km).toBeGreaterThan(10);
  });
  it('skips ways a pedestrian may not use', () => {
    const r = graphFromRoads([
      {
        highway: 'motorway',
        line: {
          type: 'LineString',
          coordinates: [
            [100, 38],
            [100.001, 38],
          ],
        },
      },
      {
        highway: 'footway',
        line: {
          type: 'LineString',
          coordinates: [
            [100, 38],
            [100.001, 38],
          ],
        },
      },
    ]);
    expect(r.skipped).toBe(1);
    expect(r.graph.edgeCount).toBe(1);
  });
});
