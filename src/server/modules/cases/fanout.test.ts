/** Two app instances on one PostgreSQL: a case created on A reaches an SSE client connected to B (LISTEN/NOTIFY). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type DbHandle } from '../../platform/db/connect.ts';
import { PgBus } from '../../platform/events/bus.ts';
import { freshDb, login, TEST_PG_URL, TestClock } from '../../testing/harness.ts';
import { seedDemo } from '../../demo.ts';
import { SILU_GRID, SILU_POINT } from './testing/demo.ts';
import { openStream, within } from './testing/sse.ts';

describe.skipIf(!TEST_PG_URL)('fan-out between instances (PostgreSQL)', () => {
  let h: DbHandle, h2: DbHandle, a: FastifyInstance, b: FastifyInstance;
  beforeAll(async () => {
    h = await freshDb();
    const clock = new TestClock();
    await seedDemo(h.db, clock.now());
    h2 = await openPostgres(h.url!, 5);
    const config = loadConfig({});
    a = await buildApp({
      db: h.db,
      engine: 'postgres',
      config,
      clock: clock.now,
      events: await PgBus.connect(h.url!),
      casesOptions: { schedulerIntervalMs: 0 },
    });
    b = await buildApp({
      db: h2.db,
      engine: 'postgres',
      config,
      clock: clock.now,
      events: await PgBus.connect(h.url!),
      casesOptions: { schedulerIntervalMs: 0 },
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await a.cases.module.bus.close();
    await b.cases.module.bus.close();
    await h2.close();
    await h.close();
  });

  it('a case created on A is pushed to the worker connected to B within a second', async () => {
    const addrB = await b.listen({ port: 0, host: '127.0.0.1' });
    const worker = await login(b, SILU_GRID.worker.username);
    const resident = await login(a, 'resident_silu');
    let sent = 0;
    const got = new Promise<{ id: string; ms: number }>((resolve, reject) => {
      const req = http.get(`${addrB}/api/cases/stream`, { headers: { cookie: worker.cookie } }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          const m = /event: case\ndata: (.+)\n\n/.exec(buf);
          if (m) {
            resolve({ id: (JSON.parse(m[1]!) as { id: string }).id, ms: Date.now() - sent });
            req.destroy();
          }
        });
      });
      req.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    sent = Date.now();
    const r = await resident.request('POST', '/api/cases', {
      categoryCode: 'X01',
      description: '下水管道堵塞',
      location: SILU_POINT,
    });
    expect(r.statusCode).toBe(201);
    const { id, ms } = await got;
    expect(id).toBe(r.json().case.id);
    expect(ms).toBeLessThan(1000);
  });

  it('logging out on A closes the stream of that session held open by B', async () => {
    const addrB = b.server.address() as { port: number };
    const baseB = `http://127.0.0.1:${addrB.port}`;
    const session = await login(a, 'resident_silu');
    const stream = await openStream(baseB, session.cookie);
    expect((await session.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect(await within(stream.ended, 10_000)).toBe(true);
  });
});
