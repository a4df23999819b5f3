/**
 * Correctness against an independent engine: our Dijkstra vs pgRouting on the Monaco walking graph.
 * Runs when DATABASE_URL points at PostgreSQL with pgrouting available (skipped on PGlite); the Monaco
 * fixture comes from the repository (fixtures/osm) and its absence fails the test.
 * Uses pgr_drivingDistance with equicost = false (equicost = true is inexact in 3.4, see design.md)
 * and the virtual-start-vertex trick for the multi-source (nearest facility) field.
 */
import { readFixture } from './fixtures.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShortestPaths } from './domain/dijkstra.ts';
import { createCircleEngine } from './domain/engine.ts';
import { facilityField } from './domain/field.ts';
import { mulberry32 } from './domain/testing.ts';
import { importOsm, poisToFacilities } from './osm/import.ts';

const URL = process.env.DATABASE_URL;
const SCHEMA = `circle_pgr_test_${process.pid}`;
const CUT = 1500;

describe.skipIf(URL === undefined || URL === '')('Dijkstra vs pgRouting (Monaco)', () => {
  const imp = importOsm(readFixture('osm/monaco.osm.pbf'));
  if (!imp.ok) throw imp.error;
  const g = imp.value.graph;
  const client = new pg.Client({ connectionString: URL });

  beforeAll(async () => {
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pgrouting;');
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA};
      CREATE TABLE ${SCHEMA}.edges (id int PRIMARY KEY, source int NOT NULL, target int NOT NULL, cost float8 NOT NULL);`);
    const ids = Array.from({ length: g.edgeCount }, (_, e) => e + 1);
    await client.query(
      `INSERT INTO ${SCHEMA}.edges SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::float8[])`,
      [ids, Array.from(g.edgeU, (u) => u + 1), Array.from(g.edgeV, (v) => v + 1), Array.from(g.edgeLen)],
    );
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  });

  it('single-source distances from 1,000 seeded origins match within 0.5 m', async () => {
    const r = mulberry32(20240601);
    const origins = Array.from({ length: 1000 }, () => Math.floor(r() * g.nodeCount));
    const uniq = [...new Set(origins)];
    const res = await client.query<{ from_v: number; node: number; agg_cost: number }>(
      `SELECT from_v, node, agg_cost FROM pgr_drivingDistance(
         'SELECT id, source, target, cost, cost AS reverse_cost FROM ${SCHEMA}.edges', $1::bigint[], $2, false, false)`,
      [uniq.map((o) => o + 1), CUT],
    );
    const theirs = new Map<number, Map<number, number>>();
    for (const row of res.rows) {
      const m = theirs.get(Number(row.from_v)) ?? theirs.set(Number(row.from_v), new Map()).get(Number(row.from_v))!;
      m.set(Number(row.node) - 1, Number(row.agg_cost));
    }
    const sp = new ShortestPaths(g, g.edgeLen);
    let compared = 0,
      worst = 0;
    for (const o of uniq) {
      sp.reset();
      sp.seed(o, 0, 0);
      sp.run(CUT);
      const t = theirs.get(o + 1) ?? new Map<number, number>();
      for (const [node, d] of t)
        if (d < CUT - 1) {
          worst = Math.max(worst, Math.abs(sp.dist[node]! - d));
          compared++;
        }
      for (const n of sp.reached()) if (sp.dist[n]! < CUT - 1) expect(t.has(n)).toBe(true);
    }
    expect(compared).toBeGreaterThan(100_000);
    expect(worst).toBeLessThan(0.5);
  });

  it('multi-source nearest-facility field matches the virtual-start-vertex query', async () => {
    const engine = createCircleEngine(g, { access: 'ignore' });
    const facs = poisToFacilities(imp.value.pois).filter((f) => f.category === 'pharmacy');
    const snaps = engine.snap(facs, 'standard');
    // Facilities moved onto the u end of their edge (offset 0) so both engines see the same sources.
    const edges = [...new Set(Array.from(snaps.edge).filter((e) => e >= 0))];
    const verts = [...new Set(edges.map((e) => g.edgeU[e]!))];
    const onVertex = {
      edge: Int32Array.from(edges),
      offset: new Float64Array(edges.length),
      access: new Float64Array(edges.length),
      far: [],
    };
    const field = facilityField(g, g.edgeLen, onVertex, 'ignore');
    const sp = { dist: field.nodeDist };
    const res = await client.query<{ node: number; agg_cost: number }>(
      `SELECT node, agg_cost FROM pgr_drivingDistance(
         'SELECT id, source, target, cost, cost AS reverse_cost FROM ${SCHEMA}.edges
          UNION ALL SELECT -v, 0, v, 0.0, 0.0 FROM unnest(ARRAY[${verts.map((v) => v + 1).join(',')}]::int[]) v', 0::bigint, 1e9::float8, false)
       WHERE node <> 0`,
    );
    let worst = 0;
    for (const row of res.rows)
      worst = Math.max(worst, Math.abs(sp.dist[Number(row.node) - 1]! - Number(row.agg_cost)));
    const reachable = Array.from(sp.dist).filter((d) => d < Infinity).length;
    expect(res.rows.length).toBe(reachable);
    expect(worst).toBeLessThan(0.5);
  });
});
