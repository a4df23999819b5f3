/**
 * The response serializer drops a key its schema does not list, and with `strict` fails the answer instead; and
 * every route of the app documents its answers (a success schema and the error shape) in the OpenAPI document.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp, type TestApp } from '../../testing/harness.ts';
import { droppedKey, errorResponses, responseSerializer } from './responses.ts';

async function tiny(strict: boolean): Promise<FastifyInstance> {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(strict));
  const item = z.object({ id: z.string(), at: z.date() });
  const schema = { response: { 200: z.object({ items: z.array(item) }), ...errorResponses } };
  // the handler's object carries a key the schema does not list (a leaked phone number)
  const leak = { id: 'a', at: new Date('2026-01-01T00:00:00Z'), phone: '13800000000' };
  app.get('/leak', { schema }, async () => ({ items: [leak] }));
  app.get('/fine', { schema }, async () => ({ items: [{ id: 'b', at: new Date('2026-01-01T00:00:00Z') }] }));
  await app.ready();
  return app;
}

describe('the response serializer', () => {
  it('drops an unlisted key in production and fails the answer when strict', async () => {
    const lax = await tiny(false);
    const r = await lax.inject({ url: '/leak' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ items: [{ id: 'a', at: '2026-01-01T00:00:00.000Z' }] });
    await lax.close();
    const strict = await tiny(true);
    expect((await strict.inject({ url: '/leak' })).statusCode).toBe(500);
    expect((await strict.inject({ url: '/fine' })).json()).toEqual({
      items: [{ id: 'b', at: '2026-01-01T00:00:00.000Z' }],
    });
    await strict.close();
  });

  it('names the first dropped key path and looks past values the schema transforms', () => {
    expect(droppedKey({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] })).toBe('/a/0/c');
    expect(droppedKey({ a: 1, u: undefined }, { a: 1 })).toBeNull();
    expect(droppedKey({ at: new Date(0) }, { at: '1970-01-01T00:00:00.000Z' })).toBeNull();
  });
});

/** Routes without a documented answer: the API documentation itself, and Open311's CORS preflight (no body). */
const undocumented = new Set([
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/json',
  'GET /docs/yaml',
  'OPTIONS /open311/*',
]);
const isDocs = (k: string) => undocumented.has(k) || k.startsWith('GET /docs/static/');

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

describe('every route documents its answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ seed: false });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('has a response schema for its success status and for its errors', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { responses?: Responses }>> };
    const problems: string[] = [];
    for (const r of t.app.routeList) {
      const key = `${r.method} ${r.url}`;
      if (isDocs(key)) continue;
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const responses = doc.paths[path]?.[r.method.toLowerCase()]?.responses;
      if (!responses) {
        problems.push(`${key}: not in the OpenAPI document (hidden or no schema)`);
        continue;
      }
      const codes = Object.keys(responses);
      const success = codes.filter((c) => /^[23]/.test(c));
      if (success.length === 0) problems.push(`${key}: no response schema for its success status (200/201/…)`);
      for (const c of success) {
        const content = responses[c]?.content ?? {};
        if (Object.keys(content).length === 0 || Object.values(content).some((m) => !m.schema))
          problems.push(`${key}: the ${c} answer has no schema (content type and body)`);
      }
      if (!codes.some((c) => /^4/.test(c)))
        problems.push(`${key}: no response schema for its errors (add errorResponses)`);
    }
    expect(problems, `routes without a response schema:\n${problems.join('\n')}`).toEqual([]);
    expect(t.app.routeList.length).toBeGreaterThan(60);
  });
});
