/**
 * Binary min-heap of (vertex, key) pairs on preallocated typed arrays, with lazy deletion: a vertex may
 * be pushed several times and stale entries are skipped by the caller (key > settled distance).
 * Ties are broken by vertex id so results never depend on insertion order.
 */
export class MinHeap {
  private ids: Int32Array;
  private keys: Float64Array;
  /** Number of entries currently in the heap. */
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  /** Remove every entry (O(1)). */
  clear(): void {
    this.length = 0;
  }

  /** Insert vertex `id` with priority `key`. Grows the arrays when full. */
  push(id: number, key: number): void {
    if (this.length === this.ids.length) this.grow();
    const ids = this.ids,
      keys = this.keys;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && ids[parent]! <= id)) break;
      ids[pos] = ids[parent]!;
      keys[pos] = pk;
      pos = parent;
    }
    ids[pos] = id;
    keys[pos] = key;
  }

  /** Key of the minimum entry (undefined behaviour when empty: check `length`). */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Remove the minimum entry and return its vertex id (check `length` first). */
  pop(): number {
    const ids = this.ids,
      keys = this.keys;
    const top = ids[0]!;
    const n = --this.length;
    if (n > 0) {
      const id = ids[n]!,
        key = keys[n]!;
      let pos = 0;
      const half = n >> 1;
      while (pos < half) {
        let c = 2 * pos + 1;
        const r = c + 1;
        if (r < n && (keys[r]! < keys[c]! || (keys[r] === keys[c] && ids[r]! < ids[c]!))) c = r;
        const ck = keys[c]!;
        if (ck > key || (ck === key && ids[c]! >= id)) break;
        ids[pos] = ids[c]!;
        keys[pos] = ck;
        pos = c;
      }
      ids[pos] = id;
      keys[pos] = key;
    }
    return top;
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    ids.set(this.ids);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}
