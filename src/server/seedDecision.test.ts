/**
 * Demo accounts share a published password, so the demo is seeded only on the embedded database or when asked
 * for; a real installation starts with no account and is told to run `npx linli admin create`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig, shouldSeedDemo } from './config.ts';
import { NEEDS_ADMIN_MESSAGE, startServer, type RunningServer } from './main.ts';
import { TEST_PG_URL } from './testing/harness.ts';

const PG = 'postgres://linli@db.example:5432/linli';
const started: RunningServer[] = [];
const dropped: string[] = [];

afterAll(async () => {
  for (const s of started) await s.close();
  if (!TEST_PG_URL) return;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  for (const name of dropped) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('demo seeding decision', () => {
  it.each([
    [{}, true],
    [{ DATABASE_URL: PG }, false],
    [{ DATABASE_URL: PG, LINLI_SEED_DEMO: 'true' }, true],
    [{ LINLI_SEED_DEMO: 'false' }, false],
    [{ LINLI_SEED_DEMO: '' }, false],
  ])('%o → seed %s', (env, seed) => expect(shouldSeedDemo(loadConfig(env))).toBe(seed));

  it('an empty database without the demo gets no account, and the server says how to create one', async () => {
    let env: NodeJS.ProcessEnv = { LINLI_SEED_DEMO: 'false' };
    let dataDir: string | undefined = 'memory://';
    if (TEST_PG_URL) {
      // The production case: PostgreSQL and no LINLI_SEED_DEMO at all.
      const name = `linli_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      dropped.push(name);
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
      dataDir = undefined;
    }
    const s = await startServer({ port: 0, host: '127.0.0.1', env, ...(dataDir ? { dataDir } : {}) });
    started.push(s);
    expect(s.handle.engine).toBe(TEST_PG_URL ? 'postgres' : 'pglite');
    expect(await s.handle.db.selectFrom('accounts').select('id').execute()).toEqual([]);
    expect(await s.handle.db.selectFrom('places').select('id').execute()).toEqual([]);
    expect([s.demo, s.needsAdmin]).toEqual([false, true]);
    expect(NEEDS_ADMIN_MESSAGE).toContain('npx linli admin create');
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/demo' })).json()).toEqual({ demo: false });
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gz_admin', password: 'linli-demo' },
    });
    expect(r.statusCode).toBe(401);
  });

  it('the embedded default still loads the demo (npm start)', async () => {
    const s = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', env: {}, demoCases: false });
    started.push(s);
    expect([s.demo, s.needsAdmin]).toEqual([true, false]);
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/demo' })).json()).toEqual({ demo: true });
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gz_admin', password: 'linli-demo' },
    });
    expect(r.statusCode).toBe(200);
  });
});
