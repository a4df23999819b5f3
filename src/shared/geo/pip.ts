/**
 * Fast point-in-polygon over flattened typed arrays — the inner loop of the grid lookup.
 *
 * Layout: `coords` holds x, y pairs; ring r spans vertices `ringStart[r] .. ringStart[r + 1] − 1`
 * and is stored closed (last vertex = first). A polygon (or MultiPolygon) is a run of rings;
 * the test is even-odd over all of them, so holes and multiple parts need no special case.
 */
import { polygonParts, type MultiPolygon, type Polygon } from './types.ts';

/** Result of {@link pointInRings}: 1 inside, 0 on the boundary, −1 outside. */
export type PipResult = 1 | 0 | -1;

/**
 * Crossing-number test with half-open edges. Each edge is evaluated from its lower endpoint, so
 * an edge shared by two polygons gives both the bit-identical side decision: a tiling assigns
 * every point of its union to exactly one polygon, however the float rounding falls. Points the
 * arithmetic puts exactly on an edge (cross product 0), on a vertex or on a horizontal edge
 * return 0.
 */
export function pointInRings(
  coords: Float64Array,
  ringStart: Uint32Array,
  firstRing: number,
  endRing: number,
  x: number,
  y: number,
): PipResult {
  let inside = false;
  for (let r = firstRing; r < endRing; r++) {
    const end = (ringStart[r + 1] as number) * 2;
    let k = (ringStart[r] as number) * 2;
    let x1 = coords[k] as number;
    let y1 = coords[k + 1] as number;
    for (k += 2; k < end; k += 2) {
      const x2 = coords[k] as number;
      const y2 = coords[k + 1] as number;
      if (y1 > y !== y2 > y) {
        const cr = y1 < y2 ? (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) : (x1 - x2) * (y - y2) - (x - x2) * (y1 - y2);
        if (cr === 0) return 0;
        if (cr > 0) inside = !inside;
      } else if (y1 === y && (x1 === x || (y2 === y && x1 < x !== x2 < x))) {
        return 0;
      }
      x1 = x2;
      y1 = y2;
    }
  }
  return inside ? 1 : -1;
}

/**
 * {@link pointInRings} for one GeoJSON Polygon or MultiPolygon (holes and parts included), for callers that
 * test a few points and need no prebuilt index.
 */
export function pointInPolygon(lon: number, lat: number, geom: Polygon | MultiPolygon): PipResult {
  const rings = polygonParts(geom).flat();
  const ringStart = new Uint32Array(rings.length + 1);
  let n = 0;
  rings.forEach((r, i) => {
    ringStart[i] = n;
    n += r.length;
  });
  ringStart[rings.length] = n;
  const coords = new Float64Array(n * 2);
  let k = 0;
  for (const r of rings)
    for (const p of r) {
      coords[k++] = p[0] ?? Number.NaN;
      coords[k++] = p[1] ?? Number.NaN;
    }
  return pointInRings(coords, ringStart, 0, rings.length, lon, lat);
}
