/**
 * Response schemas of the registry routes that carry personal data. Each resident inside goes through the schema
 * of the viewer's audience (present.ts), so a field no audience lists is dropped and a clear value in a masked
 * view fails the response instead of leaving the server.
 */
import { z } from 'zod';
import { featureCollectionOf, featureOf, geometrySchema } from '../../platform/http/geojsonSchemas.ts';
import { fullResidentSchema, maskedResidentSchema, protectedResidentSchema, residentViewSchema } from './present.ts';

/** The household page: the household and its residents, each through the presenter of the viewer's audience. */
export const householdDetailSchema = z.object({
  household: z.object({
    id: z.string(),
    gridCode: z.string().nullable(),
    communityCode: z.string(),
    buildingId: z.string().nullable(),
    buildingName: z.string().nullable(),
    unit: z.string(),
    room: z.string(),
    areaM2: z.number(),
    areaSource: z.string(),
    ownerName: z.string(),
    version: z.number().int(),
  }),
  residents: z.array(residentViewSchema),
});
/** A page of households (staff and auditors in scope: no phone, ID or birth date in it). */
export const householdPage = z.object({
  total: z.number().int(),
  /** Keyset cursor of the next page; null on the last (see platform/http/cursor.ts). */
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      gridCode: z.string().nullable(),
      buildingName: z.string().nullable(),
      unit: z.string(),
      room: z.string(),
      areaM2: z.number(),
      ownerName: z.string(),
      residents: z.number().int(),
    }),
  ),
});
/** One resident, as the viewer's audience sees it. */
export const oneResident = z.object({ resident: residentViewSchema });
const address = z.string();
/** A page of search hits: a resident view and the address. */
export const residentPage = z.object({
  total: z.number().int(),
  /** Keyset cursor of the next page; null on the last (see platform/http/cursor.ts). */
  nextCursor: z.string().nullable(),
  items: z.array(
    z.union([fullResidentSchema, maskedResidentSchema, protectedResidentSchema].map((a) => a.extend({ address }))),
  ),
});

/** Population counts of a place or grid (elderly: 60 and over; children: under 14). */
const statsSchema = z
  .object({
    households: z.number().int(),
    residents: z.number().int(),
    elderly: z.number().int(),
    children: z.number().int(),
    livingAlone: z.number().int(),
  })
  .meta({ id: 'Stats' });

const placeRef = z.object({
  code: z.string(),
  kind: z.enum(['district', 'street', 'community', 'grid']),
  name: z.string(),
  nameEn: z.string().nullable(),
});

/** GET /api/places/:code: the place, its children and statistics (null when the viewer may not see them). */
export const placeDetailBody = z
  .object({
    place: placeRef.extend({
      parentCode: z.string().nullable(),
      boundary: geometrySchema.nullable(),
      isDemo: z.boolean(),
      properties: z.record(z.string(), z.unknown()),
    }),
    children: z.array(placeRef),
    stats: statsSchema.nullable(),
  })
  .meta({ id: 'PlaceDetail' });

/** The 三无 flags and the property manager of a compound (小区/楼院). */
const compoundFlags = {
  formerSanwu: z.boolean(),
  noPropertyManager: z.boolean(),
  noResponsibleBody: z.boolean(),
  noOwnersCommittee: z.boolean(),
  propertyManager: z.string().nullable(),
};

/** GET /api/grids/:code: a grid's card. */
export const gridDetailBody = z
  .object({
    grid: z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      boundary: geometrySchema.nullable(),
      communityCode: z.string().nullable(),
    }),
    /** Work contacts of the grid's workers. */
    workers: z.array(z.object({ displayName: z.string(), phone: z.string().nullable() })),
    /** null when the viewer may not see statistics (residents). */
    stats: statsSchema.nullable(),
    compounds: z.array(z.object({ id: z.string(), name: z.string(), ...compoundFlags, note: z.string().nullable() })),
  })
  .meta({ id: 'GridDetail' });

/** GET /api/places/:code/map: the GeoJSON layers of a community (WGS-84). */
export const communityMapBody = z
  .object({
    community: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), isDemo: z.boolean() }),
    boundary: featureOf(z.object({ code: z.string(), name: z.string() })).nullable(),
    grids: featureCollectionOf(
      z.object({ code: z.string(), name: z.string(), seq: z.number().int(), workerName: z.string().nullable() }),
    ),
    compounds: featureCollectionOf(
      z.object({ id: z.string(), name: z.string(), gridCode: z.string().nullable(), ...compoundFlags }),
    ),
    buildings: featureCollectionOf(
      z.object({
        id: z.string(),
        name: z.string(),
        floors: z.number().int(),
        compoundId: z.string().nullable(),
        gridCode: z.string().nullable(),
        use: z.string(),
      }),
    ),
    roads: featureCollectionOf(z.object({ name: z.string().nullable(), highway: z.string() })),
    facilities: featureCollectionOf(z.object({ id: z.string(), category: z.string(), name: z.string() })),
  })
  .meta({ id: 'CommunityMap' });
