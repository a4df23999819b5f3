import { afterAll, beforeAll, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

it("removing a resident unbinds and disables their login (auth's releaseResidentAccounts)", async () => {
  const elder = await login(t.app, 'resident_elder');
  const residentId = elder.account.residentId;
  expect(residentId).toBeTruthy();
  const staff = await login(t.app, 'dh_staff');
  const res = await staff.request('DELETE', `/api/residents/${residentId}`);
  expect(res.statusCode).toBeLessThan(300);
  const acc = await t.handle.db
    .selectFrom('accounts')
    .select(['resident_id', 'disabled'])
    .where('id', '=', elder.account.id)
    .executeTakeFirstOrThrow();
  expect(acc).toEqual({ resident_id: null, disabled: true });
  await expect(login(t.app, 'resident_elder')).rejects.toThrow(/401|BAD_CREDENTIALS/);
  // Other residents' accounts are untouched.
  const silu = await login(t.app, 'resident_silu');
  expect(silu.account.residentId).toBeTruthy();
});
