/**
 * PostgreSQL going away under load (robustness issue, item 2). The app runs with a listening server on a
 * throwaway PostgreSQL 15 cluster of its own; concurrent clients keep filing cases; the cluster is stopped with
 * `pg_ctl stop -m immediate` and started again. While it is away every failed request is a 503 with Retry-After
 * (also /healthz, naming what is down) and the process lives on; once it is back, every request succeeds, every
 * acknowledged case exists, the event bus listens again and the scheduler runs again — with nobody restarting
 * anything. Runs in the PostgreSQL pass (DATABASE_URL set, where the PostgreSQL 15 binaries are installed).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres, type DbHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { seedDemo } from '../../demo.ts';
import { SILU_POINT } from '../../modules/cases/testing/demo.ts';
import { CHANNEL, type BusEvent } from '../events/bus.ts';
import { createLogger } from '../log.ts';
import { PgCluster } from '../../testing/pgCluster.ts';
import { DEMO_PASSWORD, TEST_PG_URL } from '../../testing/harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every 250 ms until it is true or `ms` passed. */
async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Outcome {
  phase: 'before' | 'away' | 'back';
  status: number;
  code?: string;
  retryAfter: string | null;
  id?: string;
}

describe.skipIf(!TEST_PG_URL)(
  'PostgreSQL going away under load (own throwaway cluster; runs in the PostgreSQL pass, DATABASE_URL)',
  () => {
    let cluster: PgCluster | undefined;
    let handle: DbHandle | undefined;
    let app: FastifyInstance | undefined;
    afterAll(async () => {
      await app?.close();
      await handle?.close();
      cluster?.destroy();
    });

    it('503 + Retry-After while away, never crashes, serves again by itself, loses nothing acknowledged', async () => {
      cluster = await PgCluster.create();
      const lines: Record<string, unknown>[] = [];
      const log = createLogger('info', {
        write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>),
      });
      handle = await openPostgres(cluster.url, 10, log);
      await migrateToLatest(handle.db);
      await seedDemo(handle.db, new Date(), undefined, { cases: false });
      app = await buildApp({
        db: handle.db,
        engine: 'postgres',
        config: { ...loadConfig({}), databaseUrl: cluster.url, loginMaxPerMinute: 1000 },
        clock: () => new Date(),
        log,
        casesOptions: { schedulerIntervalMs: 300, ratePerAccount: 1_000_000, ratePerIp: 1_000_000 },
      });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'resident_silu', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = ((await login.json()) as { account: { csrfToken: string } }).account.csrfToken;

      let phase: Outcome['phase'] = 'before';
      let stopLoad = false;
      const outcomes: Outcome[] = [];
      const report = { categoryCode: 'X02', description: '楼道灯不亮（压力测试）', location: SILU_POINT };
      const fileCase = async (): Promise<Outcome> => {
        const at = phase;
        try {
          const r = await fetch(`${base}/api/cases`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie,
              'x-csrf-token': csrf,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify(report),
          });
          const body = (await r.json()) as { case?: { id: string }; error?: { code: string } };
          return {
            phase: at,
            status: r.status,
            retryAfter: r.headers.get('retry-after'),
            ...(body.case ? { id: body.case.id } : {}),
            ...(body.error ? { code: body.error.code } : {}),
          };
        } catch {
          return { phase: at, status: 0, retryAfter: null }; // connection refused/reset: the process is gone
        }
      };
      const worker = async () => {
        for (let i = 0; i < 2_000 && !stopLoad; i++) {
          const o = await fileCase();
          outcomes.push(o);
          if (o.status !== 201) await sleep(50);
        }
      };
      const load = Promise.all(Array.from({ length: 6 }, worker));

      await until(async () => outcomes.filter((o) => o.status === 201).length >= 30, 60_000, 'load to run');
      phase = 'away';
      cluster.stop('immediate');
      await sleep(1_500);
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
      const hb = (await health.json()) as { status: string; down: string[]; error: { code: string } };
      expect(hb.status).toBe('unavailable');
      expect(hb.down).toContain('database');
      expect(hb.error.code).toBe('DB_UNAVAILABLE');
      await sleep(3_000); // longer than the old bus's single reconnect attempt
      cluster.start();
      await until(async () => (await fetch(`${base}/healthz`)).status === 200, 60_000, '/healthz to answer 200');
      phase = 'back';
      const backFrom = outcomes.length;
      await until(async () => outcomes.length - backFrom >= 60, 60_000, 'requests after recovery');
      stopLoad = true;
      await load;

      const away = outcomes.filter((o) => o.phase === 'away' && o.status !== 201);
      expect(away.length).toBeGreaterThan(0);
      for (const o of away) expect(o).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE', retryAfter: '5' });
      // Requests started after /healthz said 200 again: every one succeeds.
      const later = outcomes.filter((o) => o.phase === 'back');
      expect(later.length).toBeGreaterThanOrEqual(60);
      expect(later.filter((o) => o.status !== 201)).toEqual([]);
      expect(outcomes.filter((o) => o.status === 0)).toEqual([]);

      const acked = outcomes.flatMap((o) => (o.status === 201 && o.id ? [o.id] : []));
      const check = new pg.Client({ connectionString: cluster.url });
      await check.connect();
      try {
        const found = await check.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])',
          [acked],
        );
        expect(found.rows[0]!.n).toBe(acked.length);

        // The event bus listens again: a NOTIFY from "another instance" reaches this app's subscribers.
        await until(
          async () =>
            !((await (await fetch(`${base}/healthz`)).json()) as { down?: string[] }).down?.includes('events'),
          60_000,
          'the event bus to listen again',
        );
        const got = new Promise<BusEvent>((res) =>
          app!.cases.module.bus.subscribe((e) => e.topic === 'probe' && res(e)),
        );
        await check.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ o: 'other', e: { topic: 'probe' } })]);
        await expect(Promise.race([got, sleep(15_000).then(() => null)])).resolves.toEqual({ topic: 'probe' });

        // The scheduler runs again: make one acknowledged case overdue and wait for its escalation.
        const id = acked[0]!;
        await check.query(`UPDATE cases SET accept_by = now() - interval '1 minute' WHERE id = $1`, [id]);
        await check.query(`UPDATE case_escalation_jobs SET due_at = now() - interval '1 minute' WHERE case_id = $1`, [
          id,
        ]);
        await until(
          async () =>
            (await check.query<{ n: number }>('SELECT escalation_count AS n FROM cases WHERE id = $1', [id])).rows[0]!
              .n === 1,
          90_000,
          'the scheduler to escalate after recovery',
        );
      } finally {
        await check.end();
      }

      const events = new Set(lines.map((l) => l.event));
      for (const e of ['db_unavailable', 'bus_disconnected', 'bus_reconnected', 'scheduler_pass_failed'])
        expect(events, e).toContain(e);
    }, 300_000);
  },
);
