import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { freshDb } from '../../testing/harness.ts';
import type { DbHandle } from '../../platform/db/connect.ts';
import { addBarePlace, postSample } from './testing.ts';
import { consistency, exportLedger, inclusion, listHeads, publishHead, signingKey, type SigningKey } from './log.ts';
import { verifyConsistency, verifyInclusion } from './domain/merkle.ts';
import { verifyLedgerFile } from '../../../cli/fund.ts';

const C = '620702004091';
const tmp = mkdtempSync(join(tmpdir(), 'linli-fund-'));
let h: DbHandle;
let key: SigningKey;
let file: string;
const now = new Date('2026-09-01T02:00:00Z');
const hx = (s: string): Buffer => Buffer.from(s, 'hex');

beforeAll(async () => {
  h = await freshDb();
  await addBarePlace(h.db, C);
  key = await signingKey(h.db, now);
  await postSample(h.db, C, 13, 'a');
  await publishHead(h.db, C, key, now);
  await postSample(h.db, C, 24, 'b');
  file = join(tmp, 'ledger.jsonl');
  let text = '';
  const r = await exportLedger(h.db, C, key, new Date('2026-09-02T02:00:00Z'), (c) => {
    text += c;
  });
  expect(r.entries).toBe(37);
  writeFileSync(file, text);
});
afterAll(async () => h.close());

/** Writes a changed copy of the export and verifies it. */
async function tampered(change: (lines: string[]) => string[], trusted?: string) {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const f = join(tmp, `t${Math.random()}.jsonl`);
  writeFileSync(f, `${change(lines).join('\n')}\n`);
  return verifyLedgerFile(f, trusted);
}
/** Index (in the file) of the line of entry `seq`: header + 2 heads come first. */
const at = (seq: number): number => 3 + seq;

describe('the verifiable log', () => {
  it('keeps the same key and publishes each size once', async () => {
    expect((await signingKey(h.db, now)).keyId).toBe(key.keyId);
    const heads = await listHeads(h.db, C);
    expect(heads.map((x) => x.size)).toEqual([37, 13]);
  });

  it('serves inclusion and consistency proofs that verify against the signed roots', async () => {
    const [big, small] = await listHeads(h.db, C);
    for (const i of [0, 5, 12, 36]) {
      const p = await inclusion(h.db, C, i, 37);
      expect(verifyInclusion(i, 37, hx(p.leafHash), p.proof.map(hx), hx(big!.root))).toBe(true);
    }
    const c = await consistency(h.db, C, 13, 37);
    expect(verifyConsistency(13, 37, hx(small!.root), hx(big!.root), c.proof.map(hx))).toBe(true);
    await expect(inclusion(h.db, C, 37, 37)).rejects.toMatchObject({ code: 'FUND_BAD_PROOF' });
    await expect(consistency(h.db, C, 5, 99)).rejects.toMatchObject({ code: 'FUND_BAD_PROOF' });
  });

  it('verifies the exported file offline, with the published key', async () => {
    const r = await verifyLedgerFile(file, key.publicKey);
    expect(r.problem).toBeNull();
    expect(r).toMatchObject({ ok: true, entries: 37, heads: 2, community: C });
    // masked personal data only
    expect(readFileSync(file, 'utf8')).not.toContain('张三丰');
    expect(readFileSync(file, 'utf8')).toContain('张**');
  });

  it('names the first bad entry after an edited amount, a dropped, inserted or swapped line', async () => {
    const edit = await tampered((l) => l.map((x, i) => (i === at(7) ? x.replace(/"fen":"(\d)/, '"fen":"9$1') : x)));
    expect(edit.problem).toMatchObject({ seq: 7 });
    expect(edit.problem?.reason).toMatch(/altered/);
    const drop = await tampered((l) => l.filter((_, i) => i !== at(20)));
    expect(drop.problem).toMatchObject({ seq: 20 });
    const swap = await tampered((l) => {
      const c = [...l];
      [c[at(3)], c[at(4)]] = [c[at(4)]!, c[at(3)]!];
      return c;
    });
    expect(swap.problem).toMatchObject({ seq: 3 });
    const insert = await tampered((l) => [...l.slice(0, at(9)), l[at(8)]!, ...l.slice(at(9))]);
    expect(insert.problem).toMatchObject({ seq: 9 });
    const tail = await tampered((l) => l.slice(0, -1));
    expect(tail.ok).toBe(false);
  });

  it('fails on a forged head signature or a key that is not the published one', async () => {
    const forged = await tampered((l) =>
      l.map((x, i) => (i === 2 ? x.replace(/"signature":"[A-Za-z0-9+/]{4}/, '"signature":"AAAA') : x)),
    );
    expect(forged.problem?.reason).toMatch(/signature/);
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const wrongKey = await tampered((l) => l, other.toString('base64'));
    expect(wrongKey.problem?.reason).toMatch(/signature/);
  });
});
