/**
 * Offline verification of an exported ledger file (`ledger.jsonl`), trusting nothing but the Ed25519 public key:
 *   line 1      {"format":"linli-fund-ledger/1","community":…,"publicKeys":[{keyId, publicKey}],"entries":n}
 *   then        {"head":{community,size,root,timestamp,keyId,signature}}   every published signed tree head
 *   then        {"seq":i,"leaf":"<hex>","entry":<canonical entry>}           entries 0 … n-1, in log order
 * Every entry line must carry the next sequence number (a dropped, inserted or reordered line is named), its
 * leaf must be SHA-256(0x00 || the entry's bytes exactly as written) (an edited entry is named), its lines must
 * balance, and the Merkle root recomputed at every head's size must equal the signed root, whose Ed25519
 * signature must verify. The entry bytes are hashed as they stand in the file: no re-serialisation, so one
 * pass over a million entries stays within seconds.
 */
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { leafHash } from './merkle.ts';
import { appendLeaf, frontierRoot, type FrontierEntry } from './frontier.ts';
import { LEDGER_FORMAT, treeHeadMessage, type TreeHead } from './entry.ts';

/** The first problem found, with the entry (log position) it concerns when there is one. */
export interface VerifyProblem {
  line: number;
  seq: number | null;
  reason: string;
}

/** What a verification found. */
export interface VerifyReport {
  ok: boolean;
  community: string | null;
  entries: number;
  heads: number;
  /** The largest signed head checked (size, root hex, timestamp). */
  latest: { size: number; root: string; timestamp: string } | null;
  problem: VerifyProblem | null;
}

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const PREFIX = Buffer.from('{"seq":');
const LEAF_KEY = Buffer.from(',"leaf":"');
const ENTRY_KEY = Buffer.from('","entry":');
const FEN = /"fen":"(-?\d+)"/g;

/** An Ed25519 public key from its raw 32 bytes (base64). */
function ed25519Key(rawBase64: string) {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

/** Whether `head` is signed by the key (raw base64). */
function headSignatureOk(head: TreeHead, publicKey: string): boolean {
  try {
    return edVerify(null, treeHeadMessage(head), ed25519Key(publicKey), Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Feeds a ledger file line by line; {@link LedgerVerifier.finish} gives the report. */
export class LedgerVerifier {
  private lineNo = 0;
  private n = 0;
  private frontier: FrontierEntry[] = [];
  private readonly heads: TreeHead[] = [];
  private readonly rootAt = new Map<number, string>();
  private keys = new Map<string, string>();
  private community: string | null = null;
  private problem: VerifyProblem | null = null;

  /** @param trustedKey the public key published on the disclosure page (raw base64); else the file's keys. */
  constructor(private readonly trustedKey?: string) {}

  private fail(seq: number | null, reason: string): void {
    this.problem ??= { line: this.lineNo, seq, reason };
  }

  /** One line (without its newline). Stops looking after the first problem. */
  line(buf: Buffer): void {
    this.lineNo++;
    if (this.problem || buf.length === 0) return;
    if (this.lineNo === 1) {
      this.header(buf);
      return;
    }
    if (buf.subarray(0, PREFIX.length).equals(PREFIX)) {
      this.entry(buf);
      return;
    }
    let o: { head?: TreeHead };
    try {
      o = JSON.parse(buf.toString('utf8')) as { head?: TreeHead };
    } catch {
      this.fail(this.n, 'not a JSON line');
      return;
    }
    if (!o.head || typeof o.head.size !== 'number') {
      this.fail(this.n, 'not an entry or head line');
      return;
    }
    if (this.n > 0) {
      this.fail(this.n, 'a signed head after the entries (heads come first)');
      return;
    }
    this.heads.push(o.head);
    this.rootAt.set(o.head.size, '');
  }

  private header(buf: Buffer): void {
    try {
      const h = JSON.parse(buf.toString('utf8')) as {
        format?: string;
        community?: string;
        publicKeys?: { keyId: string; publicKey: string }[];
      };
      if (h.format !== LEDGER_FORMAT) {
        this.fail(null, `not a ${LEDGER_FORMAT} file`);
        return;
      }
      this.community = h.community ?? null;
      this.keys = new Map((h.publicKeys ?? []).map((k) => [k.keyId, k.publicKey]));
    } catch {
      this.fail(null, 'the first line is not the file header');
    }
  }

  private entry(buf: Buffer): void {
    const expected = this.n;
    let i = PREFIX.length;
    let seq = 0;
    let digits = 0;
    while (i < buf.length && buf[i]! >= 0x30 && buf[i]! <= 0x39 && digits < 16) {
      seq = seq * 10 + buf[i]! - 0x30;
      i++;
      digits++;
    }
    if (digits === 0 || !buf.subarray(i, i + LEAF_KEY.length).equals(LEAF_KEY)) {
      this.fail(expected, 'malformed entry line');
      return;
    }
    if (seq !== expected) {
      const what = seq > expected ? 'missing (dropped or moved)' : `found entry ${seq} again or out of order`;
      this.fail(expected, `expected entry ${expected} here, ${what}`);
      return;
    }
    i += LEAF_KEY.length;
    const leafHex = buf.subarray(i, i + 64).toString('latin1');
    i += 64;
    if (!buf.subarray(i, i + ENTRY_KEY.length).equals(ENTRY_KEY) || buf[buf.length - 1] !== 0x7d) {
      this.fail(expected, 'malformed entry line');
      return;
    }
    const entry = buf.subarray(i + ENTRY_KEY.length, buf.length - 1);
    const leaf = leafHash(entry);
    if (leaf.toString('hex') !== leafHex) {
      this.fail(expected, 'entry altered: its leaf hash does not match');
      return;
    }
    const text = entry.toString('latin1');
    if (!text.startsWith(`{"seq":${expected},`)) {
      this.fail(expected, 'the entry names another position');
      return;
    }
    let sum = 0n;
    let count = 0;
    for (const m of text.matchAll(FEN)) {
      sum += BigInt(m[1]!);
      count++;
    }
    if (count < 2 || sum !== 0n) {
      this.fail(expected, `entry does not balance (sum ${sum} fen)`);
      return;
    }
    this.frontier = appendLeaf(this.frontier, expected, leaf).frontier;
    this.n++;
    if (this.rootAt.has(this.n)) this.rootAt.set(this.n, Buffer.from(frontierRoot(this.frontier)).toString('hex'));
  }

  /** Checks the heads against the recomputed roots and their signatures. */
  finish(): VerifyReport {
    const report = (): VerifyReport => {
      const top = [...this.heads].sort((a, b) => b.size - a.size)[0];
      return {
        ok: this.problem === null,
        community: this.community,
        entries: this.n,
        heads: this.heads.length,
        latest: top ? { size: top.size, root: top.root, timestamp: top.timestamp } : null,
        problem: this.problem,
      };
    };
    if (this.problem) return report();
    if (this.heads.length === 0) this.fail(null, 'the file has no signed tree head');
    for (const h of [...this.heads].sort((a, b) => a.size - b.size)) {
      const key = this.trustedKey ?? this.keys.get(h.keyId);
      if (!key || !headSignatureOk(h, key)) {
        this.fail(null, `the signature of the tree head of size ${h.size} does not verify`);
        break;
      }
      if (h.community !== this.community) this.fail(null, `the head of size ${h.size} is for another community`);
      if (h.size > this.n) this.fail(this.n, `entries ${this.n}…${h.size - 1} are missing (the head covers ${h.size})`);
      else if (this.rootAt.get(h.size) !== h.root) {
        this.fail(null, `entries 0…${h.size - 1} do not match the signed head of size ${h.size}`);
      }
      if (this.problem) break;
    }
    const top = Math.max(0, ...this.heads.map((h) => h.size));
    if (top < this.n) this.fail(top, `entries ${top}…${this.n - 1} are not covered by any signed head`);
    return report();
  }
}
