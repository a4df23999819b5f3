/** Response schemas of the geo routes: point → grid, and the GeoJSON import format of grids and compounds. */
import { z } from 'zod';
import { featureCollectionOf } from '../../platform/http/geojsonSchemas.ts';

const placeName = z.object({ code: z.string(), name: z.string() });

/** GET /api/geo/locate: the WGS-84 point and the grid and community containing it (null outside every one). */
export const locateBody = z
  .object({
    wgs84: z.tuple([z.number(), z.number()]),
    grid: placeName.nullable(),
    community: placeName.nullable(),
  })
  .meta({ id: 'Located' });

/** A compound's properties in the import/export format. */
const compoundProps = z.object({
  name: z.string(),
  noPropertyManager: z.boolean(),
  noResponsibleBody: z.boolean(),
  noOwnersCommittee: z.boolean(),
  formerSanwu: z.boolean(),
  propertyManager: z.string().nullable(),
  note: z.string().nullable(),
});

/** GET /api/places/:code/geojson: grids (code, name) or compounds (name, 三无 flags) as GeoJSON. */
export const areasExport = {
  description: 'A FeatureCollection (WGS-84) in the import format',
  content: { 'application/geo+json': { schema: featureCollectionOf(z.union([compoundProps, placeName])) } },
};

/** POST /api/places/:code/geojson: what the import created and updated (grids: buildings re-homed too). */
export const areasImported = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rehomedBuildings: z.number().int().optional(),
});
