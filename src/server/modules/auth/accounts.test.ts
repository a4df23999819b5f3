import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from '../registry/demo/generate.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { ACCOUNTS_LIST_MAX } from './accounts.ts';

const demo = generateDemoCommunity();
const C = demo.community.code;
const G2 = demo.grids[1]!.code;
const G5 = demo.grids[4]!.code;
let t: TestApp;
let staff: Session;

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

describe('account administration', () => {
  let id = '';
  it('community staff create a grid worker for a grid of their community, who can then log in', async () => {
    const r = await staff.request('POST', '/api/accounts', {
      username: 'grid02b',
      displayName: '新网格员',
      role: 'grid_worker',
      scopeCode: G2,
      phone: '13900001111',
      password: 'start-2026x',
    });
    expect(r.statusCode).toBe(201);
    id = r.json().account.id;
    const s = await login(t.app, 'grid02b', 'start-2026x');
    expect(s.account.scope?.code).toBe(G2);
    const list = (await staff.request('GET', '/api/accounts'))
      .json()
      .items.map((a: { username: string }) => a.username);
    expect(list).toEqual(expect.arrayContaining(['grid01', 'grid02b', 'resident_silu']));
    expect(list).not.toContain('bj_street');
  });

  it('refuses roles at or above their own, the wrong level, taken usernames and weak passwords', async () => {
    const base = { displayName: 'x', password: 'start-2026x' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ username: 'boss1', role: 'community_staff', scopeCode: C }, 403, 'FORBIDDEN'],
      [{ username: 'boss2', role: 'grid_worker', scopeCode: C }, 400, 'SCOPE_LEVEL'],
      [{ username: 'grid01', role: 'grid_worker', scopeCode: G2 }, 409, 'USERNAME_TAKEN'],
      [{ username: 'weak1', role: 'grid_worker', scopeCode: G2, password: 'short' }, 400, 'WEAK_PASSWORD'],
      [{ username: 'ghost', role: 'grid_worker', scopeCode: `${C}99` }, 404, 'NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const r = await staff.request('POST', '/api/accounts?lang=en', { ...base, ...body });
      expect([r.statusCode, r.json().error.code]).toEqual([status, code]);
    }
    expect(
      (
        await staff.request('POST', '/api/accounts', { ...base, username: 'lvl1', role: 'grid_worker', scopeCode: C })
      ).json().error.message,
    ).toBe('该角色须绑定到网格');
  });

  it('moves a worker to another grid, disables them (sessions end at once) and resets a password', async () => {
    const s = await login(t.app, 'grid02b', 'start-2026x');
    const moved = await staff.request('PATCH', `/api/accounts/${id}`, { scopeCode: G5 });
    expect(moved.json().account.scopeCode).toBe(G5);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const s2 = await login(t.app, 'grid02b', 'start-2026x');
    expect((await staff.request('PATCH', `/api/accounts/${id}`, { disabled: true })).json().account.disabled).toBe(
      true,
    );
    expect((await s2.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, 'grid02b', 'start-2026x')).rejects.toThrow(/401/);
    await staff.request('PATCH', `/api/accounts/${id}`, { disabled: false });
    expect(
      (await staff.request('POST', `/api/accounts/${id}/password`, { newPassword: 'again-2026y' })).statusCode,
    ).toBe(200);
    await login(t.app, 'grid02b', 'again-2026y');
    const audit = await (await login(t.app, 'auditor')).request('GET', '/api/audit?entity=account&pageSize=50');
    const actions = audit
      .json()
      .items.filter((e: { entityId: string }) => e.entityId === id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'password_reset']));
    expect(JSON.stringify(audit.json())).not.toContain('$argon2');
  });

  it('creates a resident login bound to a resident record (scope = their grid)', async () => {
    const rs = (await staff.request('GET', `/api/residents?code=${G5}&pageSize=5`)).json().items;
    const adult = rs.find((r: { protected: boolean; age: number }) => !r.protected && r.age >= 18);
    const r = await staff.request('POST', '/api/accounts', {
      username: 'res_g5',
      displayName: adult.name,
      role: 'resident',
      residentId: adult.id,
      password: 'start-2026x',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().account.scopeCode).toBe(G5);
    const s = await login(t.app, 'res_g5', 'start-2026x');
    await s.request('POST', '/api/auth/password', { currentPassword: 'start-2026x', newPassword: 'mine-2026-kite' });
    expect((await s.request('GET', `/api/households/${adult.householdId}`)).statusCode).toBe(200);
  });

  it('an account made or reset by staff must change its password before anything else', async () => {
    const made = await staff.request('POST', '/api/accounts', {
      username: 'grid03b',
      displayName: '新网格员三',
      role: 'grid_worker',
      scopeCode: demo.grids[2]!.code,
      password: 'given-2026-pw',
    });
    expect(made.statusCode).toBe(201);
    const s = await login(t.app, 'grid03b', 'given-2026-pw');
    expect(s.account).toMatchObject({ mustChangePassword: true });
    for (const [method, url] of [
      ['GET', '/api/residents?pageSize=1'],
      ['GET', `/api/places/${demo.grids[2]!.code}`],
      ['GET', '/api/cases'],
      ['POST', '/api/cases/patrols'],
    ] as const) {
      const r = await s.request(method, `${url}${url.includes('?') ? '&' : '?'}lang=en`);
      expect([url, r.statusCode, r.json().error.code]).toEqual([url, 403, 'PASSWORD_CHANGE_REQUIRED']);
    }
    expect((await s.request('GET', '/api/auth/me')).json().account.mustChangePassword).toBe(true);
    const same = await s.request('POST', '/api/auth/password', {
      currentPassword: 'given-2026-pw',
      newPassword: 'given-2026-pw',
    });
    expect(same.json().error.code).toBe('PASSWORD_REUSED');
    const changed = await s.request('POST', '/api/auth/password', {
      currentPassword: 'given-2026-pw',
      newPassword: 'own-choice-77k',
    });
    expect(changed.statusCode).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).json().account.mustChangePassword).toBe(false);
    expect((await s.request('GET', '/api/residents?pageSize=1')).statusCode).toBe(200);
    // A reset by staff puts the flag back (and ends the session).
    const id = made.json().account.id;
    expect(
      (await staff.request('POST', `/api/accounts/${id}/password`, { newPassword: 'reset-2026-pw' })).statusCode,
    ).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await login(t.app, 'grid03b', 'reset-2026-pw');
    expect((await again.request('GET', '/api/residents?pageSize=1')).json().error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect((await again.request('POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('applies the password rules on create and reset: common passwords and the username are refused', async () => {
    const base = { displayName: 'x', role: 'grid_worker', scopeCode: G2 };
    const cases: [string, string, string][] = [
      ['pw_a', 'woaini1314', 'PASSWORD_TOO_COMMON'],
      ['pw_b', 'qq123456', 'PASSWORD_TOO_COMMON'],
      ['pw_c', 'zhang1990', 'PASSWORD_TOO_COMMON'],
      ['pw_d', 'password123', 'PASSWORD_TOO_COMMON'],
      ['wangxiao', 'Wangxiao-2026', 'PASSWORD_CONTAINS_USERNAME'],
    ];
    for (const [username, password, code] of cases) {
      const r = await staff.request('POST', '/api/accounts?lang=en', { ...base, username, password });
      expect([username, r.statusCode, r.json().error.code]).toEqual([username, 400, code]);
    }
    const grid01 = (await staff.request('GET', '/api/accounts'))
      .json()
      .items.find((a: { username: string }) => a.username === 'grid01');
    const r = await staff.request('POST', `/api/accounts/${grid01.id}/password`, { newPassword: 'grid01-2026' });
    expect(r.json().error.code).toBe('PASSWORD_CONTAINS_USERNAME');
    const own = await login(t.app, 'grid08');
    const c = await own.request('POST', '/api/auth/password', {
      currentPassword: 'linli-demo',
      newPassword: '5201314a',
    });
    expect(c.json().error.code).toBe('PASSWORD_TOO_COMMON');
  });

  it('demo accounts are not asked to change their published password (demo and browser tests)', async () => {
    expect((await login(t.app, 'gz_admin')).account).toMatchObject({ mustChangePassword: false });
  });

  it('grid workers and residents manage no accounts; nobody edits themself here', async () => {
    const w = await login(t.app, 'grid01');
    expect((await w.request('GET', '/api/accounts')).statusCode).toBe(403);
    const me = staff.account.id;
    expect((await staff.request('PATCH', `/api/accounts/${me}`, { disabled: true })).statusCode).toBe(403);
  });

  it("shows a resident account's phone in full to community staff only; street staff see it masked", async () => {
    await t.handle.db
      .updateTable('accounts')
      .set({ phone: '13912345678' })
      .where('username', '=', 'resident_silu')
      .execute();
    const phoneOf = async (s: Session) =>
      (await s.request('GET', '/api/accounts'))
        .json()
        .items.find((a: { username: string }) => a.username === 'resident_silu')?.phone;
    expect(await phoneOf(staff)).toBe('13912345678');
    const street = await login(t.app, 'bj_street');
    expect(await phoneOf(street)).toBe('139****5678');
  });

  it('never cuts the list silently: past the cap the answer says there are more', async () => {
    const rows = Array.from({ length: ACCOUNTS_LIST_MAX + 5 }, (_, i) => ({
      id: uuidv7(),
      username: `bulk${i}`,
      display_name: `批量${i}`,
      role: 'grid_worker' as const,
      scope_code: G5,
      password_hash: 'x',
    }));
    for (let i = 0; i < rows.length; i += 500)
      await t.handle.db
        .insertInto('accounts')
        .values(rows.slice(i, i + 500))
        .execute();
    const r = (await staff.request('GET', '/api/accounts')).json();
    expect(r.items).toHaveLength(ACCOUNTS_LIST_MAX);
    expect(r.more).toBe(true);
    const few = (await staff.request('GET', `/api/accounts?code=${G2}`)).json();
    expect(few.more).toBe(false);
  });
});
