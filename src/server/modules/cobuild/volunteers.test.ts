/**
 * Volunteers: sign-up with a waiting list, the rotating QR check-in (time, place, expiry, reuse), check-out
 * crediting the time bank once, corrections by reversal rows, closing, and redemptions that never overdraw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { C, SILU } from './testing/fixtures.ts';

let t: TestApp;
let staff: Session;
let silu: Session;
let elder: Session;
const MIN = 60_000;
const near = { lon: SILU.lon, lat: SILU.lat + 0.0003, accuracyM: 10 }; // ~33 m north
const home = { lon: SILU.lon + 0.01, lat: SILU.lat, accuracyM: 10 }; // ~870 m east

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  silu = await login(t.app, 'resident_silu');
  elder = await login(t.app, 'resident_elder');
  for (const s of [silu, elder]) {
    const r = await s.request('POST', '/api/cobuild/me/volunteer', { skills: ['读报'] });
    expect(r.statusCode, r.body).toBe(201);
  }
}, 120_000);
afterAll(() => t?.close());

async function activity(capacity: number, startInMin = 10, hours = 2) {
  const start = t.clock.now().getTime() + startInMin * MIN;
  const r = await staff.request('POST', '/api/cobuild/activities', {
    communityCode: C,
    title: '陪伴独居老人读报',
    placeName: '丝路嘉苑活动室',
    ...SILU,
    radiusM: 100,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + hours * 60 * MIN).toISOString(),
    capacity,
    skills: ['读报'],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().activity.id as string;
}
const code = async (id: string) => (await staff.request('GET', `/api/cobuild/activities/${id}/code`)).json().code;
const check = (s: Session, id: string, action: 'in' | 'out', c: string, at = near) =>
  s.request('POST', `/api/cobuild/activities/${id}/check`, { action, code: c, ...at });

describe('volunteer activities', () => {
  it('fills places first come first served, queues the rest and promotes the first waiting on a cancel', async () => {
    const id = await activity(1);
    expect((await silu.request('POST', `/api/cobuild/activities/${id}/signup`)).json().mine.status).toBe('confirmed');
    const waiting = (await elder.request('POST', `/api/cobuild/activities/${id}/signup`)).json();
    expect(waiting.mine).toEqual({ status: 'waiting', waitingPosition: 1 });
    await silu.request('POST', `/api/cobuild/activities/${id}/cancel`);
    const promoted = (await elder.request('GET', `/api/cobuild/activities/${id}`)).json();
    expect(promoted.mine.status).toBe('confirmed');
    expect(promoted.activity.confirmed).toBe(1);
    // signing up again joins the back of the queue
    expect((await silu.request('POST', `/api/cobuild/activities/${id}/signup`)).json().mine.status).toBe('waiting');
  });

  it('never confirms more than the capacity under concurrent sign-ups', async () => {
    const id = await activity(1);
    const res = await Promise.all([silu, elder].map((s) => s.request('POST', `/api/cobuild/activities/${id}/signup`)));
    expect(res.map((r) => r.json().mine.status).sort()).toEqual(['confirmed', 'waiting']);
  });

  it('checks in with the rotating code only at the place, in time, once; a code sent home expires', async () => {
    const id = await activity(5, 40);
    await silu.request('POST', `/api/cobuild/activities/${id}/signup`);
    const early = await check(silu, id, 'in', await code(id));
    expect(early.json().error.code).toBe('COBUILD_TOO_EARLY');
    t.clock.advance(15 * MIN); // 25 min before the start: check-in is open
    const c1 = await code(id);
    expect((await check(silu, id, 'in', 'WRONG123')).json().error.code).toBe('COBUILD_CODE_INVALID');
    const far = await check(silu, id, 'in', c1, home);
    expect(far.statusCode).toBe(409);
    expect(far.json().error).toMatchObject({ code: 'COBUILD_TOO_FAR' });
    expect(far.json().error.message).toContain('100 米');
    const noGps = await silu.request('POST', `/api/cobuild/activities/${id}/check`, { action: 'in', code: c1 });
    expect(noGps.json().error.code).toBe('COBUILD_NO_LOCATION');
    const ok = await check(silu, id, 'in', c1.toLowerCase());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ action: 'in', minutes: null });
    // the same code again (for check-out) is refused for the same person
    expect((await check(silu, id, 'out', c1)).json().error.code).toBe('COBUILD_CODE_REUSED');
    // a code photographed now stops working after the next rotation
    const shot = await code(id);
    t.clock.advance(61_000);
    expect((await check(silu, id, 'out', shot)).json().error.code).toBe('COBUILD_CODE_INVALID');
    // the elder did not sign up: a valid code is not enough
    expect((await check(elder, id, 'in', await code(id))).json().error.code).toBe('COBUILD_NOT_SIGNED_UP');
  });

  it('credits the minutes once at check-out, corrects by reversal rows, and freezes hours at close', async () => {
    const id = await activity(5, 10, 2);
    await silu.request('POST', `/api/cobuild/activities/${id}/signup`);
    t.clock.advance(10 * MIN);
    expect((await check(silu, id, 'in', await code(id))).statusCode).toBe(200);
    t.clock.advance(90 * MIN);
    const out = await check(silu, id, 'out', await code(id));
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().minutes).toBe(90);
    t.clock.advance(MIN);
    expect((await check(silu, id, 'out', await code(id))).json().error.code).toBe('COBUILD_ALREADY_CHECKED');
    const vid = (await silu.request('GET', '/api/cobuild/me')).json().volunteer.id as string;
    const fixed = await staff.request('POST', `/api/cobuild/activities/${id}/hours`, {
      volunteerId: vid,
      minutes: 120,
      note: '提前到场布置',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const rows = fixed.json().rows.filter((r: { activityId: string }) => r.activityId === id);
    expect(rows.map((r: { kind: string; minutes: number }) => [r.kind, r.minutes])).toEqual([
      ['service', 90],
      ['reversal', -90],
      ['correction', 120],
    ]);
    expect((await staff.request('POST', `/api/cobuild/activities/${id}/close`)).statusCode).toBe(200);
    const late = await staff.request('POST', `/api/cobuild/activities/${id}/hours`, {
      volunteerId: vid,
      minutes: 60,
      note: '改',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('COBUILD_ACTIVITY_CLOSED');
    const mine = (await silu.request('GET', '/api/cobuild/me/hours')).json();
    expect(mine.balanceMinutes).toBe(mine.rows.reduce((s: number, r: { minutes: number }) => s + r.minutes, 0));
  });

  it('checks out whoever is still in when the activity closes, at its end', async () => {
    const id = await activity(5, 5, 1);
    await elder.request('POST', `/api/cobuild/activities/${id}/signup`);
    const vid = (await elder.request('GET', '/api/cobuild/me')).json().volunteer.id as string;
    const byOrganiser = await staff.request('POST', `/api/cobuild/activities/${id}/attendance`, {
      volunteerId: vid,
      action: 'in',
    });
    expect(byOrganiser.statusCode, byOrganiser.body).toBe(200);
    t.clock.advance(3 * 60 * MIN);
    expect((await staff.request('POST', `/api/cobuild/activities/${id}/close`)).statusCode).toBe(200);
    const l = (await elder.request('GET', '/api/cobuild/me/hours')).json();
    expect(l.rows.find((r: { activityId: string }) => r.activityId === id)).toMatchObject({
      kind: 'service',
      minutes: 60,
    });
  });

  it('redeems hours without ever overdrawing, also under concurrency; the ledger sum equals the balance', async () => {
    const me = (await silu.request('GET', '/api/cobuild/me')).json().volunteer;
    expect(me.balanceMinutes).toBe(120);
    const res = await Promise.all(
      Array.from({ length: 6 }, () =>
        staff.request('POST', `/api/cobuild/volunteers/${me.id}/redemptions`, { minutes: 50, service: '照护父母' }),
      ),
    );
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(2);
    const refused = res.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(4);
    expect(refused[0]!.json().error.code).toBe('COBUILD_INSUFFICIENT_HOURS');
    const l = (await staff.request('GET', `/api/cobuild/volunteers/${me.id}/hours`)).json();
    expect(l.balanceMinutes).toBe(20);
    expect(l.rows.reduce((s: number, r: { minutes: number }) => s + r.minutes, 0)).toBe(20);
    expect(l.years[0]).toMatchObject({ activities: 1, servedMinutes: 120, redeemedMinutes: 100 });
  });

  it('counts concurrent check-ins, check-outs and a concurrent close once', async () => {
    const id = await activity(5, 5, 1);
    await elder.request('POST', `/api/cobuild/activities/${id}/signup`);
    const vid = (await elder.request('GET', '/api/cobuild/me')).json().volunteer.id as string;
    const before = (await elder.request('GET', '/api/cobuild/me')).json().volunteer.balanceMinutes as number;
    t.clock.advance(5 * MIN);
    const c = await code(id);
    const ins = await Promise.all(Array.from({ length: 5 }, () => check(elder, id, 'in', c)));
    expect(ins.filter((r) => r.statusCode === 200)).toHaveLength(1);
    t.clock.advance(40 * MIN);
    const outs = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        staff.request('POST', `/api/cobuild/activities/${id}/attendance`, { volunteerId: vid, action: 'out' }),
      ),
      staff.request('POST', `/api/cobuild/activities/${id}/close`),
    ]);
    expect(outs.slice(0, 4).filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
    const l = (await elder.request('GET', '/api/cobuild/me/hours')).json();
    const rows = l.rows.filter((r: { activityId: string }) => r.activityId === id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'service', minutes: 40 });
    expect(l.balanceMinutes).toBe(before + 40);
  });

  it('issues a PDF certificate for the year', async () => {
    const res = await silu.request('GET', '/api/cobuild/me/certificate?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a correction that would take back redeemed hours', async () => {
    const id = await activity(5, 5, 1);
    await elder.request('POST', `/api/cobuild/activities/${id}/signup`);
    const vid = (await elder.request('GET', '/api/cobuild/me')).json().volunteer.id as string;
    t.clock.advance(5 * MIN);
    await staff.request('POST', `/api/cobuild/activities/${id}/attendance`, { volunteerId: vid, action: 'in' });
    t.clock.advance(30 * MIN);
    await staff.request('POST', `/api/cobuild/activities/${id}/attendance`, { volunteerId: vid, action: 'out' });
    const bal = (await elder.request('GET', '/api/cobuild/me')).json().volunteer.balanceMinutes as number;
    await staff.request('POST', `/api/cobuild/volunteers/${vid}/redemptions`, { minutes: bal, service: '助浴' });
    const r = await staff.request('POST', `/api/cobuild/activities/${id}/hours`, {
      volunteerId: vid,
      minutes: 0,
      note: '误记',
    });
    expect(r.json().error.code).toBe('COBUILD_INSUFFICIENT_HOURS');
  });
});
