/**
 * The registry's public functions for other modules (they must not query registry tables themselves).
 * Read-only but for `createDistrict` (the first administrator's district); callers authorise first.
 */
import type { Kysely } from 'kysely';
import type { Polygon, LineString } from 'geojson';
import type { Database } from '../../platform/db/schema.ts';
import { bornAfterForAge, CHILD_AGE, ELDERLY_AGE, shanghaiDate } from './domain/age.ts';
import { matchAddress } from './domain/address.ts';
import { buildGridIndex } from './domain/geo/gridIndex.ts';
import * as repo from './repository.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo/accounts.ts';
import { generateDemoCommunity } from './demo/generate.ts';

export { can as canRegistry } from './permissions.ts';
export { maskPhone } from '../../../shared/mask.ts';
export {
  createDistrict,
  demoLoaded,
  communityCodes,
  districtCodes,
  placeExists,
  placeNames,
  placeSummary,
  residentScope,
} from './accountPlaces.ts';
export { residentHome, suggestsElderMode } from './residentHome.ts';
export { demoBuildings, demoContacts } from './demoPlaces.ts';
export { registryIsEmpty, seedRegistryDemo } from './seed.ts';
// For the composition root (app.ts) and the CLI. The registry never imports auth (auth imports this file): the
// accounts functions it needs come in as `RegistryAccounts` (context.ts).
export { registryRoutes } from './routes.ts';
export { Locator } from './locator.ts';
export type { Ctx, RegistryAccounts } from './context.ts';
export { exportLedger, fileToRows, importLedger, rowsToFile } from './ledgerService.ts';
export { exportAreas, importCompounds, importGrids } from './geoService.ts';

/** Registered demand of one building: households, people, elderly (60+) and children (<14) as of `now`. */
export interface BuildingDemand {
  id: string;
  name: string;
  lon: number;
  lat: number;
  floors: number;
  use: string;
  gridCode: string | null;
  footprint: Polygon | null;
  households: number;
  people: number;
  elderly: number;
  children: number;
}

/** Every building of a community with its registered households and residents (zeros when none). */
export async function buildingDemand(
  db: Kysely<Database>,
  communityCode: string,
  now: Date,
): Promise<BuildingDemand[]> {
  const today = shanghaiDate(now);
  const rows = await repo.buildingDemand(
    db,
    communityCode,
    bornAfterForAge(ELDERLY_AGE, today),
    bornAfterForAge(CHILD_AGE, today),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    lon: r.lon,
    lat: r.lat,
    floors: r.floors,
    use: r.use,
    gridCode: r.grid_code,
    footprint: r.footprint,
    households: r.households,
    people: r.people,
    elderly: r.elderly,
    children: r.children,
  }));
}

/** A registered service facility (WGS-84). */
export interface RegistryFacility {
  id: string;
  category: string;
  name: string;
  lon: number;
  lat: number;
  source: string;
}

/** The facilities registered for a community. */
export async function communityFacilities(db: Kysely<Database>, communityCode: string): Promise<RegistryFacility[]> {
  return (await repo.facilitiesOfCommunity(db, communityCode)).map((f) => ({
    id: f.id,
    category: f.category,
    name: f.name,
    lon: f.lon,
    lat: f.lat,
    source: f.source,
  }));
}

/** The community's walkable ways (GeoJSON LineStrings sharing vertices where they meet). */
export async function communityRoads(
  db: Kysely<Database>,
  communityCode: string,
): Promise<{ id: string; name: string | null; highway: string; line: LineString }[]> {
  return (await repo.roadsOfCommunity(db, communityCode)).map((r) => ({
    id: r.id,
    name: r.name,
    highway: r.highway,
    line: r.line,
  }));
}

/** Spaces freed by renewal, usable as candidate sites for new facilities. */
export async function candidateSites(
  db: Kysely<Database>,
  communityCode: string,
): Promise<{ id: string; name: string; lon: number; lat: number; areaM2: number; note: string | null }[]> {
  return (await repo.candidateSitesOfCommunity(db, communityCode)).map((s) => ({
    id: s.id,
    name: s.name,
    lon: s.lon,
    lat: s.lat,
    areaM2: s.area_m2,
    note: s.note,
  }));
}

/** The building a household lives in (null when unknown). */
export async function householdBuilding(
  db: Kysely<Database>,
  householdId: string,
): Promise<{ buildingId: string | null; communityCode: string } | null> {
  const h = await repo.getHousehold(db, householdId);
  return h ? { buildingId: h.building_id, communityCode: h.community_code } : null;
}

/** A place (community, grid…) by code: kind, names and boundary. */
export async function placeByCode(db: Kysely<Database>, code: string) {
  const p = await repo.getPlace(db, code);
  return p
    ? { code: p.code, kind: p.kind, name: p.name, nameEn: p.name_en, boundary: p.boundary, isDemo: p.is_demo }
    : null;
}

/** A registered place an address resolved to: a point (WGS-84) and the grid to route a case to. */
export interface ResolvedAddress {
  kind: 'building' | 'compound';
  id: string;
  name: string;
  /** The compound's name (the coarse public place). */
  compound: string | null;
  lon: number;
  lat: number;
  communityCode: string;
  gridCode: string | null;
}

/**
 * Resolves an address inside a community: `id` is a building id (an Open311 address_id), `text` a free-text
 * address matched against compound and building names and their usual spellings (domain/address.ts). A
 * compound resolves to the mean of its buildings (or of its boundary's vertices). Null when nothing matches.
 */
export async function resolveAddress(
  db: Kysely<Database>,
  communityCode: string,
  q: { id?: string | undefined; text?: string | undefined },
): Promise<ResolvedAddress | null> {
  const [buildings, compounds] = await Promise.all([
    repo.buildingsOfCommunity(db, communityCode),
    repo.compoundsUnder(db, communityCode),
  ]);
  const compoundName = new Map(compounds.map((c) => [c.id, c.name]));
  const fromBuilding = (b: (typeof buildings)[number]): ResolvedAddress => ({
    kind: 'building',
    id: b.id,
    name: b.name,
    compound: b.compound_id ? (compoundName.get(b.compound_id) ?? null) : null,
    lon: b.lon,
    lat: b.lat,
    communityCode: b.community_code,
    gridCode: b.grid_code,
  });
  if (q.id) {
    const b = buildings.find((x) => x.id === q.id);
    if (b) return fromBuilding(b);
  }
  if (!q.text) return null;
  const hit = matchAddress(q.text, [
    ...buildings.map((b) => ({ kind: 'building' as const, id: b.id, name: b.name })),
    ...compounds.map((c) => ({ kind: 'compound' as const, id: c.id, name: c.name })),
  ]);
  if (!hit) return null;
  if (hit.kind === 'building') return fromBuilding(buildings.find((b) => b.id === hit.id)!);
  const c = compounds.find((x) => x.id === hit.id)!;
  const own = buildings.filter((b) => b.compound_id === c.id);
  // every outer ring's vertices (a compound may be a MultiPolygon of several parts)
  const outer = !c.boundary ? [] : c.boundary.type === 'Polygon' ? [c.boundary.coordinates] : c.boundary.coordinates;
  const ring = outer.flatMap((poly) => poly[0]?.slice(0, -1) ?? []);
  const pts = own.length ? own.map((b) => [b.lon, b.lat]) : ring;
  if (!pts.length) return null;
  const mean = (i: number) => pts.reduce((s, p) => s + (p[i] ?? 0), 0) / pts.length;
  return {
    kind: 'compound',
    id: c.id,
    name: c.name,
    compound: c.name,
    lon: mean(0),
    lat: mean(1),
    communityCode: c.community_code,
    gridCode: c.grid_code,
  };
}

/** The compound name each point lies in (null outside every compound), for points of the given communities. */
export async function compoundNamesAt(
  db: Kysely<Database>,
  points: readonly { communityCode: string; lon: number; lat: number }[],
): Promise<(string | null)[]> {
  const communities = [...new Set(points.map((p) => p.communityCode))];
  const compounds = (await Promise.all(communities.map((c) => repo.compoundsUnder(db, c)))).flat();
  const withBoundary = compounds.filter((c) => c.boundary !== null);
  if (!withBoundary.length) return points.map(() => null);
  const names = new Map(withBoundary.map((c) => [c.id, c.name]));
  const index = buildGridIndex(withBoundary.map((c) => ({ id: c.id, geometry: c.boundary! })));
  return points.map((p) => {
    const id = index.locate(p.lon, p.lat);
    return id ? (names.get(id) ?? null) : null;
  });
}

export { DEMO_PASSWORD };

/** The demo seed's logins (usernames and their shared password), for the start-up banner. */
export function demoLogins(): { usernames: string[]; password: string } {
  return { usernames: demoAccounts(generateDemoCommunity()).map((a) => a.username), password: DEMO_PASSWORD };
}

/** A register entry as other modules may link to it (cobuild: volunteers and 双报到 party members). */
export interface ResidentBrief {
  id: string;
  name: string;
  communityCode: string;
  gridCode: string | null;
  householdId: string;
}

/** A resident by id: name and place only (no phone, ID number or birth date); null when unknown. */
export async function residentBrief(db: Kysely<Database>, id: string): Promise<ResidentBrief | null> {
  const r = await repo.getResident(db, id);
  return r
    ? { id: r.id, name: r.name, communityCode: r.community_code, gridCode: r.grid_code, householdId: r.household_id }
    : null;
}

/** Up to `limit` residents of a community born between two dates (YYYY-MM-DD, inclusive), in a stable order. */
export async function residentsBornBetween(
  db: Kysely<Database>,
  communityCode: string,
  bornFrom: string,
  bornTo: string,
  limit: number,
): Promise<ResidentBrief[]> {
  return (await repo.adultsOfCommunity(db, communityCode, bornFrom, bornTo, limit)).map((r) => ({
    id: r.id,
    name: r.name,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    householdId: r.household_id,
  }));
}
export {
  buildingOrCompoundById,
  buildingPoints,
  communitiesUnder,
  communityParts,
  householdHomes,
  householdsInScope,
  residentHomes,
  residentsWithTags,
  type HouseholdScope,
  type ResidentHome,
} from './links.ts';
export { DEMO_COMMUNITY_CODE } from './demo/generate.ts';
export {
  communityCompounds,
  placeInScope,
  residentPlace,
  scopeRoll,
  type ResidentPlace,
  type RollScope,
} from './roll.ts';
