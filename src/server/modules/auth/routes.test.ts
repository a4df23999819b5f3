import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { loginMaxPerMinute: 5 } });
});
afterAll(async () => {
  await t.close();
});

describe('auth', () => {
  it('logs in, sets a hardened cookie, answers /me, logs out', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dh_staff', password: 'linli-demo' },
    });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'linli_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const s = await login(t.app, 'dh_staff');
    const me = await s.request('GET', '/api/auth/me');
    expect(me.json().account).toMatchObject({
      username: 'dh_staff',
      role: 'community_staff',
      scope: { kind: 'community', name: '东湖社区' },
    });
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    const after = await s.request('GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with the same message as an unknown user, in the user language', async () => {
    const a = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.51.100.1',
      payload: { username: 'grid01', password: 'nope-nope1' },
    });
    const b = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login?lang=en',
      remoteAddress: '198.51.100.1',
      payload: { username: 'nobody', password: 'nope-nope1' },
    });
    expect(a.statusCode).toBe(401);
    expect(a.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    expect(b.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: 'Wrong username or password' });
  });

  it('rate-limits repeated login attempts with a clear 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '198.51.100.2',
        payload: { username: 'grid02', password: `wrong-${i}x` },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json().error.code).toBe('RATE_LIMITED');
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes[6]).toBe(429);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const s = await login(t.app, 'grid01');
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF_FAILED');
    const r2 = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(r2.statusCode).toBe(403);
  });

  it('refuses a cross-site login post', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'localhost:8080' },
      payload: { username: 'grid01', password: 'linli-demo' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('changes the password: checks the current one, enforces the policy, ends other sessions', async () => {
    const s1 = await login(t.app, 'grid04');
    const s2 = await login(t.app, 'grid04');
    expect(
      (await s1.request('POST', '/api/auth/password', { currentPassword: 'bad', newPassword: 'abcdefg12' })).json()
        .error.code,
    ).toBe('WRONG_PASSWORD');
    expect(
      (await s1.request('POST', '/api/auth/password', { currentPassword: 'linli-demo', newPassword: 'short' })).json()
        .error.code,
    ).toBe('WEAK_PASSWORD');
    expect(
      (await s1.request('POST', '/api/auth/password', { currentPassword: 'linli-demo', newPassword: 'new-pass-2026' }))
        .statusCode,
    ).toBe(200);
    expect((await s2.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await s1.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await login(t.app, 'grid04', 'new-pass-2026');
  });

  it('limits current-password guesses on the password change like logins', async () => {
    const s = await login(t.app, 'grid05');
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push(
        (await s.request('POST', '/api/auth/password', { currentPassword: `guess-${i}`, newPassword: 'new-pass-2027' }))
          .statusCode,
      );
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes[6]).toBe(429);
  });

  it('sends security headers: CSP without inline scripts, frame-ancestors, nosniff', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.json()).toEqual({ status: 'ok', db: t.handle.engine });
  });
});
