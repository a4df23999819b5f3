/**
 * An open SSE stream lives no longer than its session (robustness issue, item 9): logout closes the streams of
 * that session; a password change closes the streams of every other session of the account and keeps the
 * changing session's own; disabling the account closes them all. (Across instances: fanout.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, testApp, type TestApp } from '../../testing/harness.ts';
import { SILU_GRID } from './testing/demo.ts';
import { openStream, within } from './testing/sse.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await testApp({ config: { loginMaxPerMinute: 100 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

describe('SSE streams end with their session', () => {
  it('logout closes the streams of that session only', async () => {
    const a = await login(t.app, 'resident_silu');
    const b = await login(t.app, 'resident_silu');
    const sa = await openStream(base, a.cookie);
    const sb = await openStream(base, b.cookie);
    expect((await a.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect(await within(sa.ended, 10_000)).toBe(true);
    expect(await within(sb.ended, 300)).toBe(false);
    sb.close();
  });

  it('a password change closes the streams of the other sessions and keeps its own', async () => {
    const user = SILU_GRID.worker.username;
    const other = await login(t.app, user);
    const mine = await login(t.app, user);
    const sOther = await openStream(base, other.cookie);
    const sMine = await openStream(base, mine.cookie);
    const r = await mine.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Stream-Test-2026',
    });
    expect(r.statusCode).toBe(200);
    expect(await within(sOther.ended, 10_000)).toBe(true);
    expect(await within(sMine.ended, 300)).toBe(false);
    expect((await mine.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect(await within(sMine.ended, 10_000)).toBe(true);
  });

  it('disabling the account closes all its streams', async () => {
    const r = await login(t.app, 'resident_silu');
    const stream = await openStream(base, r.cookie);
    const staff = await login(t.app, 'dh_staff');
    const res = await staff.request('PATCH', `/api/accounts/${r.account.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(await within(stream.ended, 10_000)).toBe(true);
  });
});
