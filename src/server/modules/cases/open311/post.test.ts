/**
 * GeoReport v2 conformance: POST requests. Written from the spec: api_key (403 when missing or wrong, also
 * accepted in the query string), service_code (404 when unknown), location by lat/long or address_string or
 * address_id alone, optional description up to 4,000 characters, media_url kept and returned, attributes,
 * id or token (never both, account_id omitted), CORS origins per key, Retry-After on 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type TestApp } from '../../../testing/harness.ts';
import { COMMUNITY, SILU_GRID, SILU_POINT } from '../testing/demo.ts';
import { createApiKey } from './keys.ts';
import { assertSchema, parseXml, postForm } from './testing/spec.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});
const KEY = 'demo-open311';
const J = `jurisdiction_id=${COMMUNITY}`;
const at = { lat: String(SILU_POINT.lat), long: String(SILU_POINT.lon) };
const post = (fields: Record<string, string | string[]>, url = '/open311/v2/requests.json', h = {}) =>
  postForm(t.app, url, fields, h);
const created = async (fields: Record<string, string | string[]>) => {
  const r = await post(fields);
  expect(r.statusCode, r.body).toBe(201);
  assertSchema('post-response', r.json());
  return r.json()[0] as { service_request_id?: string; token?: string };
};
const caseRow = (id: string) =>
  t.handle.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('POST requests: api_key and service_code', () => {
  it('refuses a missing or empty api_key with 403, accepts it in the query string', async () => {
    for (const fields of [
      { service_code: 'E0101', ...at },
      { api_key: '', service_code: 'E0101', ...at },
    ]) {
      const r = await post(fields);
      expect(r.statusCode).toBe(403);
      assertSchema('errors', r.json());
    }
    expect((await post({ api_key: 'wrong', service_code: 'E0101', ...at })).statusCode).toBe(403);
    const q = await post({ service_code: 'E0101', ...at }, `/open311/v2/requests.json?api_key=${KEY}`);
    expect(q.statusCode).toBe(201);
    assertSchema('post-response', q.json());
  });

  it('answers an unknown service_code with 404', async () => {
    const r = await post({ api_key: KEY, service_code: 'Z99', ...at });
    expect(r.statusCode).toBe(404);
    assertSchema('errors', r.json());
  });

  it('answers with service_request_id or token, never both, and no account_id', async () => {
    const c = await created({ api_key: KEY, service_code: 'E0101', ...at, account_id: 'acct-1' });
    expect(Object.keys(c)).toEqual(['service_request_id']);
    const x = await post({ api_key: KEY, service_code: 'E0101', ...at }, '/open311/v2/requests.xml');
    expect(x.statusCode).toBe(201);
    const doc = parseXml(x.body) as { service_requests: { request: Record<string, string>[] } };
    expect(Object.keys(doc.service_requests.request[0]!)).toEqual(['service_request_id']);
  });
});

describe('POST requests: description and media_url', () => {
  it('takes no description, or one of 4,000 characters; refuses 4,001', async () => {
    const none = await created({ api_key: KEY, service_code: 'E0101', ...at });
    expect((await caseRow(none.service_request_id!)).description).toBe('');
    const long = await created({ api_key: KEY, service_code: 'E0101', ...at, description: '堵'.repeat(4000) });
    const one = (await t.app.inject({ url: `/open311/v2/requests/${long.service_request_id}.json?${J}` })).json();
    assertSchema('requests', one);
    expect(one[0].description).toHaveLength(4000);
    const tooLong = await post({ api_key: KEY, service_code: 'E0101', ...at, description: '堵'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    assertSchema('errors', tooLong.json());
  });

  it('keeps media_url, returns it, shows it to handlers, and omits it when there is none', async () => {
    const url = 'https://img.example.org/p/123.jpg';
    const c = await created({ api_key: KEY, service_code: 'E0101', ...at, media_url: url });
    const one = (await t.app.inject({ url: `/open311/v2/requests/${c.service_request_id}.json?${J}` })).json();
    assertSchema('requests', one);
    expect(one[0].media_url).toBe(url);
    const staff = await login(t.app, 'dh_staff');
    expect((await staff.request('GET', `/api/cases/${c.service_request_id}`)).json().case.mediaUrl).toBe(url);
    const plain = await created({ api_key: KEY, service_code: 'E0101', ...at });
    const p = (await t.app.inject({ url: `/open311/v2/requests/${plain.service_request_id}.json?${J}` })).json();
    expect(p[0]).not.toHaveProperty('media_url');
    const bad = await post({ api_key: KEY, service_code: 'E0101', ...at, media_url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('POST requests: location', () => {
  it('resolves address_string alone against the registry (names and their usual spellings) to a grid', async () => {
    for (const address_string of ['丝路嘉苑1号楼', '甘州区北街街道丝路嘉苑 一号楼 2单元']) {
      const c = await created({ api_key: KEY, service_code: 'E0101', address_string });
      const row = await caseRow(c.service_request_id!);
      expect(row.grid_code).toBe(SILU_GRID.code);
      expect(row.address).toBe(address_string);
    }
  });

  it('resolves address_id (a building id) alone', async () => {
    const b = await t.handle.db
      .selectFrom('buildings')
      .select(['id', 'grid_code'])
      .where('name', '=', '丝路嘉苑1号楼')
      .executeTakeFirstOrThrow();
    const c = await created({ api_key: KEY, service_code: 'E0101', address_id: b.id });
    expect((await caseRow(c.service_request_id!)).grid_code).toBe(b.grid_code);
  });

  it('files an address it cannot resolve to the community inbox and answers with a token', async () => {
    const c = await created({ api_key: KEY, service_code: 'E0101', address_string: '人民广场东侧报刊亭' });
    expect(Object.keys(c)).toEqual(['token']);
    const tok = await t.app.inject({ url: `/open311/v2/tokens/${c.token}.json?api_key=${KEY}` });
    assertSchema('token', tok.json());
    const id = tok.json()[0].service_request_id as string;
    const row = await caseRow(id);
    expect(row).toMatchObject({ grid_code: null, handler_code: COMMUNITY, address: '人民广场东侧报刊亭' });
  });

  it('refuses a request with no location at all, or half a point', async () => {
    for (const f of [{}, { lat: at.lat }] as Record<string, string>[]) {
      const r = await post({ api_key: KEY, service_code: 'E0101', ...f });
      expect(r.statusCode).toBe(400);
      assertSchema('errors', r.json());
    }
  });
});

describe('POST requests: attributes', () => {
  it('requires the required attributes, naming them', async () => {
    const r = await post({ api_key: KEY, service_code: 'X02', ...at, description: '灯坏了' });
    expect(r.statusCode).toBe(400);
    assertSchema('errors', r.json());
    expect(r.json()[0].description).toContain('floor');
  });

  it('refuses values outside a singlevaluelist and non-numbers, keeps valid ones for handlers', async () => {
    expect((await post({ api_key: KEY, service_code: 'X01', ...at, 'attribute[overflow]': 'maybe' })).statusCode).toBe(
      400,
    );
    expect((await post({ api_key: KEY, service_code: 'X02', ...at, 'attribute[floor]': 'top' })).statusCode).toBe(400);
    const c = await created({ api_key: KEY, service_code: 'X02', ...at, 'attribute[floor]': '5' });
    const staff = await login(t.app, 'dh_staff');
    const events = (await staff.request('GET', `/api/cases/${c.service_request_id}/history`)).json().events;
    expect(events[0].data.attributes).toEqual({ floor: '5' });
  });
});

describe('POST requests: browsers and floods', () => {
  it('allows a browser POST only from the origins configured for the key', async () => {
    const key = await createApiKey(t.handle.db, {
      name: 'city-app',
      communityCode: COMMUNITY,
      origins: ['https://app.city.example'],
    });
    const f = { api_key: key, service_code: 'E0101', ...at };
    const ok = await post(f, undefined, { origin: 'https://app.city.example' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.city.example');
    const evil = await post(f, undefined, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a flood with 429 and Retry-After', async () => {
    const key = await createApiKey(t.handle.db, { name: 'flood', communityCode: COMMUNITY, origins: [] });
    let last = await post({ api_key: key, service_code: 'E0101', ...at });
    for (let i = 0; i < 30 && last.statusCode === 201; i++)
      last = await post({ api_key: key, service_code: 'E0101', ...at }, '/open311/v2/requests.xml');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(parseXml(last.body)).toMatchObject({ errors: { error: [{ code: '429' }] } });
  });
});
