/**
 * The public form of a ledger transaction: one canonical JSON text per log entry (fixed key order, amounts as
 * decimal strings so bigint fen survive every JSON reader). Its UTF-8 bytes are the Merkle leaf's input, so the
 * server, the export file and an offline verifier all hash exactly the same thing. Personal data is masked
 * before it enters an entry (the log is public and can never be changed later).
 */

/** One line of a public entry: account code and signed fen as decimal text. */
interface PublicLine {
  account: string;
  fen: string;
}

/** A public ledger entry (what is hashed into the log). */
export interface PublicEntry {
  seq: number;
  id: string;
  at: string;
  period: string;
  memo: string;
  party: string | null;
  source: { kind: string; ref: string };
  reverses: string | null;
  lines: PublicLine[];
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string`);
  return v;
};

/** The canonical text of an entry (fixed key order, no spaces); throws on a malformed entry. */
export function canonicalEntry(e: PublicEntry): string {
  const o = e as unknown as Record<string, unknown>;
  const seq = o.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) throw new TypeError('seq must be an index');
  const src = o.source as Record<string, unknown> | null;
  if (typeof src !== 'object' || src === null) throw new TypeError('source must be an object');
  if (!Array.isArray(o.lines)) throw new TypeError('lines must be a list');
  const lines = (o.lines as unknown[]).map((l, i) => {
    const x = l as Record<string, unknown>;
    const fen = str(x?.fen, `lines[${i}].fen`);
    if (!/^-?[1-9]\d{0,18}$/.test(fen)) throw new TypeError(`lines[${i}].fen must be non-zero integer fen`);
    return { account: str(x.account, `lines[${i}].account`), fen };
  });
  const party = o.party === null ? null : str(o.party, 'party');
  const reverses = o.reverses === null ? null : str(o.reverses, 'reverses');
  return JSON.stringify({
    seq,
    id: str(o.id, 'id'),
    at: str(o.at, 'at'),
    period: str(o.period, 'period'),
    memo: str(o.memo, 'memo'),
    party,
    source: { kind: str(src.kind, 'source.kind'), ref: str(src.ref, 'source.ref') },
    reverses,
    lines,
  });
}

/** A signed tree head: the log of `size` entries has root `root` (hex), signed at `timestamp` (ISO). */
export interface TreeHead {
  community: string;
  size: number;
  root: string;
  timestamp: string;
  keyId: string;
  /** Ed25519 signature (base64) of {@link treeHeadMessage}. */
  signature: string;
}

/** The exact bytes an Ed25519 tree-head signature covers (versioned, one field per line). */
export function treeHeadMessage(h: Pick<TreeHead, 'community' | 'size' | 'root' | 'timestamp'>): Buffer {
  return Buffer.from(`linli-fund-tree-head/1\n${h.community}\n${h.size}\n${h.timestamp}\n${h.root}\n`, 'utf8');
}

/** The file format name on the first line of an exported ledger. */
export const LEDGER_FORMAT = 'linli-fund-ledger/1';
