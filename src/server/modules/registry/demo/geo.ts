/**
 * Local planar frame for the demo: metres east (x) and north (y) of the community's south-west corner,
 * mapped to WGS-84 by a plate carrée fitted at latitude 38.94° (error ≪ 1 m over 1.2 km).
 * The placement is approximate: just north of the Drum Tower (鼓楼, ≈100.452 E, 38.936 N) of Zhangye.
 */
import type { LineString, Polygon, Position } from 'geojson';

/** Metres per degree of latitude at 38.94° N. */
const M_PER_DEG_LAT = 111_014;
/** Metres per degree of longitude at 38.94° N. */
const M_PER_DEG_LON = 86_701;
/** Longitude of the local origin (x = 0); x = 610 m, the central lane, sits at ≈100.452 E. */
const ORIGIN_LON = 100.452 - 610 / M_PER_DEG_LON;
/** Latitude of the local origin (y = 0), ≈150 m north of the Drum Tower. */
const ORIGIN_LAT = 38.9373;

/** Round to 1e-7° (≈1 cm) so output is compact and identical inputs give identical coordinates. */
const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Local metres → WGS-84 `[lon, lat]`. Deterministic: equal inputs give bit-identical outputs. */
export function toLonLat(x: number, y: number): [number, number] {
  return [r7(ORIGIN_LON + x / M_PER_DEG_LON), r7(ORIGIN_LAT + y / M_PER_DEG_LAT)];
}

/** WGS-84 `[lon, lat]` → local metres `[x, y]` (inverse of {@link toLonLat} up to rounding). */
export function toLocal(p: Position): [number, number] {
  return [((p[0] ?? 0) - ORIGIN_LON) * M_PER_DEG_LON, ((p[1] ?? 0) - ORIGIN_LAT) * M_PER_DEG_LAT];
}

/** A polygon from a counter-clockwise ring of local points (closed automatically). */
export function polygonFromLocal(ring: readonly (readonly [number, number])[]): Polygon {
  const coords = ring.map(([x, y]) => toLonLat(x, y));
  const first = coords[0];
  if (first) coords.push([first[0], first[1]]);
  return { type: 'Polygon', coordinates: [coords] };
}

/** Axis-aligned rectangle polygon in local metres. */
export function rectPolygon(x0: number, y0: number, x1: number, y1: number): Polygon {
  return polygonFromLocal([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
}

/** A line string through local points. */
export function lineFromLocal(points: readonly (readonly [number, number])[]): LineString {
  return { type: 'LineString', coordinates: points.map(([x, y]) => toLonLat(x, y)) };
}

/** Area of a polygon's outer ring in square metres (shoelace in the local frame). */
export function polygonAreaM2(poly: Polygon): number {
  const ring = poly.coordinates[0] ?? [];
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = toLocal(ring[i] ?? []);
    const [bx, by] = toLocal(ring[i + 1] ?? []);
    s += ax * by - bx * ay;
  }
  return Math.abs(s) / 2;
}
