/**
 * Merkle tree hashing of RFC 6962 / RFC 9162 §2.1 (Certificate Transparency): leaf = SHA-256(0x00 || entry),
 * node = SHA-256(0x01 || left || right), the tree of n leaves split at the largest power of two below n.
 * Inclusion proofs (§2.1.3) and consistency proofs (§2.1.4) are generated from a {@link NodeSource} (any perfect,
 * aligned subtree root by level and index, which is what the database stores) and verified with the RFC's own
 * verification algorithms, step by step. Pure: data in, data out (hashing is deterministic).
 */
import { hash } from 'node:crypto';

/** A SHA-256 digest (32 bytes). */
export type Hash = Uint8Array;

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** SHA-256 of the bytes. */
export function sha256(data: Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

/** The leaf hash of an entry: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array | string): Buffer {
  const b = typeof entry === 'string' ? Buffer.from(entry, 'utf8') : entry;
  return sha256(Buffer.concat([LEAF, b]));
}

/** An interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Buffer {
  return sha256(Buffer.concat([NODE, left, right], 65));
}

/** SHA-256 of nothing: the root of the empty tree (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = sha256(new Uint8Array(0));

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Root of the perfect, aligned subtree at `level` (2^level leaves) number `index` (counted from the left). */
export type NodeSource = (level: number, index: number) => Hash;

/** MTH(D[a:b]) from stored perfect subtrees: a perfect aligned range is one lookup, else split as the RFC does. */
function rangeHash(a: number, b: number, get: NodeSource): Hash {
  const size = b - a;
  if (size <= 0) return EMPTY_ROOT;
  if ((size & (size - 1)) === 0 && a % size === 0) return get(Math.log2(size), a / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(a, a + k, get), rangeHash(a + k, b, get));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[a:b]): the inclusion proof of leaf m (absolute index) in the range [a, b). */
function path(m: number, a: number, b: number, get: NodeSource): Hash[] {
  const n = b - a;
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m - a < k
    ? [...path(m, a, a + k, get), rangeHash(a + k, b, get)]
    : [...path(m, a + k, b, get), rangeHash(a, a + k, get)];
}

/** The inclusion proof of leaf `index` in the tree of the first `size` leaves (0 ≤ index < size). */
export function inclusionProof(index: number, size: number, get: NodeSource): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  return path(index, 0, size, get);
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[a:b], flag). */
function subproof(m: number, a: number, b: number, whole: boolean, get: NodeSource): Hash[] {
  const n = b - a;
  if (m === n) return whole ? [] : [rangeHash(a, b, get)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, a, a + k, whole, get), rangeHash(a + k, b, get)]
    : [...subproof(m - k, a + k, b, false, get), rangeHash(a, a + k, get)];
}

/** The consistency proof between the trees of `first` and `second` leaves (0 < first ≤ second). */
export function consistencyProof(first: number, second: number, get: NodeSource): Hash[] {
  if (!(first > 0 && first <= second)) throw new RangeError(`no consistency proof from ${first} to ${second}`);
  return subproof(first, 0, second, true, get);
}

/** Which stored nodes a computation asks for (run it once with zero hashes; the shape never depends on them). */
export function nodesNeeded(run: (get: NodeSource) => unknown): [number, number][] {
  const seen = new Map<string, [number, number]>();
  const zero = new Uint8Array(32);
  run((level, index) => {
    seen.set(`${level}:${index}`, [level, index]);
    return zero;
  });
  return [...seen.values()];
}

const eq = (a: Hash, b: Hash): boolean => Buffer.compare(a, b) === 0;
const isOdd = (x: bigint): boolean => (x & 1n) === 1n;

/** RFC 9162 §2.1.3.2: does `proof` show leaf `leaf` at `index` in the tree of `size` with root `root`? */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r: Hash = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && eq(r, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree `first` (root `firstRoot`) is a prefix of `second`? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: Hash[],
): boolean {
  if (first <= 0 || first > second) return false;
  if (first === second) return proof.length === 0 && eq(firstRoot, secondRoot);
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while (isOdd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Hash = path[0]!;
  let sr: Hash = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return eq(fr, firstRoot) && eq(sr, secondRoot) && sn === 0n;
}
