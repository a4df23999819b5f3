import type { Home } from './types.ts';

/**
 * Assumptions to estimate residents from a building footprint where no registry exists. Defaults:
 * 90 m² gross floor area per dwelling, 2.62 people per household (China 2020 census), 18.7 % aged 60+
 * and 17.95 % aged 0–14 (2020 census), 3 storeys when `building:levels` is not tagged. All local:
 * pass city values from config.
 */
export interface HouseholdAssumptions {
  readonly m2PerHousehold: number;
  readonly peoplePerHousehold: number;
  readonly elderlyShare: number;
  readonly childrenShare: number;
  readonly defaultLevels: number;
  /** Building kinds (OSM `building=*`) that house nobody. */
  readonly nonResidential: ReadonlySet<string>;
}

/** Default assumptions (see {@link HouseholdAssumptions}). */
export const DEFAULT_HOUSEHOLD_ASSUMPTIONS: HouseholdAssumptions = {
  m2PerHousehold: 90,
  peoplePerHousehold: 2.62,
  elderlyShare: 0.187,
  childrenShare: 0.1795,
  defaultLevels: 3,
  nonResidential: new Set([
    'commercial',
    'industrial',
    'retail',
    'office',
    'warehouse',
    'garage',
    'garages',
    'shed',
    'roof',
    'church',
    'chapel',
    'cathedral',
    'mosque',
    'temple',
    'school',
    'university',
    'kindergarten',
    'hospital',
    'train_station',
    'transportation',
    'parking',
    'service',
    'hangar',
    'greenhouse',
    'barn',
    'civic',
    'government',
    'public',
    'sports_hall',
    'stadium',
    'construction',
    'ruins',
    'hotel',
    'kiosk',
    'toilets',
    'bunker',
    'carport',
    'stable',
    'farm_auxiliary',
  ]),
};

/** Minimal building description the estimate needs (matches the OSM import's `Building`). */
export interface BuildingLike {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly areaM2: number;
  readonly levels: number | null;
  readonly kind?: string;
  /** Mapped entrances `[lon0, lat0, …]` (carried to the home so it enters the network through them). */
  readonly entrances?: readonly number[];
}

/**
 * Estimate a building's households and residents from its footprint × storeys. Non-residential kinds
 * get zeros (they stay in the list so they are still drawn and snapped). Fractional results are kept:
 * rounding per building would bias small buildings to zero.
 */
export function estimateFromBuildingArea(
  b: BuildingLike,
  a: HouseholdAssumptions = DEFAULT_HOUSEHOLD_ASSUMPTIONS,
): Home {
  const residential = b.kind === undefined || !a.nonResidential.has(b.kind);
  const floor = residential ? Math.max(0, b.areaM2) * (b.levels ?? a.defaultLevels) : 0;
  const households = floor / a.m2PerHousehold;
  const people = households * a.peoplePerHousehold;
  return {
    id: b.id,
    lon: b.lon,
    lat: b.lat,
    ...(b.entrances !== undefined && b.entrances.length >= 2 ? { entrances: b.entrances } : {}),
    households,
    people,
    elderly: people * a.elderlyShare,
    children: people * a.childrenShare,
  };
}
