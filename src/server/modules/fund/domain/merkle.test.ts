import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  nodesNeeded,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle.ts';
import { MemoryTree } from './frontier.ts';

/** MTH straight from RFC 9162 §2.1.1, over the entries themselves (the reference). */
function mth(entries: Uint8Array[]): Hash {
  if (entries.length === 1) return leafHash(entries[0]!);
  const k = splitPoint(entries.length);
  return nodeHash(mth(entries.slice(0, k)), mth(entries.slice(k)));
}

const treeOf = (entries: Uint8Array[]): MemoryTree => {
  const t = new MemoryTree();
  for (const e of entries) t.append(leafHash(e));
  return t;
};

/** Flips one bit of one hash of a list. */
const flip = (list: Hash[], i: number, bit: number): Hash[] =>
  list.map((h, j) => {
    if (j !== i) return h;
    const c = Uint8Array.from(h);
    c[bit >> 3]! ^= 1 << (bit & 7);
    return c;
  });
const flipOne = (h: Hash, bit: number): Hash => flip([h], 0, bit)[0]!;

const entriesArb = fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 70 });

describe('Merkle tree hashing (RFC 9162 §2.1)', () => {
  it('matches the Certificate Transparency test vectors', () => {
    const hex = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const t = new MemoryTree();
    hex.forEach((h, i) => {
      t.append(leafHash(Buffer.from(h, 'hex')));
      expect(Buffer.from(t.root()).toString('hex')).toBe(roots[i]);
    });
  });

  it('the incremental root equals the recursive MTH for every size', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const t = treeOf(entries);
        expect(Buffer.compare(t.root(), mth(entries))).toBe(0);
      }),
    );
  });

  it('every inclusion proof verifies; any single-bit change of leaf, proof or root fails', () => {
    fc.assert(
      fc.property(entriesArb, fc.nat(), fc.nat(), (entries, mi, bit) => {
        const n = entries.length;
        const m = mi % n;
        const t = treeOf(entries);
        const root = t.root();
        const leaf = leafHash(entries[m]!);
        const proof = inclusionProof(m, n, t.get);
        expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);
        const b = bit % 256;
        expect(verifyInclusion(m, n, flipOne(leaf, b), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, proof, flipOne(root, b))).toBe(false);
        if (proof.length) expect(verifyInclusion(m, n, leaf, flip(proof, bit % proof.length, b), root)).toBe(false);
        // the same proof does not place a different leaf at another position
        const other = (m + 1) % n;
        if (n > 1 && !leafHash(entries[other]!).equals(leaf)) {
          expect(verifyInclusion(other, n, leaf, proof, root)).toBe(false);
        }
      }),
    );
  });

  it('every consistency proof verifies; any single-bit change fails', () => {
    fc.assert(
      fc.property(entriesArb, fc.nat(), fc.nat(), (entries, fi, bit) => {
        const n = entries.length;
        const m = 1 + (fi % n);
        const first = mth(entries.slice(0, m));
        const second = mth(entries);
        const t = treeOf(entries);
        const proof = consistencyProof(m, n, t.get);
        expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
        const b = bit % 256;
        expect(verifyConsistency(m, n, flipOne(first, b), second, proof)).toBe(false);
        expect(verifyConsistency(m, n, first, flipOne(second, b), proof)).toBe(false);
        if (proof.length)
          expect(verifyConsistency(m, n, first, second, flip(proof, bit % proof.length, b))).toBe(false);
      }),
    );
  });

  it('a proof needs O(log n) stored nodes', () => {
    const need = nodesNeeded((get) => inclusionProof(123_456, 1_000_000, get));
    expect(need.length).toBeLessThanOrEqual(2 * 20);
    const t = treeOf(Array.from({ length: 37 }, (_, i) => Uint8Array.of(i)));
    const asked = nodesNeeded((get) => consistencyProof(13, 37, get));
    for (const [l, i] of asked) expect(() => t.get(l, i)).not.toThrow();
  });
});
