/**
 * The public Open311 read side is scoped like every other route (scope.test.ts covers /api/): a key or a
 * jurisdiction of one community never sees another community's cases, help cases (一键求助) and other
 * sensitive classes never appear, and internal handler notes and addresses never leave through it. The
 * completeness check fails when a new /open311/ route is not listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY } from '../../testing/fixtures.ts';
import { addOtherCase, type OtherCase } from '../cases/testing/other.ts';
import { COMMUNITY, SILU_POINT } from '../cases/testing/demo.ts';
import { createHash } from 'node:crypto';
import { uuidv7 } from '../../platform/ids.ts';

let t: TestApp;
let oc: OtherCase;
let otherKey: string;
let helpId: string;
let normalId: string;
const SECRET_PHONE = '13987654321';
const SECRET_ID = '620702195001011234';

/** Every /open311 route → the reads a client of the demo community may make (ids of other communities). */
const reads: Record<string, (x: { other: string; help: string }) => string[]> = {
  'GET /open311/discovery.:format': () => ['/open311/discovery.json', '/open311/discovery.xml'],
  'GET /open311/v2/services.:format': () => ['/open311/v2/services.json', '/open311/v2/services.xml'],
  'GET /open311/v2/services/:code.:format': () => ['/open311/v2/services/X05.json', '/open311/v2/services/X04.xml'],
  'GET /open311/v2/requests.:format': () => [
    `/open311/v2/requests.json?jurisdiction_id=${COMMUNITY}`,
    '/open311/v2/requests.json?api_key=demo-open311',
    `/open311/v2/requests.xml?jurisdiction_id=${COMMUNITY}&status=open,closed`,
    `/open311/v2/requests.json?api_key=demo-open311&jurisdiction_id=620702`,
  ],
  'GET /open311/v2/requests/:id.:format': (x) => [
    `/open311/v2/requests/${x.other}.json?jurisdiction_id=${COMMUNITY}`,
    `/open311/v2/requests/${x.help}.json?jurisdiction_id=${COMMUNITY}`,
    `/open311/v2/requests/${x.help}.xml?api_key=demo-open311`,
  ],
  'GET /open311/v2/tokens/:token.:format': () => [`/open311/v2/tokens/other-token.json?jurisdiction_id=${COMMUNITY}`],
};
/** Routes that read nothing of a case (writes are checked below; OPTIONS is the CORS preflight). */
const notReads = new Set(['POST /open311/v2/requests.:format', 'OPTIONS /open311/*']);

beforeAll(async () => {
  t = await testApp();
  await addOtherCommunity(t.handle.db);
  oc = await addOtherCase(t.handle.db);
  // On the app's clock (the fixture writes the wall clock), so the default 90-day window holds it.
  await t.handle.db
    .updateTable('cases')
    .set({ open311_token: 'other-token', created_at: t.clock.now() })
    .where('id', '=', oc.caseId)
    .execute();
  // Written directly (sha256 of the key, as stored), so this test also runs against the code before the fix.
  otherKey = 'other-community-key';
  await t.handle.db
    .insertInto('case_api_keys')
    .values({
      id: uuidv7(),
      key_hash: createHash('sha256').update(otherKey).digest('hex'),
      name: 'other',
      community_code: OTHER_COMMUNITY,
    })
    .execute();
  const elder: Session = await login(t.app, 'resident_elder');
  helpId = (await elder.request('POST', '/api/cases/help', {})).json().case.id;
  const staff = await login(t.app, 'dh_staff');
  const r = await staff.request('POST', '/api/cases', {
    categoryCode: 'X01',
    description: '下水道堵了',
    location: SILU_POINT,
    address: '丝路嘉苑3号楼2单元301',
  });
  normalId = r.json().case.id;
  // Internal notes with what a worker types: a phone and an ID number.
  for (const id of [helpId, normalId])
    expect(
      (await staff.request('POST', `/api/cases/${id}/notes`, { note: `联系${SECRET_PHONE}，身份证${SECRET_ID}` }))
        .statusCode,
    ).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('Open311 reads are scoped and public-only', () => {
  it('every /open311 route is covered', () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/open311')).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((k) => !(k in reads) && !notReads.has(k))).toEqual([]);
  });

  it('no read shows another community, a help case, an internal note or an address', async () => {
    for (const [route, urls] of Object.entries(reads))
      for (const url of urls({ other: oc.caseId, help: helpId })) {
        const r = await get(url);
        expect(r.statusCode, `${route} ${url}`).toBeLessThan(500);
        const secrets = [oc.caseId, helpId, SECRET_PHONE, SECRET_ID, '2单元301', '其他社区的案件', '养老求助'];
        for (const secret of secrets) expect(r.body, `${url} leaks ${secret}`).not.toContain(secret);
      }
  });

  it('the demo community sees its own public case; the other community key does not', async () => {
    const mine = (await get(`/open311/v2/requests.json?jurisdiction_id=${COMMUNITY}`)).json();
    expect(mine.map((x: { service_request_id: string }) => x.service_request_id)).toContain(normalId);
    const theirs = await get(`/open311/v2/requests.json?api_key=${otherKey}`);
    expect(theirs.statusCode).toBe(200);
    const ids = theirs.json().map((x: { service_request_id: string }) => x.service_request_id);
    expect(ids).not.toContain(normalId);
    expect(ids).toContain(oc.caseId);
    expect((await get(`/open311/v2/requests/${normalId}.json?api_key=${otherKey}`)).statusCode).toBe(404);
  });

  it('a read without a jurisdiction is refused, and a key cannot widen itself to another community', async () => {
    expect((await get('/open311/v2/requests.json')).statusCode).toBe(400);
    expect(
      (await get(`/open311/v2/requests.json?api_key=demo-open311&jurisdiction_id=${OTHER_COMMUNITY}`)).statusCode,
    ).toBe(403);
    expect((await get('/open311/v2/requests.json?jurisdiction_id=999999')).statusCode).toBe(404);
  });

  it('a district jurisdiction lists both communities but still no help case', async () => {
    const all = (await get('/open311/v2/requests.json?jurisdiction_id=620702')).json();
    const ids = all.map((x: { service_request_id: string }) => x.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([normalId, oc.caseId]));
    expect(ids).not.toContain(helpId);
  });

  it('a key cannot file into another community through jurisdiction_id', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: otherKey,
        jurisdiction_id: COMMUNITY,
        service_code: 'E0101',
        lat: String(SILU_POINT.lat),
        long: String(SILU_POINT.lon),
      }).toString(),
    });
    expect(r.statusCode).toBe(403);
  });
});
