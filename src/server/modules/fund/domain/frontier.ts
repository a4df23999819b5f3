/**
 * The append side of the Merkle log: the compact range ("frontier") of a tree of n leaves is the list of its
 * perfect subtree roots, largest first (one per set bit of n). Appending a leaf pushes it and merges equal
 * levels, which yields every perfect subtree that became complete (the nodes the database stores for proofs);
 * the root is the right-to-left fold of the frontier (RFC 9162: D[0:k] is always perfect). O(log n) per leaf.
 */
import { EMPTY_ROOT, nodeHash, type Hash, type NodeSource } from './merkle.ts';

/** One perfect subtree root of the compact range. */
export interface FrontierEntry {
  level: number;
  hash: Hash;
}

/** A stored perfect subtree: level, index (from the left) and root. */
export interface LogNode {
  level: number;
  index: number;
  hash: Hash;
}

/**
 * Appends the leaf number `size` (0-based) to the frontier of a tree of `size` leaves; returns the new frontier
 * and the perfect subtrees completed by it (the leaf itself first).
 */
export function appendLeaf(
  frontier: readonly FrontierEntry[],
  size: number,
  leaf: Hash,
): { frontier: FrontierEntry[]; nodes: LogNode[] } {
  const next = [...frontier];
  const nodes: LogNode[] = [{ level: 0, index: size, hash: leaf }];
  let cur: FrontierEntry = { level: 0, hash: leaf };
  const end = size + 1; // leaves covered, exclusive
  while (next.length > 0 && next[next.length - 1]!.level === cur.level) {
    const left = next.pop()!;
    cur = { level: cur.level + 1, hash: nodeHash(left.hash, cur.hash) };
    nodes.push({ level: cur.level, index: end / 2 ** cur.level - 1, hash: cur.hash });
  }
  next.push(cur);
  return { frontier: next, nodes };
}

/** The tree head of a frontier: fold from the right, H(f0, H(f1, …)). */
export function frontierRoot(frontier: readonly FrontierEntry[]): Hash {
  if (frontier.length === 0) return EMPTY_ROOT;
  let r = frontier[frontier.length - 1]!.hash;
  for (let i = frontier.length - 2; i >= 0; i--) r = nodeHash(frontier[i]!.hash, r);
  return r;
}

/** An in-memory tree over all leaves (every perfect subtree kept): for tests, benchmarks and offline checks. */
export class MemoryTree {
  private readonly levels: Hash[][] = [[]];
  private frontier: FrontierEntry[] = [];

  /** Number of leaves. */
  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash. */
  append(leaf: Hash): void {
    const r = appendLeaf(this.frontier, this.size, leaf);
    this.frontier = r.frontier;
    for (const n of r.nodes) {
      const lv = this.levels[n.level] ?? [];
      this.levels[n.level] = lv;
      lv[n.index] = n.hash;
    }
  }

  /** The root of the current tree. */
  root(): Hash {
    return frontierRoot(this.frontier);
  }

  /** Perfect subtree lookup for the proof functions. */
  readonly get: NodeSource = (level, index) => {
    const h = this.levels[level]?.[index];
    if (!h) throw new RangeError(`no node ${level}/${index}`);
    return h;
  };
}
