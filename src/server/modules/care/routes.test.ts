import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { seedDemoCare, WATER_HEATER } from './index.ts';
import { overdueFromVisits } from './domain/plan.ts';
import * as repo from './repository.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let seedMs = 0;
const CODE = '620702004006';

beforeAll(async () => {
  t = await testApp();
  const t0 = performance.now();
  await seedDemoCare(t.handle.db, t.clock.now());
  seedMs = performance.now() - t0;
  for (const u of ['grid03', 'grid04', 'dh_staff', 'bj_street', 'resident_elder', 'resident_silu', 'shop01'])
    s[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => {
  await t.close();
});

interface Person {
  residentId: string;
  gridCode: string;
  name: string;
  masked: boolean;
  dueAt: string;
  overdueDays: number;
  intervalDays: number;
}

async function allOverdue(sess: Session, code?: string): Promise<{ items: Person[]; total: number }> {
  const items: Person[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const q: string = `pageSize=200${code ? `&code=${code}` : ''}${page}`;
    const r = await sess.request('GET', `/api/care/overdue?${q}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { items: Person[]; total: number; nextCursor: string | null };
    items.push(...body.items);
    total = body.total;
    cursor = body.nextCursor;
  } while (cursor);
  return { items, total };
}

describe('care list and overdue visits', () => {
  it('the demo story seeds a year of visits quickly, some people overdue now', async () => {
    const { visits } = await repo.allPlansAndVisits(t.handle.db, CODE);
    expect(visits.length).toBeGreaterThan(5_000);
    expect(seedMs).toBeLessThan(30_000); // generous on a busy machine; measured ≈ 1–2 s
    const all = await allOverdue(s.dh_staff!);
    expect(all.total).toBeGreaterThan(20);
    expect(all.items).toHaveLength(all.total);
  });

  it('the SQL overdue list equals the naive computation from every visit row', async () => {
    const { plans, visits } = await repo.allPlansAndVisits(t.handle.db, CODE);
    const naive = overdueFromVisits(
      plans.map((p) => ({
        residentId: p.resident_id,
        since: new Date(p.since),
        days: p.override_days ?? p.default_days,
      })),
      visits.map((v) => ({ residentId: v.resident_id, at: new Date(v.visited_at) })),
      t.clock.now(),
    );
    const sql = await allOverdue(s.dh_staff!);
    expect(sql.items.map((p) => p.residentId)).toEqual(naive.map((n) => n.residentId));
    expect(sql.items.map((p) => p.dueAt)).toEqual(naive.map((n) => n.due.toISOString()));
  });

  it("a grid worker sees only their grid's overdue people, by name", async () => {
    const grid = s.grid03!.account.scope!.code;
    const mine = await allOverdue(s.grid03!);
    expect(mine.total).toBeGreaterThan(0);
    for (const p of mine.items) {
      expect(p.gridCode).toBe(grid);
      expect(p.masked).toBe(false);
      expect(p.overdueDays).toBeGreaterThanOrEqual(0);
    }
    const other = `${grid.slice(0, 12)}04`;
    expect((await s.grid03!.request('GET', `/api/care/overdue?code=${other}`)).statusCode).toBe(403);
    expect((await s.shop01!.request('GET', '/api/care/overdue')).statusCode).toBe(403);
  });

  it('street staff see the list with names masked and no phone', async () => {
    const r = await s.bj_street!.request('GET', `/api/care/overdue?code=${CODE}&pageSize=5`);
    expect(r.statusCode).toBe(200);
    for (const p of r.json().items) {
      expect(p.masked).toBe(true);
      expect(p.name).toMatch(/\*/);
      expect(p.phone).toBeNull();
    }
  });

  it('a visit in the own grid moves the due date; a visit outside the grid is refused and writes nothing', async () => {
    const [p] = (await allOverdue(s.grid03!)).items;
    const before = await repo.allPlansAndVisits(t.handle.db, CODE);
    const out = await allOverdue(s.grid04!);
    const foreign = out.items[0]!;
    const bad = await s.grid03!.request('POST', `/api/care/people/${foreign.residentId}/visits`, {
      lon: 100.45,
      lat: 38.93,
      found: '一切正常',
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe('CARE_OUTSIDE_GRID');
    expect((await repo.allPlansAndVisits(t.handle.db, CODE)).visits).toHaveLength(before.visits.length);
    const ok = await s.grid03!.request('POST', `/api/care/people/${p!.residentId}/visits`, {
      lon: 100.45,
      lat: 38.93,
      found: '一切正常',
      followUp: '下周再来',
    });
    expect(ok.statusCode).toBe(201);
    const v = ok.json();
    expect(v.visit.found).toBe('一切正常');
    expect(v.person.overdueDays).toBe(0);
    expect(new Date(v.person.dueAt).getTime()).toBe(t.clock.now().getTime() + p!.intervalDays * 86_400_000);
    expect((await allOverdue(s.grid03!)).items.map((x) => x.residentId)).not.toContain(p!.residentId);
  });

  it('staff override a plan; a grid worker may not', async () => {
    const [p] = (await allOverdue(s.grid03!)).items;
    expect(
      (await s.grid03!.request('PUT', `/api/care/people/${p!.residentId}/plan`, { intervalDays: 3 })).statusCode,
    ).toBe(403);
    const r = await s.dh_staff!.request('PUT', `/api/care/people/${p!.residentId}/plan`, { intervalDays: 3 });
    expect(r.statusCode).toBe(200);
    expect(r.json().person.intervalDays).toBe(3);
    expect(r.json().person.overridden).toBe(true);
  });
});

describe('sensitive notes', () => {
  let elderId = '';
  beforeAll(() => {
    elderId = s.resident_elder!.account.residentId!;
  });

  it('carers read the notes, every read is audited; others get a refusal and never the text', async () => {
    const worker = (await s.dh_staff!.request('GET', `/api/care/people/${elderId}`)).json();
    expect(JSON.stringify(worker)).not.toContain('高血压');
    expect(worker.may.notes).toBe(false);
    const refused = await s.dh_staff!.request('GET', `/api/care/people/${elderId}/notes`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('高血压');
    // the volunteer assigned in the demo story is a carer
    const vol = await s.resident_silu!.request('GET', `/api/care/people/${elderId}/notes`);
    expect(vol.statusCode).toBe(200);
    expect(vol.json().healthNote).toContain('高血压');
    const reads = await t.handle.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id'])
      .where('action', '=', 'read')
      .where('entity', '=', 'care.notes')
      .execute();
    expect(reads).toContainEqual({ actor_id: s.resident_silu!.account.id, entity_id: elderId });
  });
});

describe('a finding becomes a case, and a case shows the carers', () => {
  it('one tap opens one case linked to the visit; a second tap answers the same case', async () => {
    const visit = await t.handle.db
      .selectFrom('care_visits')
      .select(['id', 'case_id', 'resident_id'])
      .where('found', '=', WATER_HEATER)
      .executeTakeFirstOrThrow();
    expect(visit.case_id).not.toBeNull(); // the demo story's case
    const [p] = (await allOverdue(s.grid03!)).items;
    const rec = await s.grid03!.request('POST', `/api/care/people/${p!.residentId}/visits`, {
      lon: 100.45,
      lat: 38.93,
      found: '热水器坏了',
      problem: true,
    });
    const id = rec.json().visit.id as string;
    const first = await s.grid03!.request('POST', `/api/care/visits/${id}/case`, { categoryCode: 'X06' });
    expect(first.statusCode).toBe(201);
    const again = await s.grid03!.request('POST', `/api/care/visits/${id}/case`, { categoryCode: 'X06' });
    expect(again.statusCode).toBe(200);
    expect(again.json().caseId).toBe(first.json().caseId);
    const caseId = first.json().caseId as string;
    const c = await s.grid03!.request('GET', `/api/cases/${caseId}`);
    expect(c.statusCode).toBe(200);
    const link = await s.dh_staff!.request('GET', `/api/care/cases/${caseId}/carers`);
    expect(link.statusCode).toBe(200);
    expect(link.json().visit.id).toBe(id);
    expect(link.json().onCareList).toBe(true);
    expect((await repo.getVisit(t.handle.db, id))!.case_id).toBe(caseId);
    // the person's card shows the visit with its case
    const card = await s.grid03!.request('GET', `/api/care/visits/${id}`);
    expect(card.json().visit.caseId).toBe(caseId);
    expect(card.json().may.toCase).toBe(false);
  });

  it("a help case from a person on the care list shows that person's carers", async () => {
    const help = await s.resident_elder!.request('POST', '/api/cases/help', {});
    expect([200, 201]).toContain(help.statusCode);
    const caseId = help.json().case.id as string;
    const r = await s.dh_staff!.request('GET', `/api/care/cases/${caseId}/carers`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.onCareList).toBe(true);
    expect(body.person.tags).toContain('独居老人');
    expect(body.carers.map((c: { kind: string }) => c.kind)).toEqual(['grid_worker', 'assigned']);
    expect(body.carers[1].accountId).toBe(s.resident_silu!.account.id);
    // someone who may not read the case learns nothing
    expect((await s.shop01!.request('GET', `/api/care/cases/${caseId}/carers`)).statusCode).toBe(404);
  });
});
