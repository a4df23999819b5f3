/**
 * The database being away is a 503 with Retry-After, never a 500: the app is pointed at a PostgreSQL address
 * where nothing listens (a real refused connection, on either test pass — no server is needed), so every query
 * fails the way it does while the server is down or restarting. /healthz says what is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type DbHandle } from '../db/connect.ts';
import { isDbUnavailable } from '../db/availability.ts';
import { freePort } from '../../testing/pgCluster.ts';
import { createLogger } from '../log.ts';

let h: DbHandle;
let app: FastifyInstance;
const lines: Record<string, unknown>[] = [];
beforeAll(async () => {
  const port = await freePort(); // released again: connecting to it is refused
  h = await openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`, 2);
  app = await buildApp({
    db: h.db,
    engine: 'postgres',
    config: loadConfig({}),
    clock: () => new Date(),
    log: createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) }),
    casesOptions: { schedulerIntervalMs: 0 },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await h.close();
});

describe('database away', () => {
  it('a request that needs the database gets 503 DB_UNAVAILABLE with Retry-After, in the asked language', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/cases/queue?lang=en', headers: { cookie: 'linli_sid=x' } });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toEqual({
      error: { code: 'DB_UNAVAILABLE', message: 'The database is temporarily unavailable; please try again shortly' },
    });
    const zh = await app.inject({ method: 'GET', url: '/api/cases/queue', headers: { cookie: 'linli_sid=x' } });
    expect(zh.json().error.message).toBe('数据库暂时不可用，请稍后重试');
    expect(lines.some((l) => l.event === 'db_unavailable' && l.component === 'http' && l.level === 40)).toBe(true);
    expect(lines.some((l) => l.msg === 'unhandled error')).toBe(false);
  });

  it('/healthz answers 503 naming the database', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toMatchObject({ status: 'unavailable', db: 'postgres', down: ['database'] });
    expect(r.json().error.code).toBe('DB_UNAVAILABLE');
  });

  it('tells connection failures from query errors', () => {
    expect(isDbUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDbUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(
      true,
    );
    expect(isDbUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDbUnavailable(new Error('boom'))).toBe(false);
  });
});
