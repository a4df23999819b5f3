import { pointInRings } from '../../../../../shared/geo/pip.ts';
import { polygonParts, type MultiPolygon, type Polygon } from './types.ts';

/** One grid (or any area) to index: its id and WGS-84 geometry. */
export interface GridItem {
  id: string;
  geometry: Polygon | MultiPolygon;
}

const MAX_CELLS = 1 << 22;

/** Median of a numeric array (copy sorted); 0 for empty input. */
function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  const s = values.slice().sort();
  return s[s.length >> 1] ?? 0;
}

/**
 * Point → grid lookup over many polygons, built once and queried millions of times per second.
 *
 * Candidates come from a uniform bucket grid over the data extent (cell ≈ median polygon box, so
 * a polygon lands in ~4 buckets and a bucket holds a handful of polygons; capped at 4M buckets),
 * stored CSR-style in typed arrays with each bucket's list in ascending item order. Candidates
 * are filtered by bbox, then tested with {@link pointInRings} on flattened coordinates.
 *
 * Boundary rule (deterministic): the first item, in input order, whose closed polygon contains
 * the point wins. For a valid tiling every point of its union resolves to exactly one grid: shared
 * edges are decided identically from both sides, and exact boundary hits go to the lowest index.
 */
export class GridIndex {
  private constructor(
    private readonly ids: readonly string[],
    private readonly coords: Float64Array,
    private readonly ringStart: Uint32Array,
    private readonly polyRing: Uint32Array,
    private readonly boxes: Float64Array,
    private readonly cellStart: Uint32Array,
    private readonly cellItems: Uint32Array,
    private readonly ext: Float64Array, // minX, minY, maxX, maxY, 1/cellW, 1/cellH
    private readonly nx: number,
    private readonly ny: number,
  ) {}

  /** Build the index. O(total vertices + buckets); polygons should be valid (see `validatePolygon`). */
  static build(items: readonly GridItem[]): GridIndex {
    const n = items.length;
    let nRings = 0,
      nVerts = 0;
    for (const it of items)
      for (const rings of polygonParts(it.geometry))
        for (const r of rings) {
          nRings++;
          nVerts += r.length;
        }
    const coords = new Float64Array(nVerts * 2);
    const ringStart = new Uint32Array(nRings + 1);
    const polyRing = new Uint32Array(n + 1);
    const boxes = new Float64Array(n * 4);
    const ext = new Float64Array([Infinity, Infinity, -Infinity, -Infinity, 0, 0]);
    let v = 0,
      r = 0;
    items.forEach((it, i) => {
      let x0 = Infinity,
        y0 = Infinity,
        x1 = -Infinity,
        y1 = -Infinity;
      for (const rings of polygonParts(it.geometry)) {
        for (const ring of rings) {
          for (const p of ring) {
            const x = p[0] ?? Number.NaN,
              y = p[1] ?? Number.NaN;
            coords[2 * v] = x;
            coords[2 * v + 1] = y;
            v++;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
          ringStart[++r] = v;
        }
      }
      polyRing[i + 1] = r;
      boxes.set([x0, y0, x1, y1], 4 * i);
      if (x0 <= x1)
        ext.set([
          Math.min(ext[0] ?? 0, x0),
          Math.min(ext[1] ?? 0, y0),
          Math.max(ext[2] ?? 0, x1),
          Math.max(ext[3] ?? 0, y1),
        ]);
    });
    const [minX = 0, minY = 0, maxX = 0, maxY = 0] = ext;
    const w = Math.max(maxX - minX, 0),
      h = Math.max(maxY - minY, 0);
    const widths = new Float64Array(n),
      heights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      widths[i] = (boxes[4 * i + 2] ?? 0) - (boxes[4 * i] ?? 0);
      heights[i] = (boxes[4 * i + 3] ?? 0) - (boxes[4 * i + 1] ?? 0);
    }
    let cw = median(widths) || w / Math.sqrt(n) || 1;
    let ch = median(heights) || h / Math.sqrt(n) || 1;
    const scale = Math.sqrt(
      Math.max(1, (Math.ceil(w / cw) * Math.ceil(h / ch)) / Math.min(MAX_CELLS, Math.max(16, 4 * n))),
    );
    cw *= scale;
    ch *= scale;
    const nx = n === 0 ? 1 : Math.max(1, Math.ceil(w / cw));
    const ny = n === 0 ? 1 : Math.max(1, Math.ceil(h / ch));
    ext[4] = w > 0 ? nx / w : 0;
    ext[5] = h > 0 ? ny / h : 0;
    const cellRange = (i: number): [number, number, number, number] => {
      const c = (val: number, lo: number, inv: number, max: number): number =>
        Math.min(max - 1, Math.max(0, Math.floor((val - lo) * inv)));
      return [
        c(boxes[4 * i] ?? 0, minX, ext[4] ?? 0, nx),
        c(boxes[4 * i + 1] ?? 0, minY, ext[5] ?? 0, ny),
        c(boxes[4 * i + 2] ?? 0, minX, ext[4] ?? 0, nx),
        c(boxes[4 * i + 3] ?? 0, minY, ext[5] ?? 0, ny),
      ];
    };
    const cellStart = new Uint32Array(nx * ny + 1);
    for (let i = 0; i < n; i++) {
      if (!((boxes[4 * i] ?? 0) <= (boxes[4 * i + 2] ?? 0))) continue;
      const [a, b, c, d] = cellRange(i);
      for (let cy = b; cy <= d; cy++) for (let cx = a; cx <= c; cx++) cellStart[cy * nx + cx + 1]!++;
    }
    for (let c = 0; c < nx * ny; c++) cellStart[c + 1]! += cellStart[c] ?? 0;
    const cellItems = new Uint32Array(cellStart[nx * ny] ?? 0);
    const fill = cellStart.slice(0, nx * ny);
    for (let i = 0; i < n; i++) {
      if (!((boxes[4 * i] ?? 0) <= (boxes[4 * i + 2] ?? 0))) continue;
      const [a, b, c, d] = cellRange(i);
      for (let cy = b; cy <= d; cy++) for (let cx = a; cx <= c; cx++) cellItems[fill[cy * nx + cx]!++] = i;
    }
    return new GridIndex(
      items.map((it) => it.id),
      coords,
      ringStart,
      polyRing,
      boxes,
      cellStart,
      cellItems,
      ext,
      nx,
      ny,
    );
  }

  /** Number of indexed items. */
  get size(): number {
    return this.ids.length;
  }

  /** Bytes held in the index's typed arrays (excluding the id strings). */
  get byteLength(): number {
    return [this.coords, this.ringStart, this.polyRing, this.boxes, this.cellStart, this.cellItems].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }

  /** Bucket grid dimensions, for diagnostics. */
  get buckets(): { nx: number; ny: number; entries: number } {
    return { nx: this.nx, ny: this.ny, entries: this.cellItems.length };
  }

  /** Index (input order) of the item containing `[lon, lat]`, or −1. Non-finite input gives −1. */
  locateIndex(lon: number, lat: number): number {
    const e = this.ext;
    const minX = e[0] as number,
      minY = e[1] as number;
    if (!(lon >= minX && lon <= (e[2] as number) && lat >= minY && lat <= (e[3] as number))) return -1;
    let cx = Math.floor((lon - minX) * (e[4] as number));
    let cy = Math.floor((lat - minY) * (e[5] as number));
    if (cx >= this.nx) cx = this.nx - 1;
    if (cy >= this.ny) cy = this.ny - 1;
    const c = cy * this.nx + cx;
    const b = this.boxes;
    for (let k = this.cellStart[c] as number, end = this.cellStart[c + 1] as number; k < end; k++) {
      const i = this.cellItems[k] as number;
      const o = 4 * i;
      if (
        lon < (b[o] as number) ||
        lat < (b[o + 1] as number) ||
        lon > (b[o + 2] as number) ||
        lat > (b[o + 3] as number)
      )
        continue;
      if (
        pointInRings(
          this.coords,
          this.ringStart,
          this.polyRing[i] as number,
          this.polyRing[i + 1] as number,
          lon,
          lat,
        ) >= 0
      )
        return i;
    }
    return -1;
  }

  /** Id of the grid containing `[lon, lat]` (WGS-84), or `null` when none does. */
  locate(lon: number, lat: number): string | null {
    const i = this.locateIndex(lon, lat);
    return i < 0 ? null : (this.ids[i] ?? null);
  }

  /** Brute-force reference: scan every item in order with the same point test. For tests. */
  locateIndexBrute(lon: number, lat: number): number {
    for (let i = 0; i < this.ids.length; i++) {
      if (
        pointInRings(
          this.coords,
          this.ringStart,
          this.polyRing[i] as number,
          this.polyRing[i + 1] as number,
          lon,
          lat,
        ) >= 0
      )
        return i;
    }
    return -1;
  }
}

/** Build a {@link GridIndex} (convenience wrapper for `GridIndex.build`). */
export function buildGridIndex(items: readonly GridItem[]): GridIndex {
  return GridIndex.build(items);
}
