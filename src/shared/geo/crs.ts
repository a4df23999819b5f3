import type { CRSTypes } from 'gcoord';
import * as gcoordModule from 'gcoord';
import type { Geometry, Position } from './types.ts';

/**
 * Coordinate reference systems seen at the edge of the platform (docs/domain.md §4):
 * `wgs84` — OSM, Tianditu (CGCS2000 is treated as WGS-84: they differ by centimetres);
 * `gcj02` — Amap, Tencent, WeChat `getLocation('gcj02')`; `bd09` — Baidu.
 * Everything is stored in WGS-84; convert once, at the edge.
 */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** The part of gcoord we use. Typed by hand because its CommonJS typings do not match NodeNext ESM interop. */
interface Gcoord {
  transform(input: [number, number], from: CRSTypes, to: CRSTypes): [number, number];
  WGS84: CRSTypes;
  GCJ02: CRSTypes;
  BD09: CRSTypes;
}
/**
 * gcoord (pure functions only). A CommonJS package: under Node's ESM loader its exports object is the
 * namespace's `default`; a bundler may hand over the object itself. No `node:module` here, so this file stays
 * usable outside Node.
 */
const loaded = gcoordModule as unknown as Gcoord & { default?: Gcoord };
export const gcoord: Gcoord = loaded.default ?? loaded;

const ALIASES: Readonly<Record<string, Crs>> = {
  WGS84: 'wgs84',
  WGS1984: 'wgs84',
  EPSG4326: 'wgs84',
  CGCS2000: 'wgs84',
  EPSG4490: 'wgs84',
  GCJ02: 'gcj02',
  AMAP: 'gcj02',
  BD09: 'bd09',
  BD09LL: 'bd09',
  BAIDU: 'bd09',
};

/**
 * Parse a CRS name from user input or an import file header.
 * Case, spaces, `-`, `_` and `:` are ignored, so `EPSG:4326`, `gcj-02`, `bd_09` all parse.
 * @returns the canonical CRS, or `null` when unknown (including BD-09 Mercator, which we do not accept).
 */
export function parseCrs(s: unknown): Crs | null {
  if (typeof s !== 'string') return null;
  const key = s
    .trim()
    .toUpperCase()
    .replace(/[\s\-_:]/g, '');
  return ALIASES[key] ?? null;
}

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * Convert one coordinate to WGS-84 degrees.
 * GCJ-02/BD-09 offsets are only applied inside China (gcoord's rule); outside they are identity.
 * Round-trip error is below 1e-6° (≈ 0.1 m).
 */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [x, y];
}

function convertPosition(p: Position, crs: Crs): Position {
  const [x, y] = toWgs84(p[0] ?? Number.NaN, p[1] ?? Number.NaN, crs);
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

/**
 * Convert a Point, LineString, Polygon or MultiPolygon to WGS-84.
 * Always returns a new geometry of the same type (input is not mutated); altitudes are kept.
 */
export function convertGeometryToWgs84<G extends Geometry>(geom: G, crs: Crs): G {
  const conv = (p: Position): Position => convertPosition(p, crs);
  switch (geom.type) {
    case 'Point':
      return { ...geom, coordinates: conv(geom.coordinates) };
    case 'LineString':
      return { ...geom, coordinates: geom.coordinates.map(conv) };
    case 'Polygon':
      return { ...geom, coordinates: geom.coordinates.map((r) => r.map(conv)) };
    case 'MultiPolygon':
      return { ...geom, coordinates: geom.coordinates.map((pg) => pg.map((r) => r.map(conv))) };
  }
}

/** True when `lon`/`lat` are finite degrees with lon in [−180, 180] and lat in [−90, 90]. */
export function validLonLat(lon: unknown, lat: unknown): boolean {
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= -180 &&
    lon <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}

/**
 * Rough mainland-China bounding box check (73–136° E, 3–54° N), used to catch swapped lon/lat
 * or wrong-CRS inputs. Not a border test: parts of neighbouring countries pass.
 */
export function insideChina(lon: number, lat: number): boolean {
  return validLonLat(lon, lat) && lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;
}
