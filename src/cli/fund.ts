/**
 * `linli fund export --community <code> --out ledger.jsonl`: the community fund's public ledger with its signed
 * tree heads. `linli fund verify ledger.jsonl [--key <public key>]`: re-computes every leaf, the Merkle roots and
 * the head signatures offline (no database); exits non-zero naming the first bad entry.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadConfig } from '../server/config.ts';
import { exportLedger, signingKey } from '../server/modules/fund/index.ts';
import { LedgerVerifier, type VerifyReport } from '../server/modules/fund/index.ts';
import { str, type CommandDef, type Flags } from './args.ts';
import { placeExists } from '../server/modules/registry/index.ts';
import { AppError } from '../server/platform/errors.ts';
import { withDb } from './shared.ts';

const USAGE =
  'usage: linli fund export --community <code> --out <ledger.jsonl>\n' +
  '       linli fund verify <ledger.jsonl> [--key <Ed25519 public key, base64>]';

/** Verifies a ledger file, streaming it line by line. */
export async function verifyLedgerFile(path: string, trustedKey?: string): Promise<VerifyReport> {
  const v = new LedgerVerifier(trustedKey);
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      v.line(buf.subarray(start, nl));
      start = nl + 1;
    }
    rest = Buffer.from(buf.subarray(start));
  }
  if (rest.length) v.line(rest);
  return v.finish();
}

async function exportCommand(flags: Flags): Promise<void> {
  const community = str(flags, 'community');
  const out = str(flags, 'out');
  if (!community || !out) throw new Error(USAGE);
  const cfg = loadConfig();
  await withDb(async (h) => {
    // any place that keeps a ledger (a community; tests and benchmarks use a bare place)
    if (!(await placeExists(h.db, community))) {
      throw new AppError('CLI_UNKNOWN_COMMUNITY', { params: { code: community, codes: '—' } });
    }
    const now = new Date();
    const key = await signingKey(h.db, now, cfg.fundSigningKey);
    const file = createWriteStream(out);
    const r = await exportLedger(h.db, community, key, now, async (chunk) => {
      if (!file.write(chunk)) await once(file, 'drain');
    });
    file.end();
    await once(file, 'finish');
    console.log(`${out}: ${r.entries} entries, signed head ${r.head ? `${r.head.size}:${r.head.root}` : '(none)'}`);
    console.log(`signing key ${key.keyId}: ${key.publicKey}`);
  });
}

async function verifyCommand(args: string[], flags: Flags): Promise<void> {
  const file = args[1];
  if (!file) throw new Error(USAGE);
  const key = str(flags, 'key');
  const t0 = performance.now();
  const r = await verifyLedgerFile(file, key);
  const ms = Math.round(performance.now() - t0);
  if (!r.ok) {
    const p = r.problem!;
    const which = p.seq === null ? '' : `first bad entry: seq ${p.seq} (line ${p.line}) — `;
    throw new Error(`账本校验失败 / ledger verification FAILED: ${which}${p.reason}`);
  }
  console.log(
    `ledger ok: community ${r.community}, ${r.entries} entries, ${r.heads} signed head(s) verified in ${ms} ms` +
      (r.latest ? `; latest head ${r.latest.size}:${r.latest.root} at ${r.latest.timestamp}` : ''),
  );
  if (!key) console.log('(checked with the key in the file: compare it with the key on the public disclosure page)');
}

/** `linli fund export|verify`. */
export const fundDef: CommandDef = {
  sub: {
    export: { community: { type: 'string' }, out: { type: 'string' } },
    verify: { key: { type: 'string' } },
  },
  run: (args, flags) =>
    args[0] === 'export'
      ? exportCommand(flags)
      : args[0] === 'verify'
        ? verifyCommand(args, flags)
        : Promise.reject(new Error(USAGE)),
};
