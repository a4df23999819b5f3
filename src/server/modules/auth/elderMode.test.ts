/**
 * Elder mode belongs to the person: on by default for a resident aged 60+ or living alone (asked once), the
 * person's own choice kept with the account and winning over the default, off for everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

type Me = { account: { elderMode: boolean; elderModeAsk: boolean } };

describe('elder mode with the account', () => {
  it('is on by default for the 84-year-old resident living alone, who is asked once', async () => {
    const s = await login(t.app, 'resident_elder');
    expect((s.account as unknown as Me['account']).elderMode).toBe(true);
    const me = (await s.request('GET', '/api/auth/me')).json() as Me;
    expect(me.account).toMatchObject({ elderMode: true, elderModeAsk: true });
  });

  it('keeps the person’s own choice, on every device, and stops asking', async () => {
    const s = await login(t.app, 'resident_elder');
    const r = await s.request('PUT', '/api/auth/preferences', { elderMode: false });
    expect(r.statusCode).toBe(200);
    expect((r.json() as Me).account).toMatchObject({ elderMode: false, elderModeAsk: false });
    const other = await login(t.app, 'resident_elder'); // another phone
    expect((await other.request('GET', '/api/auth/me')).json()).toMatchObject({
      account: { elderMode: false, elderModeAsk: false },
    });
    await other.request('PUT', '/api/auth/preferences', { elderMode: true });
    expect((await s.request('GET', '/api/auth/me')).json()).toMatchObject({
      account: { elderMode: true, elderModeAsk: false },
    });
  });

  it('is off and never asked for a younger resident and for staff', async () => {
    for (const u of ['resident_silu', 'grid03', 'dh_staff']) {
      const s = await login(t.app, u);
      expect((await s.request('GET', '/api/auth/me')).json()).toMatchObject({
        account: { elderMode: false, elderModeAsk: false },
      });
    }
  });

  it('refuses a malformed preference and needs a session', async () => {
    const s = await login(t.app, 'resident_silu');
    for (const body of [{ elderMode: 'yes' }, {}, { elderMode: true, extra: 1 }]) {
      expect((await s.request('PUT', '/api/auth/preferences', body)).statusCode).toBe(400);
    }
    const anon = await t.app.inject({ method: 'PUT', url: '/api/auth/preferences', payload: { elderMode: true } });
    expect(anon.statusCode).toBe(401);
  });
});
