/**
 * The hash chain notices every kind of tampering by someone who owns the tables (triggers disabled): a changed,
 * deleted, inserted or reordered row, a cut tail; and, with a head recorded earlier, even a rewrite that recomputed
 * every hash. On PostgreSQL the tampering is done as the owner role and verify runs as the app role.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { freshDb, TEST_PG_URL } from '../testing/harness.ts';
import { roleDb } from '../testing/roles.ts';
import { openPglite, openPostgres, type DbHandle } from './db/connect.ts';
import { migrations } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import { audit } from './audit.ts';
import { chainHash, GENESIS_HASH, parseAnchor, verifyAuditChain } from './auditChain.ts';

interface Pair {
  owner: Kysely<Database>;
  app: Kysely<Database>;
  /** Opens another connection pool as the app (PostgreSQL), or returns the one database (PGlite). */
  more(max: number): Promise<DbHandle | null>;
  close(): Promise<void>;
}
let pair: Pair;
beforeAll(async () => {
  pair = await sixRows();
  await sql`CREATE TABLE audit_saved AS SELECT * FROM audit_log`.execute(pair.owner);
  await sql`CREATE TABLE head_saved AS SELECT * FROM audit_chain_head`.execute(pair.owner);
}, 180_000);
// every test starts from the same six untouched rows (put back by the owner, the way they were tampered with)
afterEach(async () => {
  await tamper(
    pair.owner,
    'DELETE FROM audit_log',
    'INSERT INTO audit_log SELECT * FROM audit_saved',
    'UPDATE audit_chain_head SET seq = h.seq, hash = h.hash FROM head_saved h',
  );
  expect((await verifyAuditChain(pair.app)).ok).toBe(true);
});
afterAll(async () => {
  await pair?.close();
});

/** A database with six audit rows; `owner` may tamper, `app` is what the app (and verify) connects as. */
async function sixRows(): Promise<Pair> {
  let pair: Pair;
  if (TEST_PG_URL) {
    const r = await roleDb();
    pair = { owner: r.owner.db, app: r.app.db, more: (max) => openPostgres(r.appUrl, max), close: r.close };
  } else {
    const h = await freshDb();
    pair = { owner: h.db, app: h.db, more: async () => null, close: h.close };
  }
  for (let i = 1; i <= 6; i++)
    await audit(pair.app, i % 2 ? null : { accountId: '0190aaaa-0000-7000-8000-000000000001', role: 'grid_worker' }, {
      action: `act.${i}`,
      entity: 'case',
      entityId: String(i),
      scopeCode: '620702004006',
      before: i === 1 ? null : { n: i - 1, text: '下水管道 "堵塞"\n' },
      after: { n: i, big: 2 ** 40, frac: 0.1 },
      ip: '10.0.0.1',
    });
  return pair;
}

/** Runs statements as the owner with the audit triggers off, as an owner who wants to rewrite history would. */
async function tamper(db: Kysely<Database>, ...statements: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    for (const s of statements) await sql.raw(s).execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

const RELINK_FROM_3 = `DO $$ DECLARE r audit_log; prev text; BEGIN
  SELECT hash INTO prev FROM audit_log WHERE seq = 2;
  FOR r IN SELECT * FROM audit_log WHERE seq >= 3 ORDER BY seq LOOP
    r.prev_hash := prev; r.hash := NULL; prev := audit_row_hash(r);
    UPDATE audit_log SET prev_hash = r.prev_hash, hash = prev WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain_head SET seq = (SELECT max(seq) FROM audit_log), hash = prev;
END $$`;

describe('audit chain', () => {
  it('links every row to the one before and verifies in Node what the trigger computed', async () => {
    const { app } = pair;
    const rows = await app.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const r = await verifyAuditChain(app);
    expect(r).toEqual({ ok: true, rows: 6, last: { seq: 6, hash: rows[5]!.hash } });
    expect(parseAnchor(`6:${rows[5]!.hash}`)).toEqual({ seq: 6, hash: rows[5]!.hash });
    expect(chainHash(GENESIS_HASH, '{}')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      'a changed row',
      [`UPDATE audit_log SET after = '{"n": 3, "fixed": true}' WHERE seq = 3`],
      3,
      /content was changed/,
    ],
    ['a deleted row', ['DELETE FROM audit_log WHERE seq = 3'], 4, /deleted/],
    [
      'an inserted row (later rows shifted, its own hash correct)',
      [
        'UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3',
        'UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103',
        `INSERT INTO audit_log (action, entity, seq, prev_hash, hash, at)
           SELECT 'forged', 'case', 3, hash, '', now() FROM audit_log WHERE seq = 2`,
        `UPDATE audit_log SET hash = audit_row_hash(audit_log) WHERE seq = 3`,
      ],
      4,
      /prev_hash does not match/,
    ],
    [
      'two rows swapped',
      [
        'UPDATE audit_log SET seq = -3 WHERE seq = 3',
        'UPDATE audit_log SET seq = 3 WHERE seq = 4',
        'UPDATE audit_log SET seq = 4 WHERE seq = -3',
      ],
      3,
      /prev_hash does not match/,
    ],
    ['a cut tail', ['DELETE FROM audit_log WHERE seq >= 5'], null, /cut from the end/],
  ])('names the first bad row after %s', async (_what, statements, seq, reason) => {
    const { owner, app } = pair;
    await tamper(owner, ...statements);
    const r = await verifyAuditChain(app);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq, reason: expect.stringMatching(reason) });
  });

  it('forms one chain under concurrent writers (8 connections, 1- and 2-row inserts, some rolled back)', async () => {
    const extra = await pair.more(8);
    const db = extra?.db ?? pair.app;
    try {
      const writer = async (w: number) => {
        for (let i = 0; i < 25; i++) {
          const e = { action: `w${w}.${i}`, entity: 'case', entityId: null, scopeCode: null };
          await db
            .transaction()
            .execute(async (trx) => {
              await audit(trx, null, i % 3 ? e : [e, { ...e, action: `${e.action}b` }]);
              if (i % 7 === 6) throw new Error('roll back');
            })
            .catch((err: Error) => {
              if (err.message !== 'roll back') throw err;
            });
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    } finally {
      await extra?.close();
    }
    // per writer: 25 transactions, 3 rolled back (i = 6, 13, 20), two rows when i % 3 == 0 (i = 0, 3, …, 24: 9)
    const perWriter = 22 + [0, 3, 9, 12, 15, 18, 21, 24].length;
    const r = await verifyAuditChain(pair.app);
    expect(r).toMatchObject({ ok: true, rows: 6 + 8 * perWriter, last: { seq: 6 + 8 * perWriter } });
  }, 120_000);

  it('catches a full rewrite (every later hash and the head recomputed) against a head recorded earlier', async () => {
    const { owner, app } = pair;
    const recorded = (await verifyAuditChain(app)).last;
    await tamper(owner, `UPDATE audit_log SET after = '{"n": 3, "fixed": true}' WHERE seq = 3`, RELINK_FROM_3);
    expect((await verifyAuditChain(app)).ok).toBe(true); // self-consistent: only an outside record can tell
    const r = await verifyAuditChain(app, [recorded]);
    expect(r.problem).toMatchObject({ seq: 6, reason: expect.stringContaining('history was rewritten') });
    await tamper(owner, 'DELETE FROM audit_log WHERE seq >= 5', RELINK_FROM_3);
    expect((await verifyAuditChain(app, [recorded])).problem?.reason).toContain('cut from the end');
  });

  it('chains the rows that existed before migration 0007, in id order', async () => {
    let h: DbHandle;
    let drop = async () => {};
    if (TEST_PG_URL) {
      const blank = await roleDb(); // any empty database will do; its own migrations are not used
      await sql`DROP SCHEMA public CASCADE`.execute(blank.owner.db);
      await sql`CREATE SCHEMA public`.execute(blank.owner.db);
      h = await openPostgres(blank.ownerUrl, 1);
      drop = blank.close;
    } else h = await openPglite('memory://');
    try {
      const upTo = (last: string) =>
        new Migrator({
          db: h.db as Kysely<unknown>,
          provider: {
            getMigrations: async () => Object.fromEntries(Object.entries(migrations).filter(([k]) => k <= last)),
          },
        }).migrateToLatest();
      expect((await upTo('0003_circle')).error).toBeUndefined();
      await sql`INSERT INTO audit_log (action, entity, before, after) VALUES ('old.1', 'x', 'null', '{"a": 1}'),
        ('old.2', 'x', '{"a": 1}', '{"a": 2}')`.execute(h.db);
      expect((await upTo('9999')).error).toBeUndefined();
      await audit(h.db, null, { action: 'new.3', entity: 'x', entityId: null, scopeCode: null });
      const r = await verifyAuditChain(h.db);
      expect(r).toMatchObject({ ok: true, rows: 3, last: { seq: 3 } });
    } finally {
      await h.close();
      await drop();
    }
  }, 180_000);
});
