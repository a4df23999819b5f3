/**
 * Starts one Linli server for every browser test: in-memory PGlite, demo data, the built web app.
 * Builds the web app first when dist/web is missing (the `test:e2e` script builds it anyway).
 *
 * The server runs on a movable clock (real time + an offset). A tiny control server on another localhost port,
 * in this same process, lets tests move it and run one pass of the escalation scheduler — no test hooks in the
 * production code: the clock is `StartOptions.clock`, the pass is the app's own `app.cases.tick()`.
 *   POST {controlUrl}/advance?ms=N  → { now }      POST {controlUrl}/tick → { escalated }      GET {controlUrl}/now
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** '' when the tests run against an external server (E2E_BASE_URL): clock tests skip then. */
    controlUrl: string;
  }
}

/** Vitest global setup: provide `baseUrl` and `controlUrl`, return the teardown. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  mkdirSync('e2e/screenshots', { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    project.provide('controlUrl', '');
    return undefined;
  }
  if (!existsSync('dist/web/index.html')) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const { startServer } = await import('../../src/server/main.ts');
  // Many tests log in as the same demo user within a minute; the login limits (brute-force guards) are raised
  // for this test server only. Its own behaviour is tested in src/server/modules/auth/routes.test.ts.
  const env = {
    ...process.env,
    LINLI_LOGIN_MAX_PER_MINUTE: '500',
    LINLI_LOGIN_IP_FREE_FAILURES: '500',
    // a key a response schema does not list fails the request (platform/http/responses.ts)
    LINLI_STRICT_RESPONSES: '1',
  };
  const server = await startServer({
    port: 0,
    dataDir: 'memory://',
    seedDemo: true,
    webRoot: resolve('dist/web'),
    clock,
    env,
  });
  const app = server.app as typeof server.app & { cases?: { tick(): Promise<number> } };

  const control: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      if (req.method === 'POST' && url.pathname === '/advance') {
        const ms = Number(url.searchParams.get('ms'));
        if (!Number.isFinite(ms) || ms < 0) return send(400, { error: 'ms' });
        offsetMs += ms;
        return send(200, { now: clock().toISOString() });
      }
      if (req.method === 'POST' && url.pathname === '/tick') {
        if (!app.cases) return send(501, { error: 'no app.cases.tick()' });
        return send(200, { escalated: await app.cases.tick() });
      }
      if (url.pathname === '/now') return send(200, { now: clock().toISOString() });
      send(404, { error: 'not found' });
    })().catch((e: unknown) => send(500, { error: String(e) }));
  });
  await new Promise<void>((r) => control.listen(0, '127.0.0.1', r));
  const port = (control.address() as AddressInfo).port;

  project.provide('baseUrl', server.url);
  project.provide('controlUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((r) => control.close(() => r()));
    await server.close();
  };
}
