/**
 * Privacy issue item 7: every API response that is not declared public carries `Cache-Control: no-store`,
 * checked over every route in the app's route list (with a logged-in session, whatever the status), and over
 * the hijacked SSE stream through a real socket.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from '../../modules/registry/demo/generate.ts';

const C = generateDemoCommunity().community.code;
let t: TestApp;
let staff: Session;

/** Routes whose responses may be cached: no personal data. Adding one here is a deliberate decision. */
const PUBLIC = new Set([
  'GET /api/settings',
  'GET /api/registry/template.:format',
  // cobuild: published partner units and their completed projects (no personal data; cobuild/scope.test.ts)
  'GET /api/public/cobuild/:code/units',
  'GET /api/public/cobuild/units/:id',
]);
/** Hijacked routes (the hook cannot run): checked through a socket below. */
const HIJACKED = new Set(['GET /api/cases/stream']);

const param: Record<string, string> = { id: '01936f5e-0000-7000-8000-000000000000', code: C, format: 'csv' };
const urlOf = (pattern: string) => pattern.replace(/:(\w+)/g, (_m, k: string) => param[k] ?? 'x');

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('Cache-Control: no-store on every non-public API response', () => {
  it('the public routes are exactly the declared ones', () => {
    const declared = t.app.routeList.filter((r) => r.publicCache).map((r) => `${r.method} ${r.url}`);
    expect(declared.sort()).toEqual([...PUBLIC].sort());
  });

  it('every other /api/ route answers with no-store, whatever its status', async () => {
    const api = t.app.routeList.filter((r) => r.url.startsWith('/api/') && !HIJACKED.has(`${r.method} ${r.url}`));
    expect(api.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    // Logout last: it ends the session the other requests use.
    const ordered = [...api].sort((a, b) => Number(a.url.includes('logout')) - Number(b.url.includes('logout')));
    for (const r of ordered) {
      const key = `${r.method} ${r.url}`;
      const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : {};
      const res = await staff.request(r.method as 'GET', urlOf(r.url), body);
      const cc = res.headers['cache-control'];
      if (PUBLIC.has(key) ? cc === 'no-store' : cc !== 'no-store') wrong.push(`${key} → ${res.statusCode} ${cc}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000); // ~7 s alone: one request per route, some of them heavy (PDF, networks); generous on a busy machine

  it('an unknown /api/ URL and an unauthenticated request are not cached either', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: `/api/residents?code=${C}` })).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it('the SSE stream (hijacked) sends no-store itself', async () => {
    const s = await login(t.app, 'dh_staff');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('no port');
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: addr.port, path: '/api/cases/stream', headers: { cookie: s.cookie } },
        (res) => {
          resolve(res.headers);
          req.destroy();
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.end();
    });
    expect(String(headers['cache-control'])).toMatch(/^no-store/);
  });
});
