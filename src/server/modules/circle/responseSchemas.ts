/** Response schemas of /api/circle: coverage, map layers, walking areas, site search, what-if and imports. */
import { z } from 'zod';
import { featureCollectionOf, geometryOf } from '../../platform/http/geojsonSchemas.ts';

const level = z.enum(['block', '5min', '10min', '15min']);
/** Counts of demand (households, people, elderly 60+, children under 14); fractional where estimated. */
const demand = z.object({ households: z.number(), people: z.number(), elderly: z.number(), children: z.number() });

/** A walking network: the community's own roads or an OSM import. */
const networkInfoSchema = z
  .object({ name: z.string(), source: z.enum(['roads', 'osm']), attribution: z.string().nullable() })
  .meta({ id: 'CircleNetwork' });

/** A category with its GB 50180 level and distance. */
const category = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  level,
  maxDistanceM: z.number(),
  required: z.boolean(),
});

const networkStats = z.object({
  nodes: z.number(),
  edges: z.number(),
  km: z.number(),
  buildings: z.number(),
  pois: z.number(),
  osmNodes: z.number(),
  osmWays: z.number(),
  importMs: z.number(),
});

/** GET /api/circle/categories. */
export const categoriesBody = z.object({
  categories: z.array(category),
  profiles: z.array(z.object({ id: z.string(), speedMps: z.number(), stepsFactor: z.number().nullable() })),
  minutes: z.array(z.number()),
});

/** GET /api/circle/:code/networks: the roads network, then each OSM import with its statistics. */
export const networksBody = z.object({
  networks: z.array(
    z.union([
      networkInfoSchema.extend({
        source: z.literal('osm'),
        fileName: z.string().nullable(),
        stats: networkStats,
        bytes: z.number().int(),
        importedAt: z.date(),
      }),
      networkInfoSchema,
    ]),
  ),
});

/** POST /api/circle/:code/networks: the stored import. */
export const networkImported = z.object({
  id: z.string(),
  name: z.string(),
  stats: networkStats,
  bytes: z.number().int(),
  attribution: z.string(),
});

/** GET /api/circle/:code/coverage: the whole matrix and the GB gaps. */
export const coverageSchema = z
  .object({
    community: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    isDemo: z.boolean(),
    network: networkInfoSchema,
    totals: demand,
    homes: z.number().int(),
    estimatedHomes: z.number().int(),
    profiles: z.array(z.object({ id: z.string(), speedMps: z.number() })),
    thresholds: z.array(z.string()),
    categories: z.array(category.extend({ facilities: z.number().int() })),
    rows: z.array(
      z.object({
        category: z.string(),
        profile: z.string(),
        threshold: z.string(),
        thresholdM: z.number(),
        share: demand,
        covered: demand,
      }),
    ),
    gaps: z.array(
      z.object({
        category: z.string(),
        level,
        facilities: z.number().int(),
        householdShare: z.number(),
        status: z.enum(['absent', 'partial']),
      }),
    ),
    farFacilities: z.array(
      z.object({ id: z.string(), category: z.string(), name: z.string(), lon: z.number(), lat: z.number() }),
    ),
    farHomes: z.number().int(),
    ms: z.number(),
  })
  .meta({ id: 'CircleCoverage' });

/** GET /api/circle/:code/network: the walking network's edges (steps flagged). */
export const networkLinesSchema = featureCollectionOf(z.object({ steps: z.boolean() }))
  .extend({ network: networkInfoSchema })
  .meta({ id: 'CircleNetworkLines' });

/** GET /api/circle/:code/layer: buildings with metres/minutes to the nearest facility, and the facilities. */
export const layerSchema = z
  .object({
    network: networkInfoSchema,
    category: z.string(),
    profile: z.string(),
    gbMetres: z.number(),
    homes: featureCollectionOf(
      z.object({
        id: z.string(),
        name: z.string(),
        metres: z.number().nullable(),
        minutes: z.number().nullable(),
        nearest: z.string().nullable(),
        households: z.number(),
        people: z.number(),
        elderly: z.number(),
        children: z.number(),
        estimated: z.boolean(),
        covered: z.boolean(),
      }),
    ),
    facilities: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        lon: z.number(),
        lat: z.number(),
        source: z.string(),
        far: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CircleLayer' });

/** GET /api/circle/:code/buildings/:id/nearest. */
export const nearestBody = z.object({
  building: z.object({ id: z.string(), name: z.string(), lon: z.number(), lat: z.number() }),
  network: networkInfoSchema,
  nearest: z.array(
    z.object({
      category: z.string(),
      profile: z.string(),
      facilityId: z.string().nullable(),
      metres: z.number().nullable(),
      minutes: z.number().nullable(),
      facilityName: z.string().nullable(),
      level,
      gbMetres: z.number(),
      withinGb: z.boolean(),
    }),
  ),
});

/** GET /api/circle/:code/area: the reached edges and their outline. */
export const walkAreaSchema = z
  .object({
    network: networkInfoSchema,
    start: z.tuple([z.number(), z.number()]),
    label: z.string().nullable(),
    profile: z.string(),
    minutes: z.number(),
    limitM: z.number(),
    reachedEdges: z.number().int(),
    lines: geometryOf('MultiLineString'),
    polygon: geometryOf('MultiPolygon'),
    ms: z.number(),
  })
  .meta({ id: 'CircleWalkArea' });

/** POST /api/circle/:code/sites: greedy picks and, on small instances, the exact optimum. */
export const sitesSchema = z
  .object({
    network: networkInfoSchema,
    category: z.string(),
    profile: z.string(),
    k: z.number().int(),
    candidateKind: z.enum(['freed', 'vacant', 'any']),
    candidates: z.number().int(),
    farCandidates: z.array(z.object({ id: z.string(), name: z.string() })),
    weights: z.object({
      base: z.enum(['households', 'people', 'none']),
      elderly: z.number(),
      children: z.number(),
    }),
    uncovered: z.number(),
    greedy: z.object({ covered: z.number(), ms: z.number() }),
    exact: z
      .object({
        covered: z.number(),
        optimal: z.boolean(),
        ms: z.number(),
        picks: z.array(z.string()),
        gapPct: z.number(),
      })
      .nullable(),
    picks: z.array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        name: z.string(),
        kind: z.enum(['freed', 'vacant', 'any']),
        lon: z.number(),
        lat: z.number(),
        weight: z.number(),
        gain: demand.extend({ homes: z.number() }),
      }),
    ),
  })
  .meta({ id: 'CircleSites' });

/** Per threshold key (`gb`, `min5` …): the demand covered and its share of the total. */
const coverageByThreshold = z.record(z.string(), z.object({ covered: demand, share: demand }));

/** POST /api/circle/:code/whatif: coverage per threshold before and after the change. */
export const whatIfSchema = z
  .object({
    network: networkInfoSchema,
    category: z.string(),
    profile: z.string(),
    totals: demand,
    gbMetres: z.number(),
    before: coverageByThreshold,
    after: coverageByThreshold,
    ms: z.object({ prepare: z.number(), whatIf: z.number() }),
    walkMetres: z.object({ min5: z.number() }),
  })
  .meta({ id: 'CircleWhatIf' });

/** POST /api/circle/:code/facilities: how many facilities the import stored. */
export const facilitiesImported = z.object({
  imported: z.number().int(),
  replaced: z.number().int(),
  batchId: z.string(),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']),
});
