/**
 * Correctness against an independent engine: our Dijkstra vs pgRouting on the Monaco walking graph.
 * Runs when DATABASE_URL points at PostgreSQL with pgrouting available (skipped on PGlite); the Monaco
 * fixture comes from the repository (fixtures/osm) and its absence fails the test.
 * Uses pgr_drivingDistance with equicost = false (equicost = true is inexact in 3.4, see
 * docs/adr/0003-circle-engine.md)
 * and the virtual-start-vertex trick for the multi-source (nearest facility) field. The third test models
 * the multi-entry snapping rule (ADR 0003) in PostGIS SQL and compares every building's distance.
 */
import { readFixture } from './fixtures.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShortestPaths } from './domain/dijkstra.ts';
import { createCircleEngine } from './domain/engine.ts';
import { facilityField, pointDistances } from './domain/field.ts';
import { estimateFromBuildingArea } from './domain/homes.ts';
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
      CREATE TABLE ${SCHEMA}.edges (id int PRIMARY KEY, source int NOT NULL, target int NOT NULL,
        cost float8 NOT NULL);`);
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
          UNION ALL SELECT -v, 0, v, 0.0, 0.0 FROM unnest(ARRAY[${verts.map((v) => v + 1).join(',')}]::int[]) v',
         0::bigint, 1e9::float8, false)
       WHERE node <> 0`,
    );
    let worst = 0;
    for (const row of res.rows)
      worst = Math.max(worst, Math.abs(sp.dist[Number(row.node) - 1]! - Number(row.agg_cost)));
    const reachable = Array.from(sp.dist).filter((d) => d < Infinity).length;
    expect(res.rows.length).toBe(reachable);
    expect(worst).toBeLessThan(0.5);
  });

  it('building → nearest pharmacy under the multi-entry rule, modelled in PostGIS + pgRouting, matches', async () => {
    const engine = createCircleEngine(g); // access 'add', entry tolerance 25 m
    const tol = engine.entryToleranceM,
      maxSnap = engine.maxSnapM,
      pr = engine.snapIndex.proj;
    const homes = imp.value.buildings.map((b) => estimateFromBuildingArea(b));
    const facs = poisToFacilities(imp.value.pois).filter((f) => f.category === 'pharmacy');
    // Ours.
    const w = engine.weights('standard');
    const field = facilityField(g, w, engine.snap(facs, 'standard'), 'add');
    const ours = new Float64Array(homes.length),
      lab = new Int32Array(homes.length);
    pointDistances(g, w, field, engine.snap(homes, 'standard'), 'add', ours, lab);
    // Theirs: the same planar projection; edges as linestrings; a point's sources are its entrances, else itself.
    const wkt = (e: number): string => {
      const pts: string[] = [];
      for (let p = g.geomOffset[e]!; p < g.geomOffset[e + 1]!; p++)
        pts.push(`${pr.x(g.geomCoord[2 * p]!)} ${pr.y(g.geomCoord[2 * p + 1]!)}`);
      return `LINESTRING(${pts.join(',')})`;
    };
    const src: { kind: string; pid: number; x: number; y: number }[] = [];
    const addSrc = (kind: string, pid: number, p: { lon: number; lat: number; entrances?: readonly number[] }) => {
      const ent = p.entrances ?? [];
      if (ent.length < 2) src.push({ kind, pid, x: pr.x(p.lon), y: pr.y(p.lat) });
      for (let k = 0; k + 1 < ent.length; k += 2) src.push({ kind, pid, x: pr.x(ent[k]!), y: pr.y(ent[k + 1]!) });
    };
    for (const [i, h] of homes.entries()) addSrc('h', i, h);
    for (const [j, f] of facs.entries()) addSrc('f', j, f);
    const S = SCHEMA;
    await client.query(`CREATE TABLE ${S}.geo (id int PRIMARY KEY, geom geometry NOT NULL);
      CREATE TABLE ${S}.src (sid int PRIMARY KEY, kind text NOT NULL, pid int NOT NULL, geom geometry NOT NULL);`);
    await client.query(
      `INSERT INTO ${S}.geo SELECT i, ST_GeomFromText(t) FROM unnest($1::int[], $2::text[]) AS u(i, t)`,
      [Array.from({ length: g.edgeCount }, (_, e) => e + 1), Array.from({ length: g.edgeCount }, (_, e) => wkt(e))],
    );
    await client.query(
      `INSERT INTO ${S}.src SELECT row_number() OVER (), k, p, ST_MakePoint(x, y)
         FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[]) AS u(k, p, x, y)`,
      [src.map((s) => s.kind), src.map((s) => s.pid), src.map((s) => s.x), src.map((s) => s.y)],
    );
    await client.query(`CREATE INDEX ON ${S}.geo USING gist (geom); ANALYZE ${S}.geo; ANALYZE ${S}.src;`);
    // The rule: every edge within the tolerance of the source's nearest edge (which is ≤ the snap limit),
    // entered at its nearest point with its own straight-line gap; offset = located fraction × edge length.
    await client.query(`CREATE TABLE ${S}.entry AS
      WITH m AS (
        SELECT s.sid, s.kind, s.pid, s.geom, n.mind FROM ${S}.src s
          CROSS JOIN LATERAL (SELECT ST_Distance(s.geom, g.geom) AS mind FROM ${S}.geo g
                               ORDER BY g.geom <-> s.geom LIMIT 1) n
         WHERE n.mind <= ${maxSnap}),
      d AS (
        SELECT m.kind, m.pid, e.id AS eid, e.cost, ST_Distance(m.geom, g.geom) AS dist, m.mind,
               CASE WHEN ST_Length(g.geom) > 0 THEN ST_LineLocatePoint(g.geom, m.geom) ELSE 0 END AS frac
          FROM m JOIN ${S}.geo g ON ST_DWithin(m.geom, g.geom, m.mind + ${tol}) JOIN ${S}.edges e ON e.id = g.id)
      SELECT kind, pid, eid, cost, least(frac * cost, cost) AS off, dist AS acc FROM d WHERE dist <= mind + ${tol}`);
    await client.query(`CREATE INDEX ON ${S}.entry (kind, eid); ANALYZE ${S}.entry;`);
    // Virtual start vertex 0 joined to both ends of every facility entry (offset + gap), as in the field.
    const res = await client.query<{ pid: number; d: number | null }>(
      `WITH field AS (
         SELECT node, agg_cost FROM pgr_drivingDistance(
           'SELECT id, source, target, cost, cost AS reverse_cost FROM ${S}.edges
            UNION ALL SELECT -2 * row_number() OVER () - 1, 0, e.source, f.off + f.acc, f.off + f.acc
              FROM ${S}.entry f JOIN ${S}.edges e ON e.id = f.eid WHERE f.kind = ''f''
            UNION ALL SELECT -2 * row_number() OVER () - 2, 0, e.target, f.cost - f.off + f.acc,
                             f.cost - f.off + f.acc
              FROM ${S}.entry f JOIN ${S}.edges e ON e.id = f.eid WHERE f.kind = ''f''',
           0::bigint, 1e9::float8, false))
       SELECT h.pid, min(least(fu.agg_cost + h.off, fv.agg_cost + h.cost - h.off,
                (SELECT min(abs(f.off - h.off) + f.acc) FROM ${S}.entry f WHERE f.kind = 'f' AND f.eid = h.eid))
              + h.acc) AS d
         FROM ${S}.entry h JOIN ${S}.edges e ON e.id = h.eid
         LEFT JOIN field fu ON fu.node = e.source LEFT JOIN field fv ON fv.node = e.target
        WHERE h.kind = 'h' GROUP BY h.pid`,
    );
    const theirs = new Map(res.rows.map((r) => [Number(r.pid), r.d === null ? Infinity : Number(r.d)]));
    let worst = 0,
      compared = 0;
    for (let i = 0; i < homes.length; i++) {
      const t = theirs.get(i) ?? Infinity;
      expect(Number.isFinite(t)).toBe(Number.isFinite(ours[i]!));
      if (!Number.isFinite(t)) continue;
      worst = Math.max(worst, Math.abs(t - ours[i]!));
      compared++;
    }
    expect(compared).toBeGreaterThan(20_000);
    expect(worst).toBeLessThan(0.5);
    // The rule is in force: many buildings have more than one entry.
    const multi = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT pid FROM ${S}.entry WHERE kind = 'h' GROUP BY pid HAVING count(*) > 1) x`,
    );
    expect(Number(multi.rows[0]!.n)).toBeGreaterThan(1000);
  }, 180_000);
});
