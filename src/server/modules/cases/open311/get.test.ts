/**
 * GeoReport v2 conformance: GET requests, GET requests/{id}, GET tokens/{token}. Written from the spec: comma
 * lists for every list parameter (status=open,closed is a union), empty optional parameters act as absent,
 * service_request_id overrides every other filter, XML as text/xml, the same text in JSON and XML; and Linli's
 * public view: status_notes only from public replies, the place named by its compound, never the address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../../testing/harness.ts';
import { COMMUNITY, SILU_POINT } from '../testing/demo.ts';
import { assertSchema, parseXml, postForm } from './testing/spec.ts';

let t: TestApp;
let staff: Session;
let openId: string;
let closedId: string;
let lightId: string;
const J = `jurisdiction_id=${COMMUNITY}`;
const at = { lat: String(SILU_POINT.lat), long: String(SILU_POINT.lon) };

const file = async (fields: Record<string, string>) => {
  const r = await postForm(t.app, '/open311/v2/requests.json', { api_key: 'demo-open311', ...at, ...fields });
  expect(r.statusCode, r.body).toBe(201);
  return r.json()[0].service_request_id as string;
};
const list = async (query: string) => {
  const r = await t.app.inject({ url: `/open311/v2/requests.json?${J}${query ? `&${query}` : ''}` });
  expect(r.statusCode, r.body).toBe(200);
  assertSchema('requests', r.json());
  return (r.json() as { service_request_id: string }[]).map((x) => x.service_request_id);
};

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
  openId = await file({ service_code: 'E0101', description: `垃圾\u0001没人\u0007清 <b>&` });
  t.clock.advance(60_000);
  closedId = await file({ service_code: 'E0103', description: '路面脏' });
  await t.handle.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', closedId).execute();
  t.clock.advance(60_000);
  lightId = await file({ service_code: 'X02', 'attribute[floor]': '3', address_string: '丝路嘉苑3单元' });
  t.clock.advance(60_000);
});
afterAll(async () => {
  await t.close();
});

describe('GET requests: filters', () => {
  it('reads status as a comma list (open,closed is the union)', async () => {
    const open = await list('status=open');
    const closed = await list('status=closed');
    expect(open).toContain(openId);
    expect(open).not.toContain(closedId);
    expect(closed).toEqual([closedId]);
    expect((await list('status=open,closed')).sort()).toEqual([...open, ...closed].sort());
    const bad = await t.app.inject({ url: `/open311/v2/requests.json?${J}&status=pending` });
    expect(bad.statusCode).toBe(400);
    assertSchema('errors', bad.json());
  });

  it('treats empty optional parameters as absent', async () => {
    const all = await list('');
    expect(all).toEqual(expect.arrayContaining([openId, closedId, lightId]));
    for (const p of ['status=', 'start_date=', 'end_date=', 'service_code=', 'service_request_id='])
      expect(await list(p), p).toEqual(all);
    expect(await list('status=&start_date=&end_date=&service_code=&service_request_id=')).toEqual(all);
  });

  it('reads service_code and service_request_id as comma lists', async () => {
    expect((await list('service_code=E0101,X02')).sort()).toEqual([openId, lightId].sort());
    expect((await list(`service_request_id=${openId},${lightId}`)).sort()).toEqual([openId, lightId].sort());
  });

  it('lets service_request_id override every other filter', async () => {
    const q = `service_request_id=${openId}&status=closed&service_code=E0103&end_date=2000-01-01T00:00:00Z`;
    expect(await list(q)).toEqual([openId]);
  });

  it('filters by requested_datetime with start_date and end_date', async () => {
    const one = (await t.app.inject({ url: `/open311/v2/requests/${closedId}.json?${J}` })).json()[0];
    const when = Date.parse(one.requested_datetime);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(await list(`start_date=${iso(when - 1000)}&end_date=${iso(when + 1000)}`)).toEqual([closedId]);
    expect(await list(`start_date=${iso(when + 1000)}`)).not.toContain(closedId);
    const bad = await t.app.inject({ url: `/open311/v2/requests.json?${J}&start_date=yesterday` });
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET requests: what a request shows', () => {
  it('shows only public replies as status_notes, the compound as the address, never the text address', async () => {
    await staff.request('POST', `/api/cases/${lightId}/notes`, { note: '内部：住户电话13811112222' });
    let one = (await t.app.inject({ url: `/open311/v2/requests/${lightId}.json?${J}` })).json();
    assertSchema('requests', one);
    expect(one[0]).not.toHaveProperty('status_notes');
    await staff.request('POST', `/api/cases/${lightId}/notes`, { note: '电工明天上午到场', public: true });
    await staff.request('POST', `/api/cases/${lightId}/notes`, { note: '内部：再次联系住户' });
    one = (await t.app.inject({ url: `/open311/v2/requests/${lightId}.json?${J}` })).json();
    expect(one[0].status_notes).toBe('电工明天上午到场');
    expect(one[0].address).toBe('丝路嘉苑');
    expect(JSON.stringify(one)).not.toContain('13811112222');
    expect(JSON.stringify(one)).not.toContain('3单元');
  });

  it('answers XML as text/xml with the same text as JSON (control characters removed in both)', async () => {
    const json = (await t.app.inject({ url: `/open311/v2/requests/${openId}.json?${J}` })).json()[0];
    expect(json.description).toBe('垃圾没人清 <b>&');
    const x = await t.app.inject({ url: `/open311/v2/requests/${openId}.xml?${J}` });
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    const doc = parseXml(x.body) as { service_requests: { request: Record<string, string>[] } };
    const r = doc.service_requests.request[0]!;
    expect(x.body).toContain('<description>垃圾没人清 &lt;b&gt;&amp;</description>');
    expect(r.description).toBe(json.description);
    expect(r.service_request_id).toBe(json.service_request_id);
    const all = parseXml((await t.app.inject({ url: `/open311/v2/requests.xml?${J}` })).body) as {
      service_requests: { request: unknown[] };
    };
    expect(all.service_requests.request.length).toBe((await list('')).length);
  });

  it('answers an unknown request id with 404 in the Open311 error format', async () => {
    const r = await t.app.inject({ url: `/open311/v2/requests/01900000-0000-7000-8000-000000000000.json?${J}` });
    expect(r.statusCode).toBe(404);
    assertSchema('errors', r.json());
    const x = await t.app.inject({ url: `/open311/v2/requests/not-an-id.xml?${J}` });
    expect(parseXml(x.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });
});

describe('GET tokens', () => {
  it('maps a token to its request id (JSON and XML), 404 for an unknown token', async () => {
    const r = await postForm(t.app, '/open311/v2/requests.json', {
      api_key: 'demo-open311',
      service_code: 'E0101',
      address_string: '不存在的地方',
    });
    const token = r.json()[0].token as string;
    const j = await t.app.inject({ url: `/open311/v2/tokens/${token}.json?${J}` });
    assertSchema('token', j.json());
    expect(j.json()[0].token).toBe(token);
    const x = parseXml((await t.app.inject({ url: `/open311/v2/tokens/${token}.xml?${J}` })).body) as {
      service_requests: { request: { token: string; service_request_id: string }[] };
    };
    expect(x.service_requests.request[0]!.service_request_id).toBe(j.json()[0].service_request_id);
    const none = await t.app.inject({ url: `/open311/v2/tokens/nope.json?${J}` });
    expect(none.statusCode).toBe(404);
    assertSchema('errors', none.json());
  });
});
