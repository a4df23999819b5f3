/**
 * The app's role cannot rewrite history: connected as it, every way to change or remove audit rows or the chain
 * fails, while the app's ordinary work (seed, audit, backup → restore) succeeds. PostgreSQL only for the roles part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freshDb, TEST_PG_URL } from '../../testing/harness.ts';
import { roleDb, type RoleDb } from '../../testing/roles.ts';
import { seedDemo } from '../../demo.ts';
import { audit } from '../audit.ts';
import { verifyAuditChain } from '../auditChain.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin/';
import { backup, restore } from '../backup.ts';
import { appRoleName, migrateDatabase } from './roles.ts';

describe('role names and the missing owner URL', () => {
  it('takes the app role from DATABASE_URL unless LINLI_APP_ROLE says otherwise', () => {
    expect(appRoleName({ databaseUrl: 'postgres://linli_app:pw@db:5432/linli' })).toBe('linli_app');
    expect(appRoleName({ databaseUrl: 'postgres://linli_app@db/linli', appRole: 'other' })).toBe('other');
    expect(appRoleName({ databaseUrl: undefined })).toBeNull();
  });

  it('warns on PostgreSQL when the app migrates with its own role, and stays quiet on PGlite', async () => {
    const h = await freshDb();
    try {
      const warnings: string[] = [];
      await migrateDatabase(h, { databaseUrl: TEST_PG_URL }, (m) => warnings.push(m));
      expect(warnings.length).toBe(h.engine === 'postgres' ? 1 : 0);
      if (h.engine === 'postgres') expect(warnings[0]).toContain('DATABASE_OWNER_URL');
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!TEST_PG_URL)('the app role on PostgreSQL', () => {
  let r: RoleDb;
  beforeAll(async () => {
    r = await roleDb();
  });
  afterAll(async () => {
    await r?.close();
  });

  it('does the app’s work: seed with cases, audit rows, verify, backup and restore', async () => {
    await seedDemo(r.app.db, new Date('2026-11-27T02:00:00Z'), undefined, { cases: true });
    await audit(r.app.db, null, { action: 'x', entity: 'y', entityId: null, scopeCode: null });
    expect((await verifyAuditChain(r.app.db)).ok).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'linli-roles-')), 'b.gz');
    const counts = await backup(r.app.db, file);
    const target = await roleDb();
    try {
      expect(await restore(target.app.db, file)).toMatchObject({ audit_log: counts.audit_log });
      expect(await verifyAuditChain(target.app.db)).toMatchObject({ ok: true, rows: counts.audit_log });
      await audit(target.app.db, null, { action: 'after.restore', entity: 'y', entityId: null, scopeCode: null });
      expect((await verifyAuditChain(target.app.db)).ok).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);

  it.each([
    ['TRUNCATE audit_log', /permission denied/],
    ['DELETE FROM audit_log', /permission denied/],
    ["UPDATE audit_log SET action = 'nothing'", /permission denied/],
    ['DROP TRIGGER zzz_audit_log_chain ON audit_log', /must be owner/],
    ['DROP TRIGGER audit_log_no_update ON audit_log', /must be owner/],
    ['ALTER TABLE audit_log DISABLE TRIGGER zzz_audit_log_chain', /must be owner/],
    ['ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/],
    ['DROP TABLE audit_log', /must be owner/],
    ["UPDATE audit_chain_head SET hash = repeat('0', 64)", /permission denied/],
    ['DELETE FROM audit_chain_head', /permission denied/],
    [
      'CREATE OR REPLACE FUNCTION audit_row_hash(r audit_log) RETURNS text LANGUAGE sql AS $$ SELECT 1::text $$',
      /permission denied for schema|must be owner/,
    ],
    ['TRUNCATE cases', /permission denied/],
    ['ALTER TABLE cases ADD COLUMN x int', /must be owner/],
    ["DELETE FROM kysely_migration WHERE name = '0007_audit_chain'", /permission denied/],
  ])('refuses %s', async (statement, error) => {
    await expect(sql.raw(statement).execute(r.app.db)).rejects.toThrow(error);
  });

  it('cannot divert the chain with a temporary table named like the chain head', async () => {
    await r.app.db.transaction().execute(async (trx) => {
      await sql`CREATE TEMP TABLE audit_chain_head (one boolean, seq bigint, hash text) ON COMMIT DROP`.execute(trx);
      await sql`INSERT INTO audit_chain_head VALUES (true, 0, repeat('0', 64))`.execute(trx);
      await audit(trx, null, { action: 'temp.head', entity: 'y', entityId: null, scopeCode: null });
    });
    expect((await verifyAuditChain(r.app.db)).ok).toBe(true);
  });

  it('runs with DATABASE_URL alone once the owner has migrated (no warning, nothing to do)', async () => {
    const warnings: string[] = [];
    expect(await migrateDatabase(r.app, { databaseUrl: r.appUrl }, (m) => warnings.push(m))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('leaves the owner able to migrate again (grants are re-applied, idempotent)', async () => {
    const warnings: string[] = [];
    await migrateDatabase(r.app, { databaseUrl: r.appUrl, databaseOwnerUrl: r.ownerUrl }, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    await expect(sql`TRUNCATE audit_log`.execute(r.app.db)).rejects.toThrow(/permission denied/);
  });

  it.skipIf(!existsSync(`${PG_BIN}pg_dump`))(
    'pg_dump → pg_restore (the production backup) keeps the chain and a head recorded before the dump',
    async () => {
      const head = (await verifyAuditChain(r.app.db)).last;
      expect(head.seq).toBeGreaterThan(0);
      const dump = join(mkdtempSync(join(tmpdir(), 'linli-dump-')), 'd.dump');
      execFileSync(`${PG_BIN}pg_dump`, ['--format=custom', '--no-privileges', '-f', dump, r.ownerUrl]);
      const target = await roleDb();
      try {
        await sql`DROP SCHEMA public CASCADE`.execute(target.owner.db);
        await sql`CREATE SCHEMA public`.execute(target.owner.db);
        execFileSync(`${PG_BIN}pg_restore`, ['--no-owner', '-d', target.ownerUrl, dump]);
        await migrateDatabase(target.app, { databaseUrl: target.appUrl, databaseOwnerUrl: target.ownerUrl });
        expect(await verifyAuditChain(target.app.db, [head])).toMatchObject({ ok: true, last: head });
        await expect(sql`TRUNCATE audit_log`.execute(target.app.db)).rejects.toThrow(/permission denied/);
      } finally {
        await target.close();
      }
    },
    120_000,
  );

  it('stops with a clear message when the schema needs migrating and only the app role is given', async () => {
    // forget the newest migration (whichever it is), so exactly one is pending, as after an upgrade
    await sql`DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration)`.execute(r.owner.db);
    await expect(migrateDatabase(r.app, { databaseUrl: r.appUrl }, () => {})).rejects.toThrow(
      /run `linli migrate` with DATABASE_OWNER_URL/,
    );
  });
});
