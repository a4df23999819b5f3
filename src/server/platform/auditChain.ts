/**
 * Checks the audit log's hash chain (migration 0007) from the data alone: walks the rows in `seq` order in one
 * read-only snapshot, rebuilds each row's canonical text with built-in PostgreSQL functions only (never a function
 * an owner could replace), hashes it here in Node and compares. Names the first bad row.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** A point of the chain someone wrote down earlier (from `linli audit verify` output): `seq:hash`. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/** What verify found. `problem` names the first row that does not fit, with a reason in English. */
export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The last row of the chain as found (seq 0 and the genesis hash when the log is empty). */
  last: ChainAnchor;
  problem?: { seq: number | null; id: number | null; reason: string };
}

/** SHA-256 hex of prev ‖ canonical, exactly as the trigger computes it. */
export function chainHash(prev: string, canonical: string): string {
  return createHash('sha256')
    .update(prev + canonical, 'utf8')
    .digest('hex');
}

/** Parses `seq:hash` (as printed by verify). */
export function parseAnchor(s: string): ChainAnchor | null {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(s.trim());
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}

const PAGE = 2000;

interface Row {
  id: number;
  seq: number;
  prev_hash: string;
  hash: string;
  canonical: string;
}

/** Verifies the whole chain; `anchors` are earlier heads that must still be in it unchanged. */
export async function verifyAuditChain(db: Kysely<Database>, anchors: ChainAnchor[] = []): Promise<ChainReport> {
  return db.transaction().execute(async (trx) => {
    // One snapshot, so rows written meanwhile neither appear half-way nor disagree with the head row.
    await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    await sql`set local timezone = 'UTC'`.execute(trx);
    const want = new Map(anchors.map((a) => [a.seq, a.hash]));
    let prev = GENESIS_HASH;
    let expectSeq = 1;
    let rows = 0;
    const fail = (r: Row | null, reason: string): ChainReport => ({
      ok: false,
      rows,
      last: { seq: expectSeq - 1, hash: prev },
      problem: { seq: r?.seq ?? null, id: r?.id ?? null, reason },
    });
    for (;;) {
      const page = (
        await sql<Row>`select a.id, a.seq, a.prev_hash, a.hash,
          (select coalesce(jsonb_object_agg(e.k, e.v), '{}'::jsonb)::text
             from jsonb_each(to_jsonb(a)) as e(k, v)
             where e.v <> 'null'::jsonb and e.k not in ('hash', 'prev_hash')) as canonical
          from audit_log a where a.seq >= ${expectSeq} order by a.seq limit ${PAGE}`.execute(trx)
      ).rows;
      for (const r of page) {
        const seq = Number(r.seq);
        if (seq !== expectSeq)
          return fail(r, `expected seq ${expectSeq} here, found ${seq}: rows were deleted or the order was changed`);
        if (r.prev_hash !== prev)
          return fail(r, 'prev_hash does not match the previous row: a row was inserted, deleted or moved here');
        if (chainHash(r.prev_hash, r.canonical) !== r.hash)
          return fail(r, 'the row does not match its hash: its content was changed');
        const anchored = want.get(seq);
        if (anchored !== undefined && anchored !== r.hash)
          return fail(r, `the hash differs from the one recorded earlier (${anchored}): history was rewritten`);
        want.delete(seq);
        prev = r.hash;
        expectSeq++;
        rows++;
      }
      if (page.length < PAGE) break;
    }
    const gone = [...want.keys()].sort((a, b) => a - b)[0];
    if (gone !== undefined)
      return fail(
        null,
        `the chain ends at seq ${expectSeq - 1} but seq ${gone} was recorded earlier: rows were cut from the end`,
      );
    const head = await trx.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirst();
    if (!head || Number(head.seq) !== expectSeq - 1 || head.hash !== prev)
      return fail(
        null,
        `the chain ends at seq ${expectSeq - 1} but the head row says seq ${head?.seq ?? '?'}: ` +
          `rows were cut from the end or the head was changed`,
      );
    return { ok: true, rows, last: { seq: expectSeq - 1, hash: prev } };
  });
}
