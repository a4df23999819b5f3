import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { freshDb, testApp, type TestApp } from '../testing/harness.ts';
import { backup, restore, BACKUP_TABLES } from './backup.ts';
import type { DbHandle } from './db/connect.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'linli-backup-'));
const file = join(dir, 'b.linli.gz');

async function dump(h: DbHandle) {
  const out: Record<string, string> = {};
  for (const { table, order } of BACKUP_TABLES) {
    const rows = (
      await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(h.db)
    ).rows;
    out[table] = JSON.stringify(rows);
  }
  return out;
}

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('backup and restore', () => {
  it('restores every row of every table into an empty database', async () => {
    // an imported year of the working calendar travels too (the target's migration-seeded years are replaced)
    await sql`insert into calendar_years (year, holidays, workdays, provisional, source, updated_at)
      values (2029, '["2029-01-01"]'::jsonb, '[]'::jsonb, false, 'test', now())`.execute(t.handle.db);
    const counts = await backup(t.handle.db, file);
    expect(counts.calendar_years).toBeGreaterThanOrEqual(5);
    expect(counts.residents).toBe(6570);
    const target = await freshDb();
    try {
      const restored = await restore(target.db, file);
      expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
      expect(await dump(target)).toEqual(await dump(t.handle));
      // the audit sequence continues after the restored rows
      await target.db
        .insertInto('audit_log')
        .values({
          action: 'x',
          entity: 'y',
          entity_id: null,
          scope_code: null,
          before: 'null',
          after: 'null',
          actor_id: null,
          actor_role: null,
          ip: null,
        })
        .execute();
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that is not empty', async () => {
    await expect(restore(t.handle.db, file)).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  });

  it('refuses a truncated or foreign file and leaves the target empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, 'not gzip at all');
    const target = await freshDb();
    try {
      await expect(restore(target.db, cut)).rejects.toMatchObject({ code: 'BAD_FILE' });
      await expect(restore(target.db, junk)).rejects.toMatchObject({ code: 'BAD_FILE' });
      const n = await target.db
        .selectFrom('places')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await target.close();
    }
  });
});
