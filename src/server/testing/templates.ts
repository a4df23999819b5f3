/**
 * Database templates for the test suite, made once per run by the vitest global set-up: a migrated empty
 * database and one with the demo community seeded at the test clock's start. Every test file then starts from a
 * copy instead of running initdb, the migrations and the seed again (on PGlite, initdb in WebAssembly alone takes
 * seconds): a PGlite data-directory dump loaded into a new in-memory instance, or on PostgreSQL a
 * `CREATE DATABASE … TEMPLATE …`. Each copy is private to its test file, exactly as a fresh database was.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedDemo } from '../demo.ts';

/** The moment every TestClock starts at; the seeded template is seeded at this time. */
export const TEST_EPOCH = '2026-11-27T02:00:00Z';

/** Where the templates are: PGlite dump files, or PostgreSQL database names on the server under test. */
export interface DbTemplates {
  engine: 'pglite' | 'postgres';
  empty: string;
  seeded: string;
}

/**
 * Makes both templates; `done()` removes them at the end of the run.
 * @public used by globalSetup.ts, whose `declare module 'vitest'` block hides the import from knip.
 */
export async function makeTemplates(
  pgUrl: string | undefined,
): Promise<{ templates: DbTemplates; done: () => Promise<void> }> {
  return pgUrl ? postgresTemplates(pgUrl) : pgliteTemplates();
}

async function pgliteTemplates() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-templates-'));
  const h = await openPglite('memory://');
  const dump = async (name: string) => {
    const file = join(dir, `${name}.tar`);
    const blob = await h.dumpDataDir?.();
    if (!blob) throw new Error('PGlite handle without dumpDataDir');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    return file;
  };
  try {
    await migrateToLatest(h.db);
    const empty = await dump('empty');
    await seedDemo(h.db, new Date(TEST_EPOCH));
    const seeded = await dump('seeded');
    return {
      templates: { engine: 'pglite' as const, empty, seeded },
      done: async () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    await h.close();
  }
}

async function postgresTemplates(pgUrl: string) {
  const tag = randomBytes(4).toString('hex');
  const names = { empty: `linli_tpl_${tag}_empty`, seeded: `linli_tpl_${tag}_seeded` };
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  const build = async (name: string, seed: boolean) => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const h = await openPostgres(url.toString(), 2);
    try {
      await migrateToLatest(h.db);
      if (seed) await seedDemo(h.db, new Date(TEST_EPOCH));
    } finally {
      await h.close();
    }
  };
  await build(names.empty, false);
  await build(names.seeded, true);
  return {
    templates: { engine: 'postgres' as const, ...names },
    done: async () => {
      for (const n of Object.values(names)) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    },
  };
}
