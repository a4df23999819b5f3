/** Projects: only from a passed vote; milestones in order; a failed acceptance vote reopens the last milestone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { scanJpeg, siluHome, topicAtVote } from './testing/setup.ts';

let t: TestApp;
let staff: Session;
let home: Awaited<ReturnType<typeof siluHome>>;
let scan: string;

beforeAll(async () => {
  t = await testApp();
  home = await siluHome(t.handle.db);
  staff = await login(t.app, 'dh_staff');
  scan = await scanJpeg();
}, 120_000);
afterAll(async () => t?.close());

/** Opens a household vote on the topic, every household of the building votes `choice`, and closes it. */
async function householdVote(topic: string, choice: 'yes' | 'no', purpose: 'decision' | 'acceptance') {
  const open = await staff.request('POST', `/api/consult/topics/${topic}/votes`, {
    title: purpose,
    kind: 'households',
    matter: 'ordinary',
    secret: false,
    closesAt: '2026-12-31T00:00:00Z',
    purpose,
  });
  expect(open.statusCode, open.body).toBe(201);
  const id = (open.json() as { id: string }).id;
  for (const [i, h] of home.households.entries()) {
    const r = await staff.request('POST', `/api/consult/votes/${id}/paper`, {
      householdId: h.id,
      serial: `${purpose}-${i}`,
      choice,
      scan,
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  return (await staff.request('POST', `/api/consult/votes/${id}/close`)).json() as { passed: boolean };
}

const stage = (topic: string, to: string) => staff.request('POST', `/api/consult/topics/${topic}/stage`, { to });

describe('consult projects', () => {
  it('runs from a passed vote to a failed acceptance that reopens the last milestone', async () => {
    const topic = await topicAtVote(staff, home.community_code, home.buildingId);
    expect((await stage(topic, 'publicity')).statusCode).toBe(409); // no vote has passed yet
    expect((await householdVote(topic, 'yes', 'decision')).passed).toBe(true);
    expect((await stage(topic, 'publicity')).statusCode).toBe(200);
    expect((await stage(topic, 'implement')).statusCode).toBe(200);
    const created = await staff.request('POST', `/api/consult/topics/${topic}/project`, {
      title: '加装电梯工程',
      budgetFen: 45_000_000,
      contractor: '某电梯公司',
      lon: 100.45,
      lat: 38.93,
      milestones: [
        { startsOn: '2026-12-01', dueOn: '2026-12-10' },
        { startsOn: '2026-12-10', dueOn: '2027-02-01' },
        { startsOn: '2027-02-01', dueOn: '2027-02-10' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = (created.json() as { id: string }).id;
    const progress = (seq: number, p: number) =>
      staff.request('POST', `/api/consult/projects/${project}/milestones/${seq}`, { progress: p });
    expect((await progress(2, 10)).statusCode).toBe(409); // 设计 is not done yet
    for (const seq of [1, 2, 3]) expect((await progress(seq, 100)).statusCode).toBe(200);
    expect((await stage(topic, 'acceptance')).statusCode).toBe(200);
    expect((await householdVote(topic, 'no', 'acceptance')).passed).toBe(false);
    const page = (await staff.request('GET', `/api/consult/topics/${topic}`)).json() as {
      project: {
        status: string;
        milestones: { seq: number; doneAt: string | null; reopened: number; progress: number }[];
      };
    };
    expect(page.project.status).toBe('active');
    expect(page.project.milestones.map((m) => [m.seq, m.doneAt !== null, m.reopened])).toEqual([
      [1, true, 0],
      [2, true, 0],
      [3, false, 1],
    ]);
    // finished again, a second acceptance passes and the project is accepted
    expect((await progress(3, 100)).statusCode).toBe(200);
    expect((await householdVote(topic, 'yes', 'acceptance')).passed).toBe(true);
    const after = (await staff.request('GET', `/api/consult/topics/${topic}`)).json() as {
      project: { status: string };
    };
    expect(after.project.status).toBe('accepted');
  }, 180_000);
});
