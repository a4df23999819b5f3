/**
 * The input guard and the edge checks: malformed Origin, NUL / lone surrogates anywhere in a request, a bad
 * status filter, router errors — each a 4xx with the standard body, never a 500.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { findUnstorable, isUnstorableText } from './inputGuard.ts';

let t: TestApp;
let staff: Session;
let resident: Session;
beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  resident = await login(t.app, 'resident_silu');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('unstorable text', () => {
  test('NUL and unpaired surrogates are found; paired ones and ordinary text are not', () => {
    expect(isUnstorableText('a\u0000b')).toBe(true);
    expect(isUnstorableText('\ud800')).toBe(true);
    expect(isUnstorableText('x\udc00')).toBe(true);
    expect(isUnstorableText('💩东湖\ufffd')).toBe(false);
    expect(findUnstorable({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] })).toBe('/a/2/c');
    expect(findUnstorable({ 'k\u0000': 1 })).toBe('/k\u0000');
  });
});

describe('edge of the HTTP layer', () => {
  test('a malformed Origin on login and on Open311 is refused as cross-site, not a 500', async () => {
    for (const origin of ['not a url', 'http://', 'http://[::1', '://x']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dh_staff', password: 'linli-demo' },
        headers: { origin },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(code(res.body)).toBe('CSRF_FAILED');
      const o = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: 'service_code=x&lat=39&long=100',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(o.statusCode, origin).toBe(403);
    }
  });

  test('NUL in a JSON body, the query, a path parameter or a header is a 400 INVALID_TEXT', async () => {
    const cases = [
      await resident.request('POST', '/api/cases', { categoryCode: 'X', description: 'a\u0000b' }),
      await staff.request('GET', '/api/residents?q=a%00b'),
      await staff.request('GET', '/api/places/620702%00'),
      await resident.request(
        'POST',
        '/api/cases',
        { categoryCode: 'X', description: 'ok' },
        { 'idempotency-key': 'k\u0000' },
      ),
      await staff.request('PATCH', '/api/households/00000000-0000-7000-8000-000000000000', { note: '\ud800' }),
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"username":"a\\u0000","password":"x"}',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(code(res.body)).toBe('INVALID_TEXT');
    }
  });

  test('an unknown case status filter is a 400, not a 500', async () => {
    const res = await staff.request('GET', '/api/cases?status=open');
    expect(res.statusCode).toBe(400);
    expect(code(res.body)).toBe('VALIDATION_FAILED');
    expect((await staff.request('GET', '/api/cases?status=registered,closed')).statusCode).toBe(200);
  });

  test('router errors (bad percent-encoding, over-long parameter) have the standard body', async () => {
    for (const url of ['/api/places/%FF', '/api/places/%E4%B8', `/api/grids/${'x'.repeat(200)}`]) {
      const res = await staff.request('GET', url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(code(res.body)).toBe('BAD_REQUEST');
    }
  });

  test('a multipart content type without a usable body is a 4xx', async () => {
    const res = await resident.request('POST', '/api/cases', '0', { 'content-type': 'multipart/form-data' });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
