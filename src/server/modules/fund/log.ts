/**
 * The verifiable log's server side: the Ed25519 signing key (from LINLI_FUND_SIGNING_KEY, else generated once
 * and stored), signed tree heads (published on demand: a head is only ever added, never changed), inclusion and
 * consistency proofs served from the stored perfect subtrees (O(log n) rows each), and the ledger export.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { LEDGER_FORMAT, treeHeadMessage, type TreeHead } from './domain/entry.ts';
import { frontierRoot } from './domain/frontier.ts';
import { consistencyProof, inclusionProof, nodesNeeded, sha256, type NodeSource } from './domain/merkle.ts';
import * as logRepo from './repository/log.ts';
import * as ledgerRepo from './repository/ledger.ts';
import * as reads from './repository/reads.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A signing key: id (first 16 hex of SHA-256 of the raw public key), raw public key (base64), private key. */
export interface SigningKey {
  keyId: string;
  publicKey: string;
  privateKey: KeyObject;
}

const rawPublic = (k: KeyObject): Buffer => createPublicKey(k).export({ format: 'der', type: 'spki' }).subarray(-32);
const keyIdOf = (raw: Buffer): string => sha256(raw).toString('hex').slice(0, 16);

/**
 * The signing key: `configured` (a PKCS#8 PEM Ed25519 private key, e.g. from LINLI_FUND_SIGNING_KEY) when
 * given — only its public half is stored — else the stored generated key, else a new one generated and stored.
 */
export async function signingKey(db: Kysely<Database>, now: Date, configured?: string): Promise<SigningKey> {
  if (configured) {
    const privateKey = createPrivateKey(configured);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('LINLI_FUND_SIGNING_KEY must be an Ed25519 key');
    const raw = rawPublic(privateKey);
    const k = { keyId: keyIdOf(raw), publicKey: raw.toString('base64'), privateKey };
    await logRepo.insertKey(db, { keyId: k.keyId, publicKey: k.publicKey, privateKey: null, now });
    return k;
  }
  let row = await logRepo.signingKeyRow(db);
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublic(privateKey);
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await logRepo.insertKey(db, { keyId: keyIdOf(raw), publicKey: raw.toString('base64'), privateKey: pem, now });
    row = await logRepo.signingKeyRow(db);
  }
  if (!row?.private_key) throw new Error('no fund signing key');
  return { keyId: row.key_id, publicKey: row.public_key, privateKey: createPrivateKey(row.private_key) };
}

type HeadRow = Awaited<ReturnType<typeof logRepo.heads>>[number];
const toHead = (r: HeadRow): TreeHead => ({
  community: r.community_code,
  size: Number(r.size),
  root: r.root,
  timestamp: new Date(r.signed_at).toISOString(),
  keyId: r.key_id,
  signature: r.signature,
});

/** Signs and stores the head of the log as it stands (or returns the head already published for that size). */
export async function publishHead(db: Db, community: string, key: SigningKey, now: Date): Promise<TreeHead | null> {
  const state = await ledgerRepo.readHead(db, community);
  if (!state || state.size === 0) return null;
  const known = await logRepo.headOfSize(db, community, state.size);
  if (known) return toHead(known);
  const root = Buffer.from(
    frontierRoot(state.frontier.map((f) => ({ level: f.level, hash: Buffer.from(f.hash, 'hex') }))),
  );
  const h = { community, size: state.size, root: root.toString('hex'), timestamp: now.toISOString() };
  const signature = sign(null, treeHeadMessage(h), key.privateKey).toString('base64');
  await logRepo.insertHead(db, { ...h, signedAt: now, keyId: key.keyId, signature });
  const stored = await logRepo.headOfSize(db, community, state.size);
  return stored ? toHead(stored) : null;
}

/** The published heads, newest first. */
export async function listHeads(db: Db, community: string, limit = 100): Promise<TreeHead[]> {
  return (await logRepo.heads(db, community, limit)).map(toHead);
}

/** The public keys that signed heads. */
export async function listKeys(db: Db): Promise<{ keyId: string; publicKey: string; createdAt: string }[]> {
  return (await logRepo.publicKeys(db)).map((k) => ({
    keyId: k.key_id,
    publicKey: k.public_key,
    createdAt: new Date(k.created_at).toISOString(),
  }));
}

/** Runs a proof computation on the stored nodes it needs (fetched in one query). */
async function withNodes<T>(db: Db, community: string, run: (get: NodeSource) => T): Promise<T> {
  const got = await ledgerRepo.logNodes(db, community, nodesNeeded(run));
  return run((level, index) => {
    const h = got.get(`${level}:${index}`);
    if (!h) throw new Error(`log node ${level}/${index} missing`);
    return Buffer.from(h, 'hex');
  });
}

const hex = (l: Uint8Array[]): string[] => l.map((h) => Buffer.from(h).toString('hex'));

/** The size of the log now (0 when the community has no entries). */
async function logSize(db: Db, community: string): Promise<number> {
  return (await ledgerRepo.readHead(db, community))?.size ?? 0;
}

/** RFC 9162 inclusion proof of entry `index` in the tree of `size` entries (size ≤ the log's size). */
export async function inclusion(db: Db, community: string, index: number, size: number) {
  if (!(index >= 0 && index < size && size <= (await logSize(db, community)))) {
    throw new AppError('FUND_BAD_PROOF', { params: { size, index } });
  }
  const entry = await reads.entryAt(db, community, index);
  if (!entry) throw new AppError('FUND_NOT_FOUND');
  const proof = await withNodes(db, community, (get) => inclusionProof(index, size, get));
  return { index, size, leafHash: entry.leaf_hash, entry: entry.entry, proof: hex(proof) };
}

/** RFC 9162 consistency proof between the trees of `first` and `second` entries. */
export async function consistency(db: Db, community: string, first: number, second: number) {
  if (!(first > 0 && first <= second && second <= (await logSize(db, community)))) {
    throw new AppError('FUND_BAD_PROOF', { params: { size: second, index: first } });
  }
  const proof = await withNodes(db, community, (get) => consistencyProof(first, second, get));
  return { first, second, proof: hex(proof) };
}

/**
 * Writes the public ledger file: header, every published head up to the newest (published now if the log has
 * grown), then the entries it covers, each exactly as hashed. `write` receives text chunks in order.
 */
export async function exportLedger(
  db: Kysely<Database>,
  community: string,
  key: SigningKey,
  now: Date,
  write: (chunk: string) => Promise<void> | void,
): Promise<{ entries: number; head: TreeHead | null }> {
  const head = await publishHead(db, community, key, now);
  const size = head?.size ?? 0;
  const heads = (await listHeads(db, community, 100_000)).filter((h) => h.size <= size).reverse();
  const publicKeys = (await listKeys(db)).map((k) => ({ keyId: k.keyId, publicKey: k.publicKey }));
  const header = { format: LEDGER_FORMAT, community, exportedAt: now.toISOString(), publicKeys, entries: size };
  await write(`${JSON.stringify(header)}\n`);
  for (const h of heads) await write(`${JSON.stringify({ head: h })}\n`);
  const PAGE = 5000;
  for (let from = 0; from < size; from += PAGE) {
    const rows = await reads.entriesFrom(db, community, from, Math.min(PAGE, size - from));
    await write(rows.map((r) => `{"seq":${r.seq},"leaf":"${r.leaf_hash}","entry":${r.entry}}\n`).join(''));
  }
  return { entries: size, head };
}
