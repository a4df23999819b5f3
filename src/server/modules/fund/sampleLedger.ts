/** A large signed sample ledger file (benchmarks and verifier tests), built with the module's own domain code. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { canonicalEntry, LEDGER_FORMAT, treeHeadMessage } from './domain/entry.ts';
import { leafHash } from './domain/merkle.ts';
import { appendLeaf, frontierRoot, type FrontierEntry } from './domain/frontier.ts';

/**
 * Writes a signed ledger file of `n` plausible entries to `path`, exactly as `linli fund export` writes one (a
 * fresh key signs its one head): for benchmarks and tests of the offline verifier. Returns the path.
 */
export async function writeSampleLedger(n: number, path: string): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const out = createWriteStream(path);
  const community = '620702004006';
  const lines: string[] = [];
  let frontier: FrontierEntry[] = [];
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const fen = String(100 + ((i * 7919) % 900_000));
    const e = canonicalEntry({
      seq: i,
      id: `0190f5a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 0, 1) + i * 30_000).toISOString(),
      period: '2026-01',
      memo: i % 3 ? '居民捐赠（社区基金）' : '丝路嘉苑排污管道更换',
      party: i % 3 ? '张**' : null,
      source: { kind: 'donation', ref: `d-${i}` },
      reverses: null,
      lines: [
        { account: 'bank', fen },
        { account: 'income:donation', fen: `-${fen}` },
      ],
    });
    const leaf = leafHash(e);
    frontier = appendLeaf(frontier, i, leaf).frontier;
    entries.push(`{"seq":${i},"leaf":"${leaf.toString('hex')}","entry":${e}}\n`);
  }
  const head = {
    community,
    size: n,
    root: Buffer.from(frontierRoot(frontier)).toString('hex'),
    timestamp: new Date().toISOString(),
  };
  const signature = sign(null, treeHeadMessage(head), privateKey).toString('base64');
  lines.push(JSON.stringify({ format: LEDGER_FORMAT, community, publicKeys: [{ keyId: 'k', publicKey: raw }] }));
  lines.push(JSON.stringify({ head: { ...head, keyId: 'k', signature } }));
  out.write(`${lines.join('\n')}\n`);
  for (let i = 0; i < entries.length; i += 10_000) {
    if (!out.write(entries.slice(i, i + 10_000).join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}
