/**
 * A large import audits every row in its transaction: more rows than one PostgreSQL statement can carry
 * (65,535 parameters, 9 per audit row → 7,281 rows) are written in several statements, all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { AUDIT_ROWS_PER_STATEMENT, audit, type AuditEntry } from './audit.ts';
import type { DbHandle } from './db/connect.ts';
import { freshDb } from '../testing/harness.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => {
  await h.close();
});

const entries = (n: number, tag: string): AuditEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    action: 'import',
    entity: 'household',
    entityId: `${tag}-${i}`,
    scopeCode: '620702001001',
    after: { row: i + 2 },
  }));

describe('audit of a large import', () => {
  it('writes 7,500 rows of one call (over the 7,281-row statement limit)', async () => {
    await h.db.transaction().execute((trx) => audit(trx, null, entries(7_500, 'big')));
    const n = await sql<{ n: string }>`select count(*) as n from audit_log where entity_id like 'big-%'`.execute(h.db);
    expect(Number(n.rows[0]?.n)).toBe(7_500);
  });

  it('writes none of them when the transaction fails afterwards', async () => {
    await expect(
      h.db.transaction().execute(async (trx) => {
        await audit(trx, null, entries(AUDIT_ROWS_PER_STATEMENT + 1, 'lost'));
        throw new Error('a later row of the import is bad');
      }),
    ).rejects.toThrow('bad');
    const n = await sql<{ n: string }>`select count(*) as n from audit_log where entity_id like 'lost-%'`.execute(h.db);
    expect(Number(n.rows[0]?.n)).toBe(0);
  });
});
