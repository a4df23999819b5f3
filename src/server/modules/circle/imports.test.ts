import { readFixture } from './fixtures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { writeFixturePbf } from './osm/pbf-writer.ts';
import * as repo from './repository.ts';
import { gcoord } from '../../../shared/geo/crs.ts';

const CODE = '620702004006';
let t: TestApp;
let staff: Session;
const octet = { 'content-type': 'application/octet-stream' };
const csv = { 'content-type': 'text/csv' };

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

async function nothingStored(): Promise<void> {
  expect(await repo.counts(t.handle.db)).toEqual({ networks: 0, facilities: 0 });
}

describe('bad input: a clear 4xx and nothing stored', () => {
  it('refuses a corrupt or truncated PBF and one without walkable ways', async () => {
    const good = writeFixturePbf(
      [
        { id: 1, lon: 7.42, lat: 43.73 },
        { id: 2, lon: 7.421, lat: 43.73 },
      ],
      [{ id: 10, refs: [1, 2], tags: { highway: 'footway' } }],
    );
    for (const bad of [good.subarray(0, good.length - 7), Buffer.from('not a pbf at all')]) {
      const r = await staff.request('POST', `/api/circle/${CODE}/networks?name=bad`, Buffer.from(bad), octet);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('OSM_CORRUPT');
      expect(r.json().error.message).toMatch(/损坏/);
    }
    const none = writeFixturePbf(
      [
        { id: 1, lon: 7.42, lat: 43.73 },
        { id: 2, lon: 7.421, lat: 43.73 },
      ],
      [{ id: 10, refs: [1, 2], tags: { highway: 'motorway' } }],
      false,
    );
    const r = await staff.request('POST', `/api/circle/${CODE}/networks?name=bad&lang=en`, Buffer.from(none), octet);
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'OSM_NO_WALKWAYS',
      message: expect.stringMatching(/no walkable ways/),
    });
    expect(
      (await staff.request('POST', `/api/circle/${CODE}/networks?name=Bad Name`, Buffer.from(good), octet)).json().error
        .code,
    ).toBe('CIRCLE_BAD_NETWORK_NAME');
    await nothingStored();
  });

  it('refuses empty and unknown categories', async () => {
    for (const category of ['', 'rocket_launch_site']) {
      const r = await staff.request('POST', `/api/circle/${CODE}/sites`, { category });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('CIRCLE_UNKNOWN_CATEGORY');
    }
    expect((await staff.request('GET', `/api/circle/${CODE}/layer?category=`)).json().error.code).toBe(
      'CIRCLE_UNKNOWN_CATEGORY',
    );
    const r = await staff.request(
      'POST',
      `/api/circle/${CODE}/facilities`,
      '类别,名称,经度,纬度\n,无类别,100.45,38.94\n火箭站,未知,100.45,38.94\n',
      csv,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { code: string }) => d.code)).toEqual(['EMPTY_CATEGORY', 'UNKNOWN_CATEGORY']);
    await nothingStored();
  });

  it('refuses unknown coordinate systems', async () => {
    const r = await staff.request(
      'POST',
      `/api/circle/${CODE}/facilities?crs=mars`,
      '类别,名称,经度,纬度\nkindergarten,新幼儿园,100.45,38.94\n',
      csv,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_CRS');
    expect(
      (await staff.request('GET', `/api/circle/${CODE}/area?lon=100.45&lat=38.94&crs=utm`)).json().error.code,
    ).toBe('BAD_CRS');
    await nothingStored();
  });

  it('reports facilities far from any path instead of snapping them, and imports nothing', async () => {
    const r = await staff.request(
      'POST',
      `/api/circle/${CODE}/facilities`,
      'category,name,lon,lat\nnursery,近的托儿所,100.4515,38.9420\nnursery,远的托儿所,100.52,38.99\n',
      csv,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('IMPORT_FAILED');
    expect(r.json().error.details).toEqual([{ row: 3, code: 'FAR_FROM_PATH', detail: expect.stringMatching(/ m$/) }]);
    expect((await staff.request('GET', `/api/circle/${CODE}/area?lon=100.52&lat=38.99`)).json().error.code).toBe(
      'CIRCLE_POINT_FAR',
    );
    await nothingStored();
  });

  it('refuses another community and roles without the right', async () => {
    for (const u of ['grid01', 'shop01', 'auditor']) {
      const s = await login(t.app, u);
      expect((await s.request('GET', `/api/circle/${CODE}/coverage`)).statusCode).toBe(403);
    }
    const r = await staff.request(
      'POST',
      `/api/circle/620702004007/facilities`,
      'category,name,lon,lat\nnursery,x,100.45,38.94\n',
      csv,
    );
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('OUT_OF_SCOPE');
    await nothingStored();
  });
});

describe('community facility import (GCJ-02 converted) changes coverage', () => {
  it('imports a nursery from GCJ-02 GeoJSON and the nursery gap closes partly', async () => {
    const before = (await staff.request('GET', `/api/circle/${CODE}/coverage`)).json();
    const gcj = gcoord.transform([100.4515, 38.942], gcoord.WGS84, gcoord.GCJ02); // as Amap / WeChat would give it
    expect(Math.abs(gcj[0] - 100.4515)).toBeGreaterThan(0.001);
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { category: '托儿所', name: '东湖托育园（导入）' },
          geometry: { type: 'Point', coordinates: gcj },
        },
      ],
    };
    const r = await staff.request('POST', `/api/circle/${CODE}/facilities?crs=gcj02`, fc);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ imported: 1, crs: 'gcj02' });
    const row = await t.handle.db.selectFrom('circle_facilities').selectAll().executeTakeFirstOrThrow();
    expect(Math.abs(row.lon - 100.4515)).toBeLessThan(0.0002);
    expect(Math.abs(row.lat - 38.942)).toBeLessThan(0.0002);
    const after = (await staff.request('GET', `/api/circle/${CODE}/coverage`)).json();
    const share = (c: typeof before) =>
      c.rows.find(
        (x: { category: string; profile: string; threshold: string }) =>
          x.category === 'nursery' && x.profile === 'standard' && x.threshold === 'min15',
      ).share.households;
    expect(share(before)).toBe(0);
    expect(share(after)).toBeGreaterThan(0.3);
    await t.handle.db.deleteFrom('circle_facilities').execute();
  });
});

describe('an OSM network (Monaco) stored in the database', () => {
  it('imports, lists, analyses with attribution, and re-import replaces it', async () => {
    const pbf = readFixture('osm/monaco.osm.pbf');
    const r = await staff.request('POST', `/api/circle/${CODE}/networks?name=monaco`, pbf, octet);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().stats.buildings).toBe(23373);
    const list = (await staff.request('GET', `/api/circle/${CODE}/networks`)).json().networks;
    expect(list.map((n: { name: string }) => n.name)).toEqual(['roads', 'monaco']);
    const cov = (await staff.request('GET', `/api/circle/${CODE}/coverage?network=monaco`)).json();
    expect(cov.network.attribution).toBe('© OpenStreetMap contributors');
    expect(cov.homes).toBe(23373);
    const ph = cov.rows.find(
      (x: { category: string; profile: string; threshold: string }) =>
        x.category === 'pharmacy' && x.profile === 'standard' && x.threshold === 'min15',
    );
    expect(ph.share.households).toBeGreaterThan(0.5);
    const again = await staff.request('POST', `/api/circle/${CODE}/networks?name=monaco`, pbf, octet);
    expect(again.statusCode).toBe(201);
    expect((await repo.counts(t.handle.db)).networks).toBe(1);
    const pdf = await staff.request('GET', `/api/circle/${CODE}/report.pdf?network=monaco`);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  }, 60_000);
});
