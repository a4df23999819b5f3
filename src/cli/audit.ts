/**
 * `linli audit verify [--expect <seq>:<hash>[,…]] [--file <backup>]`: checks the audit log's hash chain, from the
 * configured database or from a backup file (restored into a throwaway in-memory database, which re-links every
 * row and compares it with the file). Prints the head to record; exits non-zero naming the first bad row.
 */
import { openPglite } from '../server/platform/db/connect.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { restore } from '../server/platform/backup.ts';
import { parseAnchor, verifyAuditChain, type ChainAnchor, type ChainReport } from '../server/platform/auditChain.ts';
import { list, str, type CommandDef, type Flags } from './args.ts';
import { withDb } from './shared.ts';

const USAGE = 'usage: linli audit verify [--expect <seq>:<hash>[,<seq>:<hash>…]] [--file <backup file>]';

/** Checks `file` (a Linli backup) by restoring it into memory and verifying there. */
async function verifyFile(file: string, anchors: ChainAnchor[]): Promise<ChainReport> {
  const h = await openPglite('memory://');
  try {
    await migrateToLatest(h.db);
    await restore(h.db, file);
    return await verifyAuditChain(h.db, anchors);
  } finally {
    await h.close();
  }
}

/** Runs `linli audit …`. */
async function auditCommand(args: string[], flags: Flags): Promise<void> {
  if (args[0] !== 'verify') throw new Error(USAGE);
  const anchors: ChainAnchor[] = [];
  for (const s of list(flags, 'expect')) {
    const a = parseAnchor(s);
    if (!a) throw new Error(`--expect ${s}: want <seq>:<64 hex digits>, as printed by an earlier verify\n${USAGE}`);
    anchors.push(a);
  }
  const file = str(flags, 'file');
  const r = file ? await verifyFile(file, anchors) : await withDb((h) => verifyAuditChain(h.db, anchors));
  if (!r.ok) {
    const p = r.problem!;
    const where = p.seq === null ? 'at the end of the chain' : `at seq ${p.seq} (audit_log id ${p.id})`;
    throw new Error(
      `审计日志链校验失败 / audit chain BROKEN ${where}: ${p.reason}\n` +
        `${r.rows} rows before it verified; last good ${r.last.seq}:${r.last.hash}`,
    );
  }
  console.log(`audit chain ok: ${r.rows} rows${anchors.length ? `, ${anchors.length} recorded head(s) found` : ''}`);
  console.log(`head ${r.last.seq}:${r.last.hash}`);
}

/** `linli audit verify [--expect <seq>:<hash>[,…]] [--file <backup>]`; `--expect` may also be repeated. */
export const auditDef: CommandDef = {
  sub: { verify: { expect: { type: 'string', multiple: true }, file: { type: 'string' } } },
  run: auditCommand,
};
