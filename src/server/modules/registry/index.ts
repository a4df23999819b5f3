/**
 * The registry's public functions for other modules (they must not query registry tables themselves).
 * Read-only; callers authorise first.
 */
import type { Kysely } from 'kysely';
import type { Polygon, LineString } from 'geojson';
import type { Database } from '../../platform/db/schema.ts';
import { bornAfterForAge, CHILD_AGE, ELDERLY_AGE, shanghaiDate } from './domain/age.ts';
import * as repo from './repository.ts';

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
