/** A small GeoReport v2 client written against the spec, round-tripping through the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../testing/harness.ts';
import { COMMUNITY, SILU_POINT } from '../testing/demo.ts';

/** The demo community as the jurisdiction of every read (the endpoint serves several communities). */
const J = `jurisdiction_id=${COMMUNITY}`;

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

/** The client: form-encoded POST, JSON/XML GETs. */
const client = {
  get: (path: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${path}` }),
  post: (fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    }),
};

describe('Open311 GeoReport v2', () => {
  it('lists services in JSON and XML and defines one', async () => {
    const s = (await client.get('services.json')).json() as { service_code: string; service_name: string }[];
    expect(s.find((x) => x.service_code === 'X01')?.service_name).toBe('下水管道堵塞');
    const x = await client.get('services.xml');
    // GeoReport v2 answers XML as text/xml (spec change: was application/xml).
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(x.body).toContain('<services><service><service_code>E0101</service_code>');
    // X01 now asks whether sewage overflows (metadata=true); a class without questions has no attributes.
    expect((await client.get('services/X01.json')).json().attributes[0].code).toBe('overflow');
    expect((await client.get('services/E0101.json')).json()).toEqual({ service_code: 'E0101', attributes: [] });
    expect((await client.get('services/NOPE.json')).statusCode).toBe(404);
  });

  it('files a request with the demo key and follows it by id', async () => {
    const bad = await client.post({
      api_key: 'wrong',
      service_code: 'X01',
      lat: String(SILU_POINT.lat),
      long: String(SILU_POINT.lon),
      description: 'x',
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json()[0].code).toBe(403);
    const r = await client.post({
      api_key: 'demo-open311',
      service_code: 'X01',
      lat: String(SILU_POINT.lat),
      long: String(SILU_POINT.lon),
      description: '下水道堵了',
      'attribute[overflow]': 'no',
      first_name: '三',
      last_name: '张',
      phone: '13800001111',
    });
    expect(r.statusCode).toBe(201);
    // Routed to a grid at once: the id, and no token beside it (spec: one or the other).
    const [created] = r.json();
    expect(Object.keys(created)).toEqual(['service_request_id']);
    const id: string = created.service_request_id;
    const one = (await client.get(`requests/${id}.json?${J}`)).json()[0];
    expect(one).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'X01',
      lat: Math.round(SILU_POINT.lat * 1000) / 1000,
    });
    expect(Date.parse(one.expected_datetime)).toBeGreaterThan(Date.parse(one.requested_datetime));
    expect(JSON.stringify(one)).not.toContain('13800001111');
    const xml = (await client.get(`requests/${id}.xml?${J}`)).body;
    expect(xml).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`,
    );
    const open = (await client.get(`requests.json?status=open&service_code=X01&${J}`)).json();
    expect(open.map((x: { service_request_id: string }) => x.service_request_id)).toContain(id);
    expect((await client.get(`requests.json?status=closed&${J}`)).json()).toEqual([]);
  });

  it('refuses bad input with a spec error list', async () => {
    const r = await client.post({
      api_key: 'demo-open311',
      service_code: 'ZZ',
      lat: '38.9',
      long: '100.4',
      description: 'x',
    });
    // An unknown service_code is 404 (spec change: was 400).
    expect(r.statusCode).toBe(404);
    expect(r.json()[0]).toMatchObject({ code: 404 });
    expect((await client.post({ api_key: 'demo-open311', service_code: 'X01', description: 'x' })).statusCode).toBe(
      400,
    );
    expect((await client.get(`requests/not-an-id.xml?${J}`)).body).toContain('<errors><error><code>404</code>');
  });
});
