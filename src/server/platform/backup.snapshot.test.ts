/**
 * Backups taken while the app writes (one snapshot), the file's mode and contents (0600, no sessions), and the
 * audit chain across backup → restore. Runs on PGlite and on the PostgreSQL in DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freshDb, login, testApp, type TestApp } from '../testing/harness.ts';
import { backup, restore, BACKUP_TABLES } from './backup.ts';
import { audit } from './audit.ts';
import { verifyAuditChain } from './auditChain.ts';
import type { DbHandle } from './db/connect.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'linli-backup-snap-'));
const COMMUNITY = '620702004006';

const count = async (h: DbHandle, table: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(h.db)).rows[0]?.n);

/** One write as the app does it: a case and its audit row in one transaction. */
async function writeCase(h: DbHandle, i: number): Promise<void> {
  await h.db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const now = new Date();
    await trx
      .insertInto('cases')
      .values({
        id,
        community_code: COMMUNITY,
        handler_code: COMMUNITY,
        level: 'community',
        status: 'registered',
        category_code: 'X01',
        description: `writer ${i}`,
        lon: 104.6,
        lat: 35.6,
        source: 'staff',
        resolve_by: now,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    await audit(trx, null, { action: 'case.create', entity: 'case', entityId: id, scopeCode: COMMUNITY, after: { i } });
  });
}

beforeAll(async () => {
  t = await testApp();
  await login(t.app, 'dh_staff'); // a live session, which must not end up in the backup
});
afterAll(async () => {
  await t.close();
});

describe('backup while writers run', () => {
  it('reads one snapshot: the file restores and every count matches the snapshot', async () => {
    const before = { cases: await count(t.handle, 'cases'), audit_log: await count(t.handle, 'audit_log') };
    let stop = false;
    let written = 0;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      while (!stop) {
        await writeCase(t.handle, w);
        written++;
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    while (written < 10) await new Promise((r) => setTimeout(r, 10));
    const file = join(dir, 'live.linli.gz');
    let counts: Record<string, number>;
    try {
      counts = await backup(t.handle.db, file);
    } finally {
      stop = true;
      await Promise.all(writers);
    }
    const after = { cases: await count(t.handle, 'cases'), audit_log: await count(t.handle, 'audit_log') };
    expect(counts.cases).toBeGreaterThanOrEqual(before.cases + 10);
    expect(counts.cases).toBeLessThanOrEqual(after.cases);
    // one snapshot: every case written so far has its audit row in the same backup
    expect(counts.audit_log! - before.audit_log).toBe(counts.cases! - before.cases);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true); // one chain under concurrent writers
    const target = await freshDb();
    try {
      const restored = await restore(target.db, file);
      for (const { table } of BACKUP_TABLES) {
        expect(restored[table] ?? 0, table).toBe(counts[table]);
        expect(await count(target, table), table).toBe(counts[table]);
      }
      const chain = await verifyAuditChain(target.db);
      expect(chain).toMatchObject({ ok: true, rows: counts.audit_log });
    } finally {
      await target.close();
    }
  });
});

describe('the backup file', () => {
  it('is created 0600, replaces an older file, and holds no sessions', async () => {
    expect(await count(t.handle, 'sessions')).toBeGreaterThan(0);
    const file = join(dir, 'private.linli.gz');
    writeFileSync(file, 'an older backup', { mode: 0o644 });
    const counts = await backup(t.handle.db, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    const header = JSON.parse(lines[0]!) as { counts: Record<string, number> };
    expect(Object.keys(header.counts)).not.toContain('sessions');
    expect(lines.some((l) => l.startsWith('{"table":"sessions"'))).toBe(false);
    expect(counts.accounts).toBeGreaterThan(0);
  });

  it('restores an older file that still carries sessions, without them', async () => {
    const file = join(dir, 'old.linli.gz');
    await backup(t.handle.db, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    const header = JSON.parse(lines[0]!) as { counts: Record<string, number> };
    const session = await t.handle.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    header.counts.sessions = 1;
    const old = [JSON.stringify(header), ...lines.slice(1), JSON.stringify({ table: 'sessions', rows: [session] })];
    writeFileSync(file, gzipSync(old.join('\n')));
    const target = await freshDb();
    try {
      await restore(target.db, file);
      expect(await count(target, 'sessions')).toBe(0);
      expect(await count(target, 'accounts')).toBe(await count(t.handle, 'accounts'));
    } finally {
      await target.close();
    }
  });

  it('refuses a file whose audit rows were changed, naming the row', async () => {
    const file = join(dir, 'tampered.linli.gz');
    await backup(t.handle.db, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('{"table":"audit_log"'));
    const chunk = JSON.parse(lines[i]!) as { rows: { seq: number; action: string }[] };
    chunk.rows[1]!.action = 'nothing.happened';
    lines[i] = JSON.stringify(chunk);
    writeFileSync(file, gzipSync(lines.join('\n')));
    const target = await freshDb();
    try {
      await expect(restore(target.db, file)).rejects.toMatchObject({
        code: 'BAD_FILE',
        params: { reason: expect.stringContaining(`audit_log seq ${chunk.rows[1]!.seq}`) },
      });
      expect(await count(target, 'audit_log')).toBe(0);
    } finally {
      await target.close();
    }
  });
});
