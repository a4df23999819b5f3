/** Partner units, the three lists, claims (once, also under concurrency), evidence and the public page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { C, PNG, SILU } from './testing/fixtures.ts';

let t: TestApp;
let staff: Session;
let school: { id: string };

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  const res = await staff.request('POST', '/api/cobuild/units', {
    communityCode: C,
    name: '东湖小学',
    kind: 'school',
    contactName: '李老师',
    contactPhone: '0936-1234567',
    lon: 100.452,
    lat: 38.935,
    description: '每周三下午组织学生志愿服务',
  });
  expect(res.statusCode, res.body).toBe(201);
  school = res.json();
}, 120_000);
afterAll(() => t?.close());

async function need(title = '陪伴独居老人读报') {
  const res = await staff.request('POST', '/api/cobuild/needs', {
    communityCode: C,
    category: 'elderly',
    title,
    description: '每周两次，每次一小时',
    lon: 100.451,
    lat: 38.934,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { need: { id: string } }).need.id;
}

describe('partner units and claims', () => {
  it('lists units with commitments and resources, and suggests the nearest same-category resource first', async () => {
    const c = await staff.request('POST', `/api/cobuild/units/${school.id}/commitments`, {
      year: 2026,
      title: '全年志愿服务 200 小时',
      targetHours: 200,
    });
    expect(c.statusCode, c.body).toBe(201);
    const r = await staff.request('POST', '/api/cobuild/resources', {
      communityCode: C,
      unitId: school.id,
      kind: 'hours',
      category: 'elderly',
      title: '学生志愿者陪读',
      hours: 100,
    });
    expect(r.statusCode, r.body).toBe(201);
    const units = (await staff.request('GET', `/api/cobuild/units?code=${C}`)).json();
    expect(units.units[0].commitments[0]).toMatchObject({ year: 2026, targetHours: 200 });
    const id = await need('陪伴读报（匹配）');
    const m = (await staff.request('GET', `/api/cobuild/needs/${id}/matches`)).json();
    expect(m.matches[0]).toMatchObject({ unitName: '东湖小学', sameCategory: true, distanceKind: 'straight_line' });
    expect(m.matches[0].distanceM).toBeGreaterThan(100);
    expect(m.matches[0].distanceM).toBeLessThan(200);
  });

  it('lets exactly one of many concurrent claims win; the others get 409 naming the holder', async () => {
    const id = await need();
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        staff.request('POST', `/api/cobuild/needs/${id}/claim`, {
          claimant: i === 0 ? { kind: 'unit', unitId: school.id } : { kind: 'team', name: `小组${i}` },
        }),
      ),
    );
    const codes = claims.map((c) => c.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    const refused = claims.find((c) => c.statusCode === 409)!.json();
    expect(refused.error.code).toBe('COBUILD_NEED_CLAIMED');
    const projects = (await staff.request('GET', `/api/cobuild/projects?code=${C}`)).json().projects;
    expect(projects.filter((p: { needId: string }) => p.needId === id)).toHaveLength(1);
    const detail = (await staff.request('GET', `/api/cobuild/needs/${id}`)).json();
    expect(detail.need.status).toBe('claimed');
  });

  it('completes only with a photo and a signature; then it is public without personal data', async () => {
    const id = await need('陪伴独居老人读报（完成）');
    const p = (
      await staff.request('POST', `/api/cobuild/needs/${id}/claim`, { claimant: { kind: 'unit', unitId: school.id } })
    ).json();
    expect(
      (await staff.request('POST', `/api/cobuild/projects/${p.id}/progress`, { progress: 50, note: '已读报 4 次' }))
        .statusCode,
    ).toBe(201);
    const early = await staff.request('POST', `/api/cobuild/projects/${p.id}/complete`, { summary: '完成' });
    expect(early.json().error.code).toBe('COBUILD_EVIDENCE_MISSING');
    const fake = await staff.request('POST', `/api/cobuild/projects/${p.id}/evidence`, {
      kind: 'photo',
      image: 'data:image/png;base64,aGVsbG8=',
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.code).toBe('COBUILD_BAD_IMAGE');
    await staff.request('POST', `/api/cobuild/projects/${p.id}/evidence`, { kind: 'photo', image: PNG });
    const sig = await staff.request('POST', `/api/cobuild/projects/${p.id}/evidence`, {
      kind: 'signature',
      image: PNG,
      signer: '张奶奶',
    });
    expect(sig.json().evidence).toHaveLength(2);
    const img = await staff.request('GET', `/api/cobuild/evidence/${sig.json().evidence[1].id}`);
    expect(img.headers['content-type']).toBe('image/png');
    const done = await staff.request('POST', `/api/cobuild/projects/${p.id}/complete`, { summary: '陪读 8 次' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', progress: 100 });
    const again = await staff.request('POST', `/api/cobuild/projects/${p.id}/progress`, { progress: 10, note: 'x' });
    expect(again.json().error.code).toBe('COBUILD_PROJECT_DONE');

    const pub = await t.app.inject({ method: 'GET', url: `/api/public/cobuild/${C}/units` });
    expect(pub.statusCode).toBe(200);
    const u = pub.json().units.find((x: { id: string }) => x.id === school.id);
    expect(u.projects.map((x: { title: string }) => x.title)).toEqual(['陪伴独居老人读报（完成）']);
    expect(pub.body).not.toMatch(/张奶奶|李老师|0936|contact|signer|lon|residentId/);
  });

  it('hides an unpublished unit from the public page', async () => {
    const hidden = (
      await staff.request('POST', '/api/cobuild/units', {
        communityCode: C,
        name: '未公开单位',
        kind: 'firm',
        contactName: '王经理',
        published: false,
      })
    ).json();
    const list = await t.app.inject({ method: 'GET', url: `/api/public/cobuild/${C}/units` });
    expect(list.body).not.toContain('未公开单位');
    const one = await t.app.inject({ method: 'GET', url: `/api/public/cobuild/units/${hidden.id}` });
    expect(one.statusCode).toBe(404);
  });

  it('registers 双报到 party members linked to their register entry, once', async () => {
    const resident = await login(t.app, 'resident_silu');
    const first = await resident.request('POST', '/api/cobuild/members', { unitId: school.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().employer).toBe('东湖小学');
    const again = await resident.request('POST', '/api/cobuild/members', { unitId: null, employer: '别处' });
    expect(again.json().error.code).toBe('COBUILD_ALREADY_REGISTERED');
    const members = (await staff.request('GET', `/api/cobuild/members?code=${C}`)).json().members;
    expect(members[0]).toMatchObject({ residentId: resident.account.residentId, unitName: '东湖小学' });
    const claim = await staff.request('POST', `/api/cobuild/needs/${await need('党员认领')}/claim`, {
      claimant: { kind: 'member', memberId: members[0].id },
    });
    expect(claim.json().claimant).toBe(members[0].name);
  });

  it('puts a case on the needs list once, at the case place', async () => {
    const resident = await login(t.app, 'resident_elder');
    const made = await resident.request('POST', '/api/cases', {
      categoryCode: 'X01',
      description: '楼道扶手松动，老人上下楼不便',
      location: SILU,
    });
    expect(made.statusCode, made.body).toBe(201);
    const caseId = made.json().case.id as string;
    const body = { caseId, category: 'repair', title: '楼道扶手需要共建单位支持' };
    const first = await staff.request('POST', '/api/cobuild/needs/from-case', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().need).toMatchObject({ source: 'case', sourceId: caseId });
    expect(first.json().need.lon).toEqual(expect.any(Number));
    const again = await staff.request('POST', '/api/cobuild/needs/from-case', body);
    expect(again.statusCode).toBe(409);
  });
});
