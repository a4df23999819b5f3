/**
 * A ledger import racing an edit of the same resident must not overwrite the edit silently. On PostgreSQL the
 * edit holds its row lock while the import reads, then commits: the import must fail with CONFLICT. On PGlite
 * (serial) the edit lands first and the import after it. Either way each write that succeeded bumped the version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { generateDemoCommunity } from './demo/generate.ts';
import { parseCsv } from '../../../shared/csv.ts';
import { toCsv } from './domain/csv.ts';

const C = generateDemoCommunity().community.code;
let t: TestApp;
let staff: Session;

beforeAll(async () => {
  t = await testApp();
  staff = await login(t.app, 'dh_staff');
});
afterAll(async () => {
  await t.close();
});

const EDIT = `UPDATE residents SET name = '并发编辑', version = version + 1, updated_at = now() WHERE id_number = $1`;

describe('ledger import against a concurrent edit', () => {
  it('never loses the edit: the import is refused with CONFLICT, or comes after it', async () => {
    const rows = parseCsv((await staff.request('GET', `/api/registry/export.csv?community=${C}`)).body);
    const row = [...rows.find((r, i) => i > 0 && r[10] !== '' && r[13] !== '')!];
    const idNumber = row[10]!;
    const before = await t.handle.db
      .selectFrom('residents')
      .select(['version'])
      .where('id_number', '=', idNumber)
      .executeTakeFirstOrThrow();
    row[13] = '13999990001';
    const file = toCsv([rows[0]!, row]);
    const importNow = () =>
      staff.request('POST', `/api/registry/import?community=${C}`, file, { 'content-type': 'text/csv' });
    let res: Awaited<ReturnType<typeof importNow>>;
    if (t.handle.url) {
      const editor = new pg.Client({ connectionString: t.handle.url });
      await editor.connect();
      try {
        await editor.query('BEGIN');
        await editor.query(EDIT, [idNumber]);
        const pending = importNow();
        // Commit only once the import waits for the edit's row lock (it has read the old version by then).
        for (let i = 0; i < 200; i++) {
          const w = await editor.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
               AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          );
          if ((w.rows[0] as { n: number }).n > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        await editor.query('COMMIT');
        res = await pending;
      } finally {
        await editor.end();
      }
    } else {
      await sql`UPDATE residents SET name = '并发编辑', version = version + 1 WHERE id_number = ${idNumber}`.execute(
        t.handle.db,
      );
      res = await importNow();
    }
    const after = await t.handle.db
      .selectFrom('residents')
      .select(['version', 'name', 'phone'])
      .where('id_number', '=', idNumber)
      .executeTakeFirstOrThrow();
    if (res.statusCode === 200) {
      // The import ran after the edit: both writes counted.
      expect(after.version).toBe(before.version + 2);
      expect(after.phone).toBe('13999990001');
    } else {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      expect(after).toMatchObject({ version: before.version + 1, name: '并发编辑' });
    }
    if (t.handle.url) expect(res.statusCode).toBe(409);
  });
});
