/**
 * "A session cannot read or write outside its scope by changing an id in the URL" — for every route that
 * takes an id or a place code. The completeness check fails when a new route with an id is not listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY, OTHER_GRID, type OtherIds } from '../../testing/fixtures.ts';
import { addOtherCase, type OtherCase } from '../cases/testing/other.ts';

let t: TestApp;
let o: OtherIds;
let oc: OtherCase;
const sessions: Record<string, Session> = {};

type Case = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: (o: OtherIds) => string; body?: unknown };
/** Route pattern → a request aimed at the other community. */
const cases: Record<string, Case> = {
  // the calendar is national: only a district admin may replace a year, never these roles
  'PUT /api/cases/calendar/:year': {
    method: 'PUT',
    url: () => '/api/cases/calendar/2030',
    body: { holidays: ['2030-01-01'], workdays: [], provisional: false },
  },
  'GET /api/places/:code': { method: 'GET', url: () => `/api/places/${OTHER_COMMUNITY}` },
  'GET /api/places/:code/map': { method: 'GET', url: () => `/api/places/${OTHER_COMMUNITY}/map` },
  'GET /api/grids/:code': { method: 'GET', url: () => `/api/grids/${OTHER_GRID}` },
  'GET /api/households': { method: 'GET', url: () => `/api/households?code=${OTHER_GRID}` },
  'GET /api/households/:id': { method: 'GET', url: (x) => `/api/households/${x.household}` },
  'PATCH /api/households/:id': {
    method: 'PATCH',
    url: (x) => `/api/households/${x.household}`,
    body: { version: 1, ownerName: '篡改' },
  },
  'POST /api/households/:id/residents': {
    method: 'POST',
    url: (x) => `/api/households/${x.household}/residents`,
    body: {
      name: '入侵',
      gender: 'male',
      phone: null,
      idNumber: null,
      birthDate: '1990-01-01',
      relation: '其他',
      tags: [],
    },
  },
  'GET /api/residents': { method: 'GET', url: () => `/api/residents?code=${OTHER_GRID}` },
  'PATCH /api/residents/:id': {
    method: 'PATCH',
    url: (x) => `/api/residents/${x.adult}`,
    body: { version: 1, phone: '13000000000' },
  },
  'DELETE /api/residents/:id': { method: 'DELETE', url: (x) => `/api/residents/${x.adult}` },
  'GET /api/audit': { method: 'GET', url: () => `/api/audit?code=${OTHER_COMMUNITY}` },
  'GET /api/places/:code/geojson': { method: 'GET', url: () => `/api/places/${OTHER_COMMUNITY}/geojson?kind=grids` },
  'POST /api/places/:code/geojson': {
    method: 'POST',
    url: () => `/api/places/${OTHER_COMMUNITY}/geojson`,
    body: {
      kind: 'compounds',
      crs: 'wgs84',
      featureCollection: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'x' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [100.481, 38.931],
                  [100.482, 38.931],
                  [100.482, 38.932],
                  [100.481, 38.931],
                ],
              ],
            },
          },
        ],
      },
    },
  },
  'POST /api/registry/import': {
    method: 'POST',
    url: () => `/api/registry/import?community=${OTHER_COMMUNITY}`,
    body: '网格编码\n',
  },
  'GET /api/accounts': { method: 'GET', url: () => `/api/accounts?code=${OTHER_COMMUNITY}` },
  'POST /api/accounts': {
    method: 'POST',
    url: () => '/api/accounts',
    body: {
      username: 'intruder',
      displayName: '入侵',
      role: 'grid_worker',
      scopeCode: OTHER_GRID,
      password: 'abcdefg123',
    },
  },
  'PATCH /api/accounts/:id': { method: 'PATCH', url: (x) => `/api/accounts/${x.account}`, body: { disabled: true } },
  'POST /api/accounts/:id/password': {
    method: 'POST',
    url: (x) => `/api/accounts/${x.account}/password`,
    body: { newPassword: 'abcdefg123' },
  },
  'GET /api/registry/export.:format': {
    method: 'GET',
    url: () => `/api/registry/export.csv?community=${OTHER_COMMUNITY}`,
  },
  'GET /api/cases': { method: 'GET', url: () => `/api/cases?code=${OTHER_COMMUNITY}` },
  'GET /api/cases/map': { method: 'GET', url: () => `/api/cases/map?code=${OTHER_COMMUNITY}` },
  'GET /api/cases/overdue': { method: 'GET', url: () => `/api/cases/overdue?code=${OTHER_COMMUNITY}` },
  'GET /api/cases/metrics': { method: 'GET', url: () => `/api/cases/metrics?code=${OTHER_COMMUNITY}` },
  'GET /api/cases/metrics.xlsx': { method: 'GET', url: () => `/api/cases/metrics.xlsx?code=${OTHER_COMMUNITY}` },
  'GET /api/cases/:id': { method: 'GET', url: () => `/api/cases/${oc.caseId}` },
  'GET /api/cases/:id/history': { method: 'GET', url: () => `/api/cases/${oc.caseId}/history` },
  'GET /api/cases/photos/:id': { method: 'GET', url: () => `/api/cases/photos/${oc.photoId}` },
  'POST /api/cases/:id/actions': {
    method: 'POST',
    url: () => `/api/cases/${oc.caseId}/actions`,
    body: { action: 'verify', ok: true },
  },
  'GET /api/cases/jobs/parked': { method: 'GET', url: () => `/api/cases/jobs/parked?code=${OTHER_COMMUNITY}` },
  'POST /api/cases/:id/jobs/retry': { method: 'POST', url: () => `/api/cases/${oc.caseId}/jobs/retry` },
  'POST /api/cases/:id/notes': { method: 'POST', url: () => `/api/cases/${oc.caseId}/notes`, body: { note: '入侵' } },
  'POST /api/cases/:id/support': { method: 'POST', url: () => `/api/cases/${oc.caseId}/support` },
  'POST /api/cases/:id/confirm': {
    method: 'POST',
    url: () => `/api/cases/${oc.caseId}/confirm`,
    body: { fixed: true },
  },
  'POST /api/cases/:id/rate': { method: 'POST', url: () => `/api/cases/${oc.caseId}/rate`, body: { score: 1 } },
  'GET /api/cases/patrols/:id': { method: 'GET', url: () => `/api/cases/patrols/${oc.patrolId}` },
  'POST /api/cases/patrols/:id/track': {
    method: 'POST',
    url: () => `/api/cases/patrols/${oc.patrolId}/track`,
    body: { points: [{ lon: 100.48, lat: 38.93, at: '2026-11-27T02:00:00Z' }] },
  },
  'POST /api/cases/patrols/:id/stop': { method: 'POST', url: () => `/api/cases/patrols/${oc.patrolId}/stop` },
  'GET /api/circle/:code/networks': { method: 'GET', url: () => `/api/circle/${OTHER_COMMUNITY}/networks` },
  'POST /api/circle/:code/networks': {
    method: 'POST',
    url: () => `/api/circle/${OTHER_COMMUNITY}/networks?name=x`,
    body: {},
  },
  'GET /api/circle/:code/network': { method: 'GET', url: () => `/api/circle/${OTHER_COMMUNITY}/network` },
  'GET /api/circle/:code/coverage': { method: 'GET', url: () => `/api/circle/${OTHER_COMMUNITY}/coverage` },
  'GET /api/circle/:code/layer': {
    method: 'GET',
    url: () => `/api/circle/${OTHER_COMMUNITY}/layer?category=kindergarten`,
  },
  'GET /api/circle/:code/buildings/:id/nearest': {
    method: 'GET',
    url: (x) => `/api/circle/${OTHER_COMMUNITY}/buildings/${x.building}/nearest`,
  },
  'GET /api/circle/:code/area': {
    method: 'GET',
    url: () => `/api/circle/${OTHER_COMMUNITY}/area?lon=100.481&lat=38.931`,
  },
  'POST /api/circle/:code/sites': {
    method: 'POST',
    url: () => `/api/circle/${OTHER_COMMUNITY}/sites`,
    body: { category: 'kindergarten' },
  },
  'POST /api/circle/:code/whatif': {
    method: 'POST',
    url: () => `/api/circle/${OTHER_COMMUNITY}/whatif`,
    body: { category: 'kindergarten', add: { lon: 100.481, lat: 38.931 } },
  },
  'GET /api/circle/:code/report.pdf': { method: 'GET', url: () => `/api/circle/${OTHER_COMMUNITY}/report.pdf` },
  'POST /api/circle/:code/facilities': {
    method: 'POST',
    url: () => `/api/circle/${OTHER_COMMUNITY}/facilities`,
    body: { type: 'FeatureCollection', features: [] },
  },
};
/**
 * Prefixes whose module has its own scope test (`src/server/modules/<m>/scope.test.ts`) that walks every route of
 * the prefix for the same four users against another community's objects and fails on an uncovered route.
 */
const ownScopeTests = [
  '/api/fund/',
  '/api/shop/',
  '/api/consult/',
  '/api/cobuild/',
  '/api/care/',
  '/api/notices/',
  '/api/overview/',
  '/api/public/',
];
const hasOwnScopeTest = (url: string): boolean => ownScopeTests.some((p) => url.startsWith(p));
/** Routes that take no id or place code (nothing to tamper with). */
const unscoped = new Set([
  'GET /healthz',
  'GET /openapi.json',
  'GET /api/settings',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/auth/demo',
  'POST /api/auth/password',
  'PUT /api/auth/preferences',
  'GET /api/geo/locate',
  'GET /api/registry/template.:format',
  'GET /api/cases/categories',
  'GET /api/cases/calendar',
  'GET /api/cases/calendar/status', // the national working calendar: the same for every community
  'POST /api/cases',
  'POST /api/cases/help',
  'GET /api/cases/duplicates',
  'GET /api/cases/mine',
  'GET /api/cases/queue',
  'GET /api/cases/notifications',
  'POST /api/cases/notifications/read',
  'POST /api/cases/patrols',
  'GET /api/cases/stream',
  'GET /api/circle/categories',
]);

beforeAll(async () => {
  t = await testApp();
  o = await addOtherCommunity(t.handle.db);
  oc = await addOtherCase(t.handle.db);
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'bj_street', 'auditor', 'shop01'])
    sessions[u] = await login(t.app, u);
});
afterAll(async () => {
  await t.close();
});

describe('scope is enforced on every route with an id', () => {
  it('every /api route with a parameter or a place filter is covered', () => {
    const api = t.app.routeList
      .filter((r) => (r.url.startsWith('/api/') && !hasOwnScopeTest(r.url)) || r.url === '/healthz')
      .map((r) => `${r.method} ${r.url}`);
    expect(api.length).toBeGreaterThanOrEqual(Object.keys(cases).length + unscoped.size - 1);
    const missing = api.filter((k) => !(k in cases) && !unscoped.has(k));
    expect(missing).toEqual([]);
  });

  it('every route is under a prefix whose scope test exists (/api here, /open311 in open311Scope.test.ts)', () => {
    // A new public prefix (a disclosure page, another API) must get its own scope test before it is listed here.
    const documentation = new Set([
      'GET /docs',
      'GET /docs/static/index.html',
      'GET /docs/static/swagger-initializer.js',
      'GET /docs/json',
      'GET /docs/yaml',
      'GET /docs/static/*',
      'GET /openapi.json',
      'GET /healthz',
    ]);
    const uncovered = t.app.routeList
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !/^[A-Z]+ \/(api|open311)\//.test(k) && !documentation.has(k));
    expect(uncovered).toEqual([]);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    for (const [route, c] of Object.entries(cases)) {
      it(`${user}: ${route} on another community is refused`, async () => {
        const s = sessions[user]!;
        const headers = route.includes('import') ? { 'content-type': 'text/csv' } : undefined;
        const r = await s.request(c.method, c.url(o), c.body, headers);
        expect([403, 404]).toContain(r.statusCode);
        expect(['FORBIDDEN', 'OUT_OF_SCOPE', 'NOT_FOUND']).toContain(r.json().error.code);
      });
    }
  }

  it('nothing in the other community was changed', async () => {
    const adult = await t.handle.db
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', o.adult)
      .executeTakeFirstOrThrow();
    expect(adult.phone).toBe('13912345678');
    const h = await t.handle.db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', o.household)
      .executeTakeFirstOrThrow();
    expect(h.owner_name).toBe('王五');
    expect(
      await t.handle.db.selectFrom('residents').select('id').where('household_id', '=', o.household).execute(),
    ).toHaveLength(2);
  });

  it('a grid worker cannot reach a neighbouring grid of the same community', async () => {
    const s = sessions.grid03!;
    const code = `${s.account.scope!.code.slice(0, 12)}04`;
    expect((await s.request('GET', `/api/households?code=${code}`)).statusCode).toBe(403);
    expect((await s.request('GET', `/api/residents?code=${code}`)).statusCode).toBe(403);
  });

  it('street staff and auditors reach the other community read-only, with phone and ID masked', async () => {
    const r = await sessions.bj_street!.request('GET', `/api/households/${o.household}`);
    expect(r.statusCode).toBe(200);
    const adult = r.json().residents.find((x: { id: string }) => x.id === o.adult);
    expect(adult.phone).toBe('139****5678');
    expect(
      (await sessions.bj_street!.request('PATCH', `/api/residents/${o.adult}`, { version: 1, phone: '13000000000' }))
        .statusCode,
    ).toBe(403);
    expect((await sessions.auditor!.request('GET', `/api/audit?code=${OTHER_COMMUNITY}`)).statusCode).toBe(200);
  });
});
