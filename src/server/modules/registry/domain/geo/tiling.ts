import Flatbush from 'flatbush';
import { areaM2 } from '../../../../../shared/geo/measure.ts';
import { partsOverlap, partWithin, ringSets } from './relate.ts';
import type { MultiPolygon, Polygon } from './types.ts';

/** Tolerances for {@link checkTiling}. The area tolerance is `max(absM2, rel × container area)`. */
export interface TilingOptions {
  /** Relative area tolerance (default 1e-6, i.e. 1 m² per km²). */
  rel?: number;
  /** Absolute area tolerance in m² (default 1). */
  absM2?: number;
}

/** Outcome of {@link checkTiling}. Areas in m². */
export interface TilingReport {
  /** No overlap, no part outside the container, and the areas agree within tolerance. */
  ok: boolean;
  containerAreaM2: number;
  partsAreaM2: number;
  /** container − Σ parts: positive means uncovered territory, negative means double counting or spill. */
  differenceM2: number;
  toleranceM2: number;
  /** Area difference is a gap larger than the tolerance. */
  gap: boolean;
  /** Index pairs `[i, j]` (i < j) of parts whose interiors overlap. */
  overlaps: [number, number][];
  /** Indices of parts not lying within the container. */
  outside: number[];
}

/**
 * Check that `parts` tile `container` — "grids cover the whole territory with no gap or overlap"
 * (docs/domain.md §2). Overlap is tested pairwise for parts whose boxes meet (flatbush over part boxes);
 * containment per part; gaps by area: with no overlap and nothing outside, Σ parts < container
 * means some territory is uncovered. Inputs should be valid polygons.
 */
export function checkTiling(
  container: Polygon | MultiPolygon,
  parts: readonly (Polygon | MultiPolygon)[],
  options: TilingOptions = {},
): TilingReport {
  const containerAreaM2 = areaM2(container);
  const partAreas = parts.map(areaM2);
  const partsAreaM2 = partAreas.reduce((s, a) => s + a, 0);
  const differenceM2 = containerAreaM2 - partsAreaM2;
  const toleranceM2 = Math.max(options.absM2 ?? 1, (options.rel ?? 1e-6) * containerAreaM2);

  const sets = parts.map(ringSets);
  const outer = ringSets(container);
  const outside: number[] = [];
  sets.forEach((ps, i) => {
    if (!ps.every((p) => outer.some((o) => partWithin(p, o)))) outside.push(i);
  });

  const overlaps: [number, number][] = [];
  if (parts.length > 1) {
    const index = new Flatbush(parts.length);
    const boxes = sets.map((ps) => {
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of ps) {
        if (p.index === null) continue;
        b[0] = Math.min(b[0] ?? 0, p.index.minX);
        b[1] = Math.min(b[1] ?? 0, p.index.minY);
        b[2] = Math.max(b[2] ?? 0, p.index.maxX);
        b[3] = Math.max(b[3] ?? 0, p.index.maxY);
      }
      return b as [number, number, number, number];
    });
    for (const b of boxes) index.add(...b);
    index.finish();
    boxes.forEach((b, i) => {
      for (const j of index.search(...b)) {
        if (j <= i) continue;
        const a = sets[i] ?? [],
          c = sets[j] ?? [];
        if (a.some((x) => c.some((y) => partsOverlap(x, y)))) overlaps.push([i, j]);
      }
    });
    overlaps.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  }
  const gap = differenceM2 > toleranceM2;
  const ok = !gap && overlaps.length === 0 && outside.length === 0 && Math.abs(differenceM2) <= toleranceM2;
  return { ok, containerAreaM2, partsAreaM2, differenceM2, toleranceM2, gap, overlaps, outside };
}
