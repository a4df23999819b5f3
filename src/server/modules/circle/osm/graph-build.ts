import { haversine } from '../../../../shared/geo/distance.ts';
import { buildAdjacency, type WalkGraph } from '../domain/types.ts';
import type { NodeStore } from './nodes.ts';

/** A walkable way as collected during parsing. */
export interface RawWay {
  readonly id: number;
  readonly refs: Float64Array;
  readonly flags: number;
}

/** Growable typed array helper. */
class Grow<T extends Float64Array | Int32Array> {
  n = 0;
  constructor(
    public a: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): T {
    return this.a.slice(0, this.n) as T;
  }
}
const f64 = (n: number): Float64Array => new Float64Array(n);
const i32 = (n: number): Int32Array => new Int32Array(n);

/**
 * Split ways at shared nodes, way ends and blocking barriers into a topology graph. A blocking barrier
 * node gets a separate vertex for every edge that ends there, so paths stop at the gate but do not
 * pass it. Consecutive duplicate refs are dropped; missing refs split the way. Vertices are numbered
 * in order of first appearance (deterministic).
 */
export function buildWalkGraph(ways: readonly RawWay[], nodes: NodeStore, blocked: ReadonlySet<number>): WalkGraph {
  const total = nodes.size;
  const uses = new Uint8Array(total);
  const pieces: { way: number; flags: number; idx: Int32Array }[] = [];
  for (const w of ways) {
    let cur: number[] = [];
    const flush = (): void => {
      if (cur.length >= 2) pieces.push({ way: w.id, flags: w.flags, idx: Int32Array.from(cur) });
      cur = [];
    };
    for (const ref of w.refs) {
      const i = nodes.indexOf(ref);
      if (i < 0) {
        flush();
        continue;
      }
      if (cur.length > 0 && cur[cur.length - 1] === i) continue;
      cur.push(i);
    }
    flush();
  }
  const isBlocked = new Uint8Array(total);
  for (const id of blocked) {
    const i = nodes.indexOf(id);
    if (i >= 0) isBlocked[i] = 1;
  }
  for (const p of pieces) {
    uses[p.idx[0]!] = 2;
    uses[p.idx[p.idx.length - 1]!] = 2;
    for (let k = 1; k < p.idx.length - 1; k++) {
      const i = p.idx[k]!;
      if (uses[i]! < 2) uses[i]!++;
    }
  }
  const vertexOf = new Int32Array(total).fill(-1);
  const coord = new Grow(f64(1024), f64);
  let nodeCount = 0;
  const vertex = (i: number): number => {
    if (isBlocked[i] === 0 && vertexOf[i]! >= 0) return vertexOf[i]!;
    coord.push(nodes.lon(i));
    coord.push(nodes.lat(i));
    if (isBlocked[i] === 0) vertexOf[i] = nodeCount;
    return nodeCount++;
  };
  const eu = new Grow(i32(1024), i32),
    ev = new Grow(i32(1024), i32),
    len = new Grow(f64(1024), f64),
    way = new Grow(f64(1024), f64);
  const gOff = new Grow(i32(1024), i32),
    gc = new Grow(f64(4096), f64),
    flags: number[] = [];
  gOff.push(0);
  for (const p of pieces) {
    let start = 0,
      acc = 0;
    gc.push(nodes.lon(p.idx[0]!));
    gc.push(nodes.lat(p.idx[0]!));
    for (let k = 1; k < p.idx.length; k++) {
      const a = p.idx[k - 1]!,
        b = p.idx[k]!;
      acc += haversine(nodes.lon(a), nodes.lat(a), nodes.lon(b), nodes.lat(b));
      gc.push(nodes.lon(b));
      gc.push(nodes.lat(b));
      if (k < p.idx.length - 1 && uses[b]! < 2 && isBlocked[b] === 0) continue;
      eu.push(vertex(p.idx[start]!));
      ev.push(vertex(b));
      len.push(acc);
      way.push(p.way);
      flags.push(p.flags);
      gOff.push(gc.n / 2);
      if (k < p.idx.length - 1) {
        gc.push(nodes.lon(b));
        gc.push(nodes.lat(b));
      }
      start = k;
      acc = 0;
    }
  }
  const edgeU = eu.done(),
    edgeV = ev.done();
  const adj = buildAdjacency(nodeCount, edgeU, edgeV);
  return {
    nodeCount,
    edgeCount: edgeU.length,
    nodeCoord: coord.done(),
    edgeU,
    edgeV,
    edgeLen: len.done(),
    edgeFlags: Uint8Array.from(flags),
    edgeWay: way.done(),
    geomOffset: gOff.done(),
    geomCoord: gc.done(),
    ...adj,
  };
}
