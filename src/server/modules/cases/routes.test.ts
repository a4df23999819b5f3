import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { COMMUNITY, SILU_GRID, SILU_POINT } from './testing/demo.ts';

let t: TestApp;
let resident: Session, worker: Session, staff: Session, street: Session, other: Session;
const report = (s: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  s.request(
    'POST',
    '/api/cases',
    { categoryCode: 'X01', description: '下水管道堵塞，污水外溢', location: SILU_POINT, ...body },
    headers,
  );

beforeAll(async () => {
  t = await testApp();
  [resident, worker, staff, street, other] = await Promise.all([
    login(t.app, 'resident_silu'),
    login(t.app, SILU_GRID.worker.username),
    login(t.app, 'dh_staff'),
    login(t.app, 'bj_street'),
    login(t.app, 'grid01'),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('the whole story of one case', () => {
  let id = '';
  it('a resident reports; it lands with the grid worker of 丝路嘉苑', async () => {
    const r = await report(resident, {});
    expect(r.statusCode).toBe(201);
    const c = r.json().case;
    id = c.id;
    expect(c).toMatchObject({
      status: 'dispatched',
      level: 'grid',
      handlerCode: SILU_GRID.code,
      communityCode: COMMUNITY,
      hideName: true,
      mine: true,
    });
    const q = (await worker.request('GET', '/api/cases/queue')).json();
    expect(q.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(q.items[0].reporter.phone).toMatch(/^1\d{10}$/);
  });

  it('a worker of another grid neither sees the reporter nor may accept', async () => {
    expect((await other.request('GET', `/api/cases/${id}`)).json().case.reporter).toBeUndefined();
    const r = await other.request('POST', `/api/cases/${id}/actions`, { action: 'accept' });
    expect(r.statusCode).toBe(403);
  });

  it('accept → escalate "needs money" → community accepts, resolves → resident confirms, rates 5', async () => {
    const acc = await worker.request('POST', `/api/cases/${id}/actions`, { action: 'accept', version: 1 });
    expect(acc.json().case.status).toBe('handling');
    const illegal = await worker.request('POST', `/api/cases/${id}/actions`, { action: 'accept' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('CASE_ILLEGAL_TRANSITION');
    const note = await worker.request('POST', `/api/cases/${id}/notes`, { note: '已到现场查看' });
    expect(note.statusCode).toBe(201);
    const esc = await worker.request('POST', `/api/cases/${id}/actions`, {
      action: 'escalate',
      reason: 'money',
      note: '需更换管道，需要资金',
    });
    expect(esc.json().case).toMatchObject({ status: 'dispatched', level: 'community', handlerCode: COMMUNITY });
    for (const a of ['accept', 'resolve']) {
      const done = await staff.request('POST', `/api/cases/${id}/actions`, { action: a, note: '已处理' });
      expect(done.statusCode).toBe(200);
    }
    const conf = await resident.request('POST', `/api/cases/${id}/confirm`, { fixed: true });
    expect(conf.json().case.status).toBe('closed');
    const rate = await resident.request('POST', `/api/cases/${id}/rate`, { score: 5, comment: '很满意' });
    expect(rate.json().case).toMatchObject({ status: 'evaluated', rating: 5 });
    const h = (await staff.request('GET', `/api/cases/${id}/history`))
      .json()
      .events.map((e: { type: string }) => e.type);
    expect(h).toEqual(['register', 'dispatch', 'accept', 'note', 'escalate', 'accept', 'resolve', 'confirm', 'rate']);
    const n = (await resident.request('GET', '/api/cases/notifications')).json().items;
    expect(n.length).toBeGreaterThanOrEqual(4);
  });

  it('street staff see the case without the reporter phone (not handling it)', async () => {
    const c = (await street.request('GET', `/api/cases/${id}`)).json().case;
    expect(c.reporter).toBeNull();
  });
});

describe('bad input', () => {
  it('refuses unknown classes, empty descriptions and bad coordinates with clear 4xx', async () => {
    expect((await report(resident, { categoryCode: 'Z99' })).json().error.code).toBe('CASE_UNKNOWN_CATEGORY');
    expect((await report(resident, { description: '   ' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await report(resident, { location: { lon: 2.35, lat: 48.85 } })).json().error.code).toBe('BAD_COORDINATES');
    expect((await report(resident, { location: { lon: 200, lat: 38 } })).json().error.code).toBe('BAD_COORDINATES');
    expect((await report(resident, { location: undefined })).json().error.code).toBe('CASE_LOCATION_REQUIRED');
    expect((await report(resident, { extra: 1 })).statusCode).toBe(400);
  });

  it('an Idempotency-Key makes a retried POST create one case', async () => {
    const key = 'retry-key-0001';
    const [a, b] = [
      await report(resident, { description: '楼道灯坏了', categoryCode: 'X02' }, { 'idempotency-key': key }),
      await report(resident, { description: '楼道灯坏了', categoryCode: 'X02' }, { 'idempotency-key': key }),
    ];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().case.id).toBe(a.json().case.id);
    const c = await report(resident, { description: '别的内容', categoryCode: 'X02' }, { 'idempotency-key': key });
    expect(c.statusCode).toBe(422);
    const n = await t.handle.db.selectFrom('cases').select('id').where('category_code', '=', 'X02').execute();
    expect(n).toHaveLength(1);
  });

  it('duplicates are offered and "me too" adds a supporter, once', async () => {
    const first = (await report(worker, { categoryCode: 'X03', description: '夜间噪音' })).json().case;
    const d = (
      await resident.request(
        'GET',
        `/api/cases/duplicates?categoryCode=X03&lon=${SILU_POINT.lon + 0.0001}&lat=${SILU_POINT.lat}`,
      )
    ).json().duplicates;
    expect(d.map((x: { id: string }) => x.id)).toEqual([first.id]);
    expect(d[0].reporterName).toBeNull();
    expect(d[0].location[0]).toBe(Math.round(first.location[0] * 1000) / 1000);
    for (let i = 0; i < 2; i++)
      expect((await resident.request('POST', `/api/cases/${first.id}/support`)).json().supporters).toBe(1);
  });
});

describe('creation in one statement', () => {
  it('writes the case, both history events, escalation job, audit row; answer equals a fresh read', async () => {
    const r = await report(resident, { description: '一条语句写完', categoryCode: 'X02' });
    expect(r.statusCode).toBe(201);
    const created = r.json().case;
    expect(created).toMatchObject({
      supporters: 0,
      photos: [],
      reporter: { name: expect.any(String), phone: expect.stringMatching(/^1\d{10}$/) },
    });
    expect((await resident.request('GET', `/api/cases/${created.id}`)).json().case).toEqual(created);
    const db = t.handle.db;
    const row = await db
      .selectFrom('cases')
      .select(['reporter_name', 'reporter_phone', 'reporter_id'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const acc = await db
      .selectFrom('accounts')
      .select(['resident_id'])
      .where('id', '=', row.reporter_id!)
      .executeTakeFirstOrThrow();
    const res = await db
      .selectFrom('residents')
      .select(['name', 'phone'])
      .where('id', '=', acc.resident_id!)
      .executeTakeFirstOrThrow();
    expect([row.reporter_name, row.reporter_phone]).toEqual([res.name, res.phone]);
    expect(
      await db
        .selectFrom('case_events')
        .select(['type', 'to_status'])
        .where('case_id', '=', created.id)
        .orderBy('seq')
        .execute(),
    ).toEqual([
      { type: 'register', to_status: 'registered' },
      { type: 'dispatch', to_status: 'dispatched' },
    ]);
    expect(
      await db
        .selectFrom('case_escalation_jobs')
        .select(['kind', 'level', 'done_at'])
        .where('case_id', '=', created.id)
        .execute(),
    ).toEqual([{ kind: 'accept', level: 'grid', done_at: null }]);
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'scope_code', 'after'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audits).toEqual([
      {
        action: 'case.create',
        actor_role: 'resident',
        scope_code: SILU_GRID.code,
        after: { category: 'X02', status: 'dispatched', source: 'resident', apiKey: null },
      },
    ]);
  });

  it('a staff account without a resident record is recorded with the account’s name and phone', async () => {
    const c = (await report(staff, { description: '社区工作人员上报', categoryCode: 'X02' })).json().case;
    const db = t.handle.db;
    const row = await db
      .selectFrom('cases')
      .select(['reporter_name', 'reporter_phone', 'reporter_id'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const acc = await db
      .selectFrom('accounts')
      .select(['display_name', 'phone', 'resident_id'])
      .where('id', '=', row.reporter_id!)
      .executeTakeFirstOrThrow();
    expect(acc.resident_id).toBeNull();
    expect([row.reporter_name, row.reporter_phone]).toEqual([acc.display_name, acc.phone]);
  });

  it('concurrent POSTs with one Idempotency-Key create one case; the losers replay it and write nothing', async () => {
    const db = t.handle.db;
    const audits = async () =>
      (await db.selectFrom('audit_log').select('id').where('action', '=', 'case.create').execute()).length;
    const before = await audits();
    const body = { description: '并发重试', categoryCode: 'X04' };
    const rs = await Promise.all(
      Array.from({ length: 6 }, () => report(other, body, { 'idempotency-key': 'concurrent-key-0001' })),
    );
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(rs.map((r) => r.json().case.id)).size).toBe(1);
    const id = rs[0]!.json().case.id as string;
    expect(
      (await db.selectFrom('cases').select('id').where('category_code', '=', 'X04').execute()).map((x) => x.id),
    ).toEqual([id]);
    expect(await audits()).toBe(before + 1);
    expect(
      await db.selectFrom('case_idempotency').select(['case_id']).where('key', '=', 'concurrent-key-0001').execute(),
    ).toEqual([{ case_id: id }]);
  });
});
