/**
 * Minimal GeoJSON geometry types used by the registry geo domain.
 * Positions are WGS-84 `[lon, lat]` in degrees (an optional third element is ignored).
 * Structurally compatible with `@types/geojson`, but kept local so the domain has no type dependency.
 */

/** A GeoJSON position: `[lon, lat]` (degrees), optionally followed by altitude, which is ignored. */
export type Position = number[];

/** GeoJSON Point. */
interface Point {
  type: 'Point';
  coordinates: Position;
}

/** GeoJSON LineString. */
interface LineString {
  type: 'LineString';
  coordinates: Position[];
}

/** GeoJSON Polygon: first ring is the outer boundary, the others are holes; rings are closed. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

/** GeoJSON MultiPolygon: a list of polygons (each a list of closed rings). */
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

/** The geometries the registry accepts. */
export type Geometry = Point | LineString | Polygon | MultiPolygon;

/** Bounding box `[minLon, minLat, maxLon, maxLat]` in degrees. */
export type BBox = [number, number, number, number];

/** Polygon parts of a Polygon or MultiPolygon as a list of ring lists, so callers need not branch on type. */
export function polygonParts(geom: Polygon | MultiPolygon): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}
