import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { gcoord } from '../../../shared/geo/crs.ts';

const demo = generateDemoCommunity();
const C = demo.community.code;
let t: TestApp;
let staff: Session;

/** A point well inside grid n (the centroid of its bounding box is inside for these rectangles). */
function inside(n: number): [number, number] {
  const ring = demo.grids[n]!.boundary.coordinates[0]!;
  const xs = ring.map((p) => p[0]!),
    ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('point → grid', () => {
  it('finds the grid of a WGS-84 point, and of the same spot given in GCJ-02 and BD-09', async () => {
    const [lon, lat] = inside(4);
    const w = (await staff.request('GET', `/api/geo/locate?lon=${lon}&lat=${lat}`)).json();
    expect(w.grid.code).toBe(demo.grids[4]!.code);
    expect(w.community.code).toBe(C);
    const [glon, glat] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const g = (await staff.request('GET', `/api/geo/locate?lon=${glon}&lat=${glat}&crs=gcj02`)).json();
    expect(g.grid.code).toBe(demo.grids[4]!.code);
    expect(Math.abs(g.wgs84[0] - lon)).toBeLessThan(1e-5);
    const [blon, blat] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as [number, number];
    expect((await staff.request('GET', `/api/geo/locate?lon=${blon}&lat=${blat}&crs=BD-09`)).json().grid.code).toBe(
      demo.grids[4]!.code,
    );
  });

  it('a point outside every grid falls to no grid (and to no community far away)', async () => {
    const r = (await staff.request('GET', '/api/geo/locate?lon=116.39&lat=39.9')).json();
    expect(r).toMatchObject({ grid: null, community: null });
  });

  it('refuses out-of-range coordinates and unknown coordinate systems', async () => {
    const a = await staff.request('GET', '/api/geo/locate?lon=200&lat=38');
    expect(a.statusCode).toBe(400);
    expect(a.json().error.code).toBe('BAD_COORDINATES');
    const b = await staff.request('GET', '/api/geo/locate?lon=100&lat=38&crs=mars');
    expect(b.json().error.code).toBe('BAD_CRS');
    const c = await staff.request('GET', '/api/geo/locate?lon=abc&lat=38');
    expect(c.statusCode).toBe(400);
  });
});

describe('GeoJSON import/export of grids and compounds', () => {
  const post = (body: unknown) => staff.request('POST', `/api/places/${C}/geojson?lang=en`, body);
  async function grids(): Promise<FeatureCollection> {
    return (await staff.request('GET', `/api/places/${C}/geojson?kind=grids`)).json();
  }

  it('round-trips the grids: re-importing the export updates them and moves nobody', async () => {
    const fc = await grids();
    expect(fc.features).toHaveLength(8);
    const r = await post({ kind: 'grids', crs: 'wgs84', featureCollection: fc });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ created: 0, updated: 8, rehomedBuildings: 0 });
  });

  it('keeps every part of a MultiPolygon grid, and the point → grid index finds each part', async () => {
    const fc = await grids();
    const g0 = fc.features.find((f) => f.properties?.code === demo.grids[5]!.code)!;
    const ring = (g0.geometry as Polygon).coordinates[0]!.slice(0, -1); // without the closing point
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const xm = (x0 + x1) / 2;
    // cut the rectangle at xm into a west and an east part, keeping every original vertex (counter-clockwise)
    const side = (x: number, dir: 1 | -1) => ring.filter((p) => p[0] === x).sort((p, q) => dir * (p[1]! - q[1]!));
    const edge = (y: number, lo: number, hi: number, dir: 1 | -1) =>
      ring.filter((p) => p[1] === y && p[0]! > lo && p[0]! < hi).sort((p, q) => dir * (p[0]! - q[0]!));
    const w = [...side(x0, -1), ...edge(y0, x0, xm, 1), [xm, y0], [xm, y1], ...edge(y1, x0, xm, -1)];
    const e = [[xm, y0], ...edge(y0, xm, x1, 1), ...side(x1, 1), ...edge(y1, xm, x1, -1), [xm, y1]];
    const multi = { type: 'MultiPolygon', coordinates: [[[...w, w[0]!]], [[...e, e[0]!]]] };
    const r = await post({
      kind: 'grids',
      crs: 'wgs84',
      featureCollection: { ...fc, features: fc.features.map((f) => (f === g0 ? { ...f, geometry: multi } : f)) },
    });
    expect(r.statusCode, r.body).toBe(200);
    const back = (await grids()).features.find((f) => f.properties?.code === demo.grids[5]!.code)!;
    expect(back.geometry).toEqual(multi);
    const east = [(xm + x1) / 2, (y0 + y1) / 2];
    const hit = (await staff.request('GET', `/api/geo/locate?lon=${east[0]}&lat=${east[1]}`)).json();
    expect(hit.grid.code).toBe(demo.grids[5]!.code);
    // put the single polygon back for the tests that follow
    expect((await post({ kind: 'grids', crs: 'wgs84', featureCollection: fc })).statusCode).toBe(200);
  });

  it('accepts GCJ-02 grids and stores them as WGS-84', async () => {
    const fc = await grids();
    const gcj = {
      ...fc,
      features: fc.features.map((f) => ({
        ...f,
        geometry: {
          type: 'Polygon',
          coordinates: (f.geometry as Polygon).coordinates.map((ring) =>
            ring.map((p) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02)),
          ),
        },
      })),
    };
    const r = await post({ kind: 'grids', crs: 'gcj02', featureCollection: gcj });
    expect(r.statusCode).toBe(200);
    const back = await grids();
    const a = (fc.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    const b = (back.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(Math.abs(a[0]! - b[0]!)).toBeLessThan(1e-5);
  });

  it('refuses a self-intersecting polygon, a neighbour overlap, a gap, duplicate codes; writes nothing', async () => {
    const fc = await grids();
    const before = JSON.stringify(fc);
    const bowtie = structuredClone(fc);
    const ring = (bowtie.features[0]!.geometry as Polygon).coordinates[0]!;
    [ring[1], ring[2]] = [ring[2]!, ring[1]!];
    const r1 = await post({ kind: 'grids', crs: 'wgs84', featureCollection: bowtie });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.code).toBe('BAD_GEOMETRY');

    const grown = structuredClone(fc);
    const g0 = grown.features[0]!.geometry as Polygon;
    const xs = g0.coordinates[0]!.map((p) => p[0]!);
    const maxX = Math.max(...xs);
    g0.coordinates[0] = g0.coordinates[0]!.map((p) => (p[0] === maxX ? [p[0]! + 0.0005, p[1]!] : p));
    const r2 = await post({ kind: 'grids', crs: 'wgs84', featureCollection: grown });
    expect(r2.statusCode).toBe(400);
    expect(JSON.stringify(r2.json().error.details)).toMatch(/GEOMETRY_OVERLAP|GEOMETRY_OUTSIDE/);

    const shrunk = structuredClone(fc);
    const s0 = shrunk.features[0]!.geometry as Polygon;
    s0.coordinates[0] = s0.coordinates[0]!.map((p) => (p[0] === Math.max(...xs) ? [p[0]! - 0.0005, p[1]!] : p));
    const r3 = await post({ kind: 'grids', crs: 'wgs84', featureCollection: shrunk });
    expect(r3.statusCode).toBe(400);
    expect(JSON.stringify(r3.json().error.details)).toContain('GEOMETRY_GAP');

    const dup = structuredClone(fc);
    dup.features[1]!.properties!.code = dup.features[0]!.properties!.code;
    const r4 = await post({ kind: 'grids', crs: 'wgs84', featureCollection: dup });
    expect(JSON.stringify(r4.json().error.details)).toContain('DUPLICATE_CODE');

    const badCode = structuredClone(fc);
    badCode.features[0]!.properties!.code = '12345';
    expect(
      JSON.stringify((await post({ kind: 'grids', crs: 'wgs84', featureCollection: badCode })).json().error.details),
    ).toContain('BAD_CODE');
    expect(JSON.stringify(await grids())).toBe(before);
  });

  it('redrawing two grids moves buildings, households and residents to the grid that now contains them', async () => {
    const fc = await grids();
    // swap the boundaries of grids 1 and 2: every building in them changes grid
    const [a, b] = [fc.features[0]!, fc.features[1]!];
    [a.geometry, b.geometry] = [b.geometry, a.geometry];
    const r = await post({
      kind: 'grids',
      crs: 'wgs84',
      featureCollection: { type: 'FeatureCollection', features: [a, b] },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().rehomedBuildings).toBeGreaterThan(0);
    const code1 = a.properties!.code as string;
    const [lon, lat] = inside(1);
    expect((await staff.request('GET', `/api/geo/locate?lon=${lon}&lat=${lat}`)).json().grid.code).toBe(code1);
    const mismatched = await t.handle.db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .innerJoin('buildings as b', 'b.id', 'h.building_id')
      .select('r.id')
      .whereRef('r.grid_code', '!=', 'b.grid_code')
      .execute();
    expect(mismatched).toHaveLength(0);
  });

  it('imports compounds and refuses one that overlaps another', async () => {
    const cs = (await staff.request('GET', `/api/places/${C}/geojson?kind=compounds`)).json() as FeatureCollection;
    const first = cs.features[0]!;
    const copy = { ...structuredClone(first), properties: { ...first.properties, name: '新建小区' } };
    const r = await post({
      kind: 'compounds',
      crs: 'wgs84',
      featureCollection: { type: 'FeatureCollection', features: [copy] },
    });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().error.details)).toContain('GEOMETRY_OVERLAP');
    const ok = await post({
      kind: 'compounds',
      crs: 'wgs84',
      featureCollection: {
        type: 'FeatureCollection',
        features: [{ ...first, properties: { ...first.properties, propertyManager: '甘州物业' } }],
      },
    });
    expect(ok.json()).toEqual({ created: 0, updated: 1 });
  });

  it('refuses a 15-digit grid code among 14-digit grids (it would widen a worker’s prefix scope)', async () => {
    const fc = await grids();
    const g0 = fc.features[0]!;
    const wide = { ...g0, properties: { ...g0.properties, code: `${g0.properties?.code}1`, name: '宽编码网格' } };
    const r = await post({ kind: 'grids', crs: 'wgs84', featureCollection: { ...fc, features: [wide] } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([
      { feature: 0, code: 'BAD_CODE', detail: `${wide.properties.code} (mixed_width)` },
    ]);
  });
});
