/**
 * What the audit hash chain costs: one-row audited transactions per second with the chain trigger on and off, on
 * the engine under DATABASE_URL (PostgreSQL, 8 concurrent writers) or in-memory PGlite (one writer).
 * Run: `node --import tsx bench/audit-chain.ts` or
 * `DATABASE_URL=postgres://… node --import tsx bench/audit-chain.ts`.
 * Not part of `npm run bench` (it needs a superuser to switch the trigger off for the baseline).
 */
import { sql } from 'kysely';
import { freshDb } from '../src/server/testing/harness.ts';
import { openPostgres } from '../src/server/platform/db/connect.ts';
import { audit } from '../src/server/platform/audit.ts';
import { verifyAuditChain } from '../src/server/platform/auditChain.ts';

const N = Number(process.env.N ?? 2000);
const h = await freshDb();
const writers = Number(process.env.WRITERS ?? (h.engine === 'postgres' ? 8 : 1));
const pool = h.engine === 'postgres' && h.url ? await openPostgres(h.url, writers) : h;

async function run(): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next++ < N)
        await pool.db.transaction().execute((trx) =>
          audit(trx, null, {
            action: 'bench',
            entity: 'x',
            entityId: String(next),
            scopeCode: null,
            after: { next },
          }),
        );
    }),
  );
  return Math.round(N / ((performance.now() - t0) / 1000));
}

try {
  const chained = await run();
  await sql`ALTER TABLE audit_log DISABLE TRIGGER zzz_audit_log_chain`.execute(h.db);
  await sql`ALTER TABLE audit_log
    ALTER seq DROP NOT NULL, ALTER prev_hash DROP NOT NULL, ALTER hash DROP NOT NULL`.execute(h.db);
  const plain = await run();
  console.log(`${h.engine}, ${writers} writer(s), ${N} one-row transactions: chain ${chained}/s, no chain ${plain}/s`);
  await sql`DELETE FROM audit_log WHERE seq IS NULL`.execute(h.db).catch(() => undefined); // append-only: expected
  await sql`ALTER TABLE audit_log ENABLE TRIGGER zzz_audit_log_chain`.execute(h.db);
  const t0 = performance.now();
  const r = await verifyAuditChain(h.db);
  console.log(`verify: ${r.rows} rows in ${Math.round(performance.now() - t0)} ms`);
} finally {
  if (pool !== h) await pool.close();
  await h.close();
}
