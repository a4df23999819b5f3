/**
 * GeoReport v2 conformance: GET services, GET services/{code}, Service Discovery, unknown resources and CORS.
 * Every JSON answer is checked against the schemas in ./schemas, every XML answer parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../testing/harness.ts';
import { assertSchema, parseXml } from './testing/spec.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET services', () => {
  it('lists services (JSON schema, XML well-formed and the same list)', async () => {
    const r = await get('/open311/v2/services.json');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const list = r.json() as { service_code: string; metadata: boolean }[];
    assertSchema('service-list', list);
    const x = await get('/open311/v2/services.xml');
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    const xml = parseXml(x.body) as { services: { service: { service_code: string; metadata: string }[] } };
    expect(xml.services.service.map((s) => s.service_code)).toEqual(list.map((s) => s.service_code));
    expect(xml.services.service.find((s) => s.service_code === 'X02')?.metadata).toBe('true');
  });

  it('offers services with metadata=true whose definitions have attributes', async () => {
    const list = (await get('/open311/v2/services.json')).json() as { service_code: string; metadata: boolean }[];
    const withMeta = list.filter((s) => s.metadata);
    expect(withMeta.map((s) => s.service_code)).toEqual(expect.arrayContaining(['X01', 'X02']));
    for (const s of list) {
      const d = (await get(`/open311/v2/services/${s.service_code}.json`)).json();
      assertSchema('service-definition', d);
      expect(d.service_code).toBe(s.service_code);
      // metadata tells a client whether to fetch the definition: true exactly when there are attributes.
      expect(d.attributes.length > 0).toBe(s.metadata);
    }
    const floor = (await get('/open311/v2/services/X02.json')).json().attributes[0];
    expect(floor).toMatchObject({ code: 'floor', datatype: 'number', required: true, variable: true });
    const overflow = (await get('/open311/v2/services/X01.json?lang=en')).json().attributes[0];
    expect(overflow.datatype).toBe('singlevaluelist');
    expect(overflow.values.map((v: { key: string }) => v.key)).toEqual(['yes', 'no']);
    const x = parseXml((await get('/open311/v2/services/X01.xml')).body) as {
      service_definition: { attributes: { attribute: { code: string; values: { value: { key: string }[] } }[] } };
    };
    expect(x.service_definition.attributes.attribute[0]!.values.value.map((v) => v.key)).toEqual(['yes', 'no']);
  });

  it('never offers sensitive classes (one-press help, neighbour disputes)', async () => {
    const codes = ((await get('/open311/v2/services.json')).json() as { service_code: string }[]).map(
      (s) => s.service_code,
    );
    expect(codes).not.toContain('X05');
    expect(codes).not.toContain('X04');
    const r = await get('/open311/v2/services/X05.json');
    expect(r.statusCode).toBe(404);
    assertSchema('errors', r.json());
  });

  it('answers an unknown service and an unknown resource in the Open311 error format', async () => {
    const json = await get('/open311/v2/services/NOPE.json');
    expect(json.statusCode).toBe(404);
    assertSchema('errors', json.json());
    const xml = await get('/open311/v2/nothing-here.xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseXml(xml.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
    const other = await get('/open311/v2/foo/bar.json');
    expect(other.statusCode).toBe(404);
    assertSchema('errors', other.json());
  });
});

describe('Service Discovery', () => {
  it('names the endpoint, the spec version, the formats and the key contact', async () => {
    const r = await get('/open311/discovery.json', { host: 'city.example:8080' });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    assertSchema('discovery', d);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://city.example:8080/open311/v2',
    });
    expect(d.endpoints[0].formats).toEqual(expect.arrayContaining(['application/json', 'text/xml']));
    expect(d.key_service.length).toBeGreaterThan(0);
    const x = parseXml((await get('/open311/discovery.xml')).body) as {
      discovery: { endpoints: { endpoint: { formats: { format: string[] } }[] } };
    };
    expect(x.discovery.endpoints.endpoint[0]!.formats.format).toContain('text/xml');
  });
});

describe('CORS', () => {
  it('lets any origin read, and answers the preflight', async () => {
    const r = await get('/open311/v2/services.json', { origin: 'https://app.city.example' });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: { origin: 'https://app.city.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(pre.headers['access-control-allow-origin']).toBe('https://app.city.example');
  });
});

describe('OpenAPI', () => {
  it('documents the Open311 routes with their schemas', async () => {
    const r = await get('/openapi.json');
    expect(r.statusCode).toBe(200);
    const paths = Object.keys(r.json().paths as Record<string, unknown>);
    expect(paths.filter((p) => p.startsWith('/open311/')).length).toBeGreaterThanOrEqual(6);
  });
});
