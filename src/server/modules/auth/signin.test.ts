/** Sign-in hardening: the per-IP brake across usernames, Secure cookies over https, trusted proxies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../testing/harness.ts';
import { delayFor, LoginThrottle, THROTTLE_DEFAULTS } from './loginThrottle.ts';

let t: TestApp;
beforeAll(async () => {
  // The in-process client connects from 127.0.0.1, which plays the reverse proxy here.
  t = await testApp({ config: { trustProxy: '127.0.0.1' } });
});
afterAll(async () => {
  await t.close();
});

const USERS = [
  ...Array.from({ length: 8 }, (_, i) => `grid0${i + 1}`),
  'dh_staff',
  'bj_street',
  'gz_admin',
  'auditor',
  'shop01',
  'resident_silu',
  'resident_elder',
];

function attempt(username: string, password: string, ip: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login?lang=en',
    remoteAddress: ip,
    headers,
    payload: { username, password },
  });
}

describe('password spraying from one IP', () => {
  it('lets 5 failures through, then makes every attempt wait a doubling delay, whatever the username', async () => {
    const ip = '203.0.113.7';
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) {
      // A spoofed X-Forwarded-For from an untrusted peer must not give each attempt a fresh address.
      const r = await attempt(USERS[i % USERS.length]!, 'Summer2026', ip, { 'x-forwarded-for': `10.9.0.${i}` });
      codes.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.json().error.code).toBe('RATE_LIMITED');
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    // Even the right password is refused during the wait (a hit cannot be told apart) …
    expect((await attempt('grid03', 'linli-demo', ip)).statusCode).toBe(429);
    // … another address is not affected …
    expect((await attempt('grid03', 'linli-demo', '203.0.113.8')).statusCode).toBe(200);
    // … and after the delay one more attempt is looked at, then the next wait is twice as long.
    t.clock.advance(1_000);
    expect((await attempt('grid05', 'Summer2026', ip)).statusCode).toBe(401);
    t.clock.advance(1_000);
    const r = await attempt('grid06', 'Summer2026', ip);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    t.clock.advance(1_000);
    expect((await attempt('grid06', 'linli-demo', ip)).statusCode).toBe(200);
  });

  it('counts parallel attempts: a burst cannot slip through together', async () => {
    const rs = await Promise.all(USERS.map((u) => attempt(u, 'Winter2026', '203.0.113.20')));
    expect(rs.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(rs.filter((r) => r.statusCode === 429)).toHaveLength(USERS.length - 5);
  });

  it('separates clients behind a trusted proxy by X-Forwarded-For', async () => {
    for (let i = 0; i < 6; i++) await attempt('grid07', 'Autumn2026', '127.0.0.1', { 'x-forwarded-for': '198.18.0.1' });
    expect((await attempt('grid07', 'Autumn2026', '127.0.0.1', { 'x-forwarded-for': '198.18.0.1' })).statusCode).toBe(
      429,
    );
    expect((await attempt('grid07', 'linli-demo', '127.0.0.1', { 'x-forwarded-for': '198.18.0.2' })).statusCode).toBe(
      200,
    );
  });

  it('delays double from 1 s up to 15 min and the brake forgets failures after an hour', () => {
    expect([4, 5, 6, 7, 15, 99].map((n) => delayFor(n, THROTTLE_DEFAULTS))).toEqual([
      0, 1_000, 2_000, 4_000, 900_000, 900_000,
    ]);
    const th = new LoginThrottle(THROTTLE_DEFAULTS);
    for (let i = 0; i < 5; i++) th.begin('a', 0);
    expect(th.begin('a', 0).waitMs).toBe(1_000);
    expect(th.begin('a', 3_600_001).waitMs).toBe(0);
    // Memory is bounded: past maxIps addresses, the least recently failed one is forgotten.
    const small = new LoginThrottle({ ...THROTTLE_DEFAULTS, maxIps: 1 });
    for (let i = 0; i < 5; i++) small.begin('a', 0);
    expect(small.begin('a', 0).waitMs).toBe(1_000);
    small.begin('b', 0);
    expect(small.begin('a', 0).waitMs).toBe(0);
  });
});

describe('session cookie', () => {
  const cookieOf = (r: Awaited<ReturnType<typeof attempt>>) => r.cookies.find((c) => c.name === 'linli_sid')!;

  it('is Secure when the request came over https through the trusted proxy', async () => {
    const r = await attempt('dh_staff', 'linli-demo', '127.0.0.1', { 'x-forwarded-proto': 'https' });
    expect(r.statusCode).toBe(200);
    expect(cookieOf(r).secure).toBe(true);
  });

  it('is not Secure over plain http, nor when an untrusted client claims https', async () => {
    expect(cookieOf(await attempt('dh_staff', 'linli-demo', '127.0.0.1')).secure).toBeFalsy();
    const spoof = await attempt('dh_staff', 'linli-demo', '203.0.113.30', { 'x-forwarded-proto': 'https' });
    expect(cookieOf(spoof).secure).toBeFalsy();
  });
});
