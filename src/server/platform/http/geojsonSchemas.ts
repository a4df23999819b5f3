/**
 * GeoJSON in response schemas. A geometry is passed through as stored (any GeoJSON geometry type: its coordinates
 * are not personal data and the web reads them with the `geojson` types); a feature's properties are listed per layer,
 * so a layer cannot carry a property its schema does not name.
 */
import { z } from 'zod';

/** A GeoJSON geometry (WGS-84), passed through whole; the web's generated types use `geojson`'s Geometry. */
export const geometrySchema = z
  .object({
    type: z.string(),
    coordinates: z.unknown().optional(),
    /** A GeometryCollection's members. */
    geometries: z.unknown().optional(),
    bbox: z.unknown().optional(),
  })
  .meta({ id: 'Geometry', 'x-geojson': 'Geometry' });

/** A geometry of one GeoJSON type (e.g. MultiPolygon); the web's generated types use geojson's type of that name. */
export function geometryOf<T extends 'MultiLineString' | 'MultiPolygon'>(type: T) {
  return z
    .object({ type: z.literal(type), coordinates: z.array(z.unknown()), bbox: z.unknown().optional() })
    .meta({ 'x-geojson': type });
}

/** A GeoJSON Feature whose properties are exactly `properties`. */
export function featureOf<P extends z.ZodType>(properties: P) {
  return z.object({ type: z.literal('Feature'), geometry: geometrySchema, properties });
}

/** A GeoJSON FeatureCollection of features whose properties are exactly `properties`. */
export function featureCollectionOf<P extends z.ZodType>(properties: P) {
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(featureOf(properties)) });
}
