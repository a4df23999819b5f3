/**
 * The fund travels in a backup: after a restore the ledger, its Merkle log and the signed heads are the same, the
 * exported file still verifies offline, and the next posting continues the log where it stopped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../platform/backup.ts';
import type { DbHandle } from '../../platform/db/connect.ts';
import { freshDb } from '../../testing/harness.ts';
import { verifyLedgerFile } from '../../../cli/fund.ts';
import { exportLedger, publishHead, signingKey } from './log.ts';
import { addBarePlace, postSample } from './testing.ts';

const C = '620702004092';
const now = new Date('2026-09-01T02:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'linli-fund-backup-'));
let source: DbHandle;
let target: DbHandle;

/** The community's ledger exported as text. */
async function exported(db: DbHandle['db'], at: Date): Promise<string> {
  const key = await signingKey(db, at);
  let text = '';
  await exportLedger(db, C, key, at, (c) => {
    text += c;
  });
  return text;
}

beforeAll(async () => {
  source = await freshDb();
  target = await freshDb();
  await addBarePlace(source.db, C);
  const key = await signingKey(source.db, now);
  await postSample(source.db, C, 9, 'a');
  await publishHead(source.db, C, key, now);
  await postSample(source.db, C, 6, 'b');
}, 120_000);
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('fund backup and restore', () => {
  it('restores the ledger and its log so that the export is identical and still verifies', async () => {
    const file = join(tmp, 'b.linli.gz');
    const counts = await backup(source.db, file);
    expect(counts.fund_transactions).toBe(15);
    await restore(target.db, file);
    const at = new Date('2026-09-02T02:00:00Z');
    const before = await exported(source.db, at);
    const after = await exported(target.db, at);
    expect(after).toBe(before);
    const f = join(tmp, 'ledger.jsonl');
    writeFileSync(f, after);
    const report = await verifyLedgerFile(f);
    expect(report.problem ?? null).toBeNull();
  });

  it('continues the log after the restored entries', async () => {
    await postSample(target.db, C, 2, 'c');
    const f = join(tmp, 'after.jsonl');
    writeFileSync(f, await exported(target.db, new Date('2026-09-03T02:00:00Z')));
    const report = await verifyLedgerFile(f);
    expect(report.problem ?? null).toBeNull();
    expect(report.entries).toBe(17);
  });
});
