/**
 * Internal notes and public replies are two things: a progress note (or an action's note) is internal unless its
 * author marks it `public: true`. Residents — the reporter included — see only public replies and their own
 * words; staff see everything. Sensitive classes (one-press help) have no public view for neighbours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { SILU_POINT } from './testing/demo.ts';

let t: TestApp;
let staff: Session;
let reporter: Session;
let caseId: string;
const PHONE = '13755556666';

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  reporter = await login(t.app, 'resident_silu');
  const r = await reporter.request('POST', '/api/cases', {
    categoryCode: 'X02',
    description: '楼道灯不亮',
    location: SILU_POINT,
  });
  expect(r.statusCode).toBe(201);
  caseId = r.json().case.id;
});
afterAll(async () => {
  await t.close();
});

const view = (s: Session) => s.request('GET', `/api/cases/${caseId}`).then((r) => r.json().case);
const notes = (s: Session) =>
  s
    .request('GET', `/api/cases/${caseId}/history`)
    .then((r) => (r.json().events as { type: string; note: string | null; data: Record<string, unknown> }[]) ?? []);

describe('internal notes and public replies', () => {
  it('keeps a progress note internal unless marked as a reply to the public', async () => {
    const note = await staff.request('POST', `/api/cases/${caseId}/notes`, { note: `住户电话${PHONE}` });
    expect(note.statusCode).toBe(201);
    expect((await view(staff)).lastNote).toBe(`住户电话${PHONE}`);
    const mine = await view(reporter);
    expect(mine.lastNote).toBeNull();
    expect(mine.publicNote).toBeNull();
    expect(JSON.stringify(await notes(reporter))).not.toContain(PHONE);
    expect(JSON.stringify(await notes(staff))).toContain(PHONE);

    const r = await staff.request('POST', `/api/cases/${caseId}/notes`, {
      note: '电工明天上午到',
      public: true,
    });
    expect(r.statusCode).toBe(201);
    expect((await view(reporter)).lastNote).toBe('电工明天上午到');
    expect((await view(reporter)).publicNote).toBe('电工明天上午到');
    const shown = (await notes(reporter)).filter((e) => e.type === 'note');
    expect(shown.map((e) => e.note)).toEqual([null, '电工明天上午到']);
    expect(shown[1]!.data.public).toBe(true);
  });

  it('keeps an action note internal unless marked public, free-text reasons included', async () => {
    await staff.request('POST', `/api/cases/${caseId}/actions`, { action: 'accept' });
    const ext = await staff.request('POST', `/api/cases/${caseId}/actions`, {
      action: 'request_extension',
      amount: 1,
      unit: 'work_days',
      reason: `等物业${PHONE}回电`,
    });
    expect(ext.statusCode).toBe(200);
    expect(JSON.stringify(await notes(reporter))).not.toContain(PHONE);
    await staff.request('POST', `/api/cases/${caseId}/actions`, { action: 'reject_extension' }).catch(() => undefined);
    const done = await staff.request('POST', `/api/cases/${caseId}/actions`, {
      action: 'resolve',
      note: '已更换灯泡',
      public: true,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await view(reporter)).publicNote).toBe('已更换灯泡');
  });

  it('refuses a non-boolean public flag', async () => {
    const r = await staff.request('POST', `/api/cases/${caseId}/notes`, { note: 'x', public: 'yes' });
    expect(r.statusCode).toBe(400);
  });
});

describe('sensitive classes have no public view', () => {
  it('a neighbour cannot read a help case or find it as a duplicate', async () => {
    const elder = await login(t.app, 'resident_elder');
    const help = await elder.request('POST', '/api/cases/help', {});
    expect(help.statusCode).toBe(201);
    const id = help.json().case.id as string;
    expect((await reporter.request('GET', `/api/cases/${id}`)).statusCode).toBe(404);
    const [lon, lat] = help.json().case.location as [number, number];
    const d = await reporter.request('GET', `/api/cases/duplicates?categoryCode=X05&lon=${lon}&lat=${lat}`);
    expect(d.json().duplicates).toEqual([]);
    expect((await elder.request('GET', `/api/cases/${id}`)).statusCode).toBe(200);
  });
});
