/**
 * Runs every curl example of docs/open311.md against the app: the shell variables of the page are read from it,
 * each `curl` line (with its continuation lines) is turned into the same HTTP request through app.inject, its
 * status is checked against the `# → NNN` comment before it (200 when none), JSON answers against the GeoReport
 * v2 schemas and XML answers for well-formedness; `ID` and `TOKEN` come from the answers, as a reader's would.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../testing/harness.ts';
import { assertSchema, parseXml, type SchemaName } from './testing/spec.ts';

const doc = readFileSync(new URL('../../../../../docs/open311.md', import.meta.url), 'utf8');

/** Splits a shell line into words: single quotes literal, double quotes and bare words expand $VARS. */
function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  const expand = (s: string) => s.replace(/\$(\w+)/g, (_, k: string) => vars[k] ?? `$${k}`);
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\s+)|([^\s'"]+)/g;
  for (const m of line.matchAll(re)) {
    if (m[3] !== undefined) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else cur = (cur ?? '') + (m[1] ?? expand(m[2] ?? m[4] ?? ''));
  }
  if (cur !== null) out.push(cur);
  return out;
}

interface Step {
  line: string;
  expect: number;
}

/** The sh blocks' variable assignments and curl commands, in page order. */
function readDoc(): { vars: Record<string, string>; steps: Step[] } {
  const vars: Record<string, string> = {};
  const steps: Step[] = [];
  for (const [, block] of doc.matchAll(/```sh\n([\s\S]*?)```/g)) {
    let expectNext = 200;
    for (const line of block!.replace(/\\\n\s*/g, ' ').split('\n')) {
      const assign = /^(\w+)=(\S+)$/.exec(line.trim());
      const status = /^#\s*→\s*(\d{3})/.exec(line.trim());
      if (assign) vars[assign[1]!] = assign[2]!;
      else if (status) expectNext = Number(status[1]);
      else if (line.trim().startsWith('curl ')) {
        steps.push({ line: line.trim(), expect: expectNext });
        expectNext = 200;
      }
    }
  }
  return { vars, steps };
}

/** The request a curl command line makes. */
function toRequest(argv: string[], base: string) {
  let method: 'GET' | 'POST' | 'OPTIONS' = 'GET';
  let url = '';
  const data: string[] = [];
  const headers: Record<string, string> = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-s' || a === '-i' || a === '-G') continue;
    if (a === '-X') method = argv[++i] as typeof method;
    else if (a === '-d' || a === '--data') data.push(argv[++i]!);
    else if (a === '--data-urlencode') {
      const [k, ...v] = argv[++i]!.split('=');
      data.push(`${k}=${encodeURIComponent(v.join('='))}`);
    } else if (a === '-H') {
      const [k, ...v] = argv[++i]!.split(':');
      headers[k!.trim().toLowerCase()] = v.join(':').trim();
    } else if (!a.startsWith('-')) url = a;
    else throw new Error(`curl option not understood by the docs test: ${a}`);
  }
  if (data.length && method === 'GET') method = 'POST';
  if (!url.startsWith(base)) throw new Error(`example URL not under $BASE: ${url}`);
  const path = url.slice(base.length);
  return data.length
    ? {
        method,
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: data.join('&'),
      }
    : { method, url: path, headers };
}

/** Which schema the answer of a path follows. */
function schemaOf(method: string, path: string, status: number): SchemaName {
  if (status >= 400) return 'errors';
  if (path.startsWith('/open311/discovery')) return 'discovery';
  if (path.startsWith('/open311/v2/services/')) return 'service-definition';
  if (path.startsWith('/open311/v2/services')) return 'service-list';
  if (path.startsWith('/open311/v2/tokens/')) return 'token';
  return method === 'POST' ? 'post-response' : 'requests';
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('docs/open311.md', () => {
  it('has curl examples for discovery, services, filing, tokens and polling', () => {
    const { steps } = readDoc();
    const text = steps.map((s) => s.line).join('\n');
    for (const part of ['discovery.json', 'services.json', 'services/X02', '-X POST', 'tokens/$TOKEN', 'requests/$ID'])
      expect(text).toContain(part);
  });

  it('every curl example works as the page says', async () => {
    const { vars, steps } = readDoc();
    const base = vars.BASE!;
    expect(base).toMatch(/^http:\/\/localhost:\d+$/);
    for (const step of steps) {
      const req = toRequest(words(step.line, vars), base);
      const r = await t.app.inject(req);
      expect(r.statusCode, `${step.line}\n${r.body}`).toBe(step.expect);
      const path = req.url.split('?')[0]!;
      if (path.endsWith('.xml')) parseXml(r.body);
      else {
        const body = r.json();
        assertSchema(schemaOf(req.method, path, r.statusCode), body);
        const first = Array.isArray(body) ? (body[0] as Record<string, string> | undefined) : undefined;
        if (first?.service_request_id && req.method === 'POST') vars.ID = first.service_request_id;
        if (first?.token && req.method === 'POST') vars.TOKEN = first.token;
      }
      expect(step.line.includes('$ID') ? vars.ID : 'ok', `no ID before ${step.line}`).toBeDefined();
    }
    expect(vars.ID).toBeDefined();
    expect(vars.TOKEN).toBeDefined();
  });
});
