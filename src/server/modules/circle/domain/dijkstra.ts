import { MinHeap } from './heap.ts';
import type { WalkGraph } from './types.ts';

/**
 * Reusable (multi-)source Dijkstra over a {@link WalkGraph} with per-edge weights.
 *
 * One instance owns its distance/label arrays and a "touched" list, so a bounded search only costs
 * the part of the graph it reaches: `reset()` clears just the touched vertices. That is what makes
 * thousands of small searches (site candidates, isochrones, what-if) cheap on a city-sized graph.
 *
 * Semantics: `dist[n]` is the shortest weighted distance from any source (Infinity when unreached or
 * beyond the cutoff); `label[n]` is the label of the source that reached it (-1 when unreached).
 * Deterministic: same inputs → same outputs (heap ties broken by vertex id).
 */
export class ShortestPaths {
  readonly dist: Float64Array;
  readonly label: Int32Array;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly heap: MinHeap;

  constructor(
    readonly graph: WalkGraph,
    readonly weight: Float64Array,
  ) {
    this.dist = new Float64Array(graph.nodeCount).fill(Infinity);
    this.label = new Int32Array(graph.nodeCount).fill(-1);
    this.touched = new Int32Array(Math.min(graph.nodeCount, 4096));
    this.heap = new MinHeap(4096);
  }

  /** Vertices reached by the last search(es) since `reset()` (a view, do not keep it across runs). */
  reached(): Int32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  /** Clear the results of previous searches (cost proportional to the vertices they touched). */
  reset(): void {
    const d = this.dist,
      l = this.label,
      t = this.touched;
    for (let i = 0; i < this.touchedCount; i++) {
      const n = t[i]!;
      d[n] = Infinity;
      l[n] = -1;
    }
    this.touchedCount = 0;
    this.heap.clear();
  }

  /**
   * Seed a source: vertex `node` starts at distance `d` with `label`. Seeds only improve (a later,
   * longer seed of the same vertex is ignored). Call `run()` after seeding.
   */
  seed(node: number, d: number, label: number, bound?: Float64Array): void {
    if (!(d < this.dist[node]!)) return;
    if (bound !== undefined && !(d < bound[node]!)) return;
    this.set(node, d, label);
    this.heap.push(node, d);
  }

  /**
   * Run Dijkstra from the seeded sources. Vertices farther than `cutoff` stay Infinity. When `bound`
   * is given, a vertex is only accepted if the new distance is strictly below `bound[v]` — used to
   * add one facility to an existing distance field without redoing the whole search.
   */
  run(cutoff = Infinity, bound?: Float64Array): void {
    const g = this.graph,
      w = this.weight,
      heap = this.heap;
    const off = g.adjOffset,
      tgt = g.adjTarget,
      ae = g.adjEdge;
    const dist = this.dist,
      label = this.label;
    while (heap.length > 0) {
      const key = heap.peekKey();
      const u = heap.pop();
      if (key > dist[u]!) continue; // stale entry
      const lu = label[u]!;
      for (let s = off[u]!, end = off[u + 1]!; s < end; s++) {
        const nd = key + w[ae[s]!]!;
        if (nd > cutoff) continue;
        const v = tgt[s]!;
        if (nd < dist[v]! && (bound === undefined || nd < bound[v]!)) {
          this.set(v, nd, lu);
          heap.push(v, nd);
        }
      }
    }
  }

  private set(n: number, d: number, l: number): void {
    if (this.dist[n] === Infinity) {
      if (this.touchedCount === this.touched.length) {
        const t = new Int32Array(Math.min(this.graph.nodeCount, this.touched.length * 2));
        t.set(this.touched);
        this.touched = t;
      }
      this.touched[this.touchedCount++] = n;
    }
    this.dist[n] = d;
    this.label[n] = l;
  }
}
