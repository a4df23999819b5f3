/**
 * What the care and notices modules read from the register (they never query registry tables themselves):
 * residents carrying care tags, residents and households with their homes, the households of a notice scope,
 * building points for a walking order and the places a scope picker offers. Read-only; callers authorise.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { ageOn, shanghaiDate } from './domain/age.ts';
import * as repo from './repository.ts';
import type { HouseholdScope } from './repository.ts';

export type { HouseholdScope } from './repository.ts';

/** A resident carrying a care tag: ids and codes only (no name). */
export interface TaggedResident {
  residentId: string;
  communityCode: string;
  gridCode: string | null;
  householdId: string;
  buildingId: string | null;
  tags: string[];
}

/** Residents of a community carrying any of `tags`. */
export async function residentsWithTags(
  db: Kysely<Database>,
  communityCode: string,
  tags: readonly string[],
): Promise<TaggedResident[]> {
  if (!tags.length) return [];
  return (await repo.residentsTagged(db, communityCode, tags)).map((r) => ({
    residentId: r.id,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    householdId: r.household_id,
    buildingId: r.building_id,
    tags: r.tags,
  }));
}

/** A resident with the home they live in, as of `now` (age in whole years, Asia/Shanghai calendar). */
export interface ResidentHome {
  residentId: string;
  name: string;
  gender: 'male' | 'female';
  phone: string | null;
  age: number;
  tags: string[];
  communityCode: string;
  gridCode: string | null;
  householdId: string;
  buildingId: string | null;
  /** "3号楼 2-301" (building, unit-room). */
  address: string;
  lon: number | null;
  lat: number | null;
}

/** Residents by id with their homes (missing ids are left out). */
export async function residentHomes(
  db: Kysely<Database>,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, ResidentHome>> {
  const today = shanghaiDate(now);
  const rows = await repo.residentsWithHome(db, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        residentId: r.id,
        name: r.name,
        gender: r.gender,
        phone: r.phone,
        age: ageOn(r.birth_date, today),
        tags: r.tags,
        communityCode: r.community_code,
        gridCode: r.grid_code,
        householdId: r.household_id,
        buildingId: r.building_id,
        address: `${r.building ?? ''} ${r.unit}-${r.room}`.trim(),
        lon: r.lon,
        lat: r.lat,
      },
    ]),
  );
}

/** A household addressed by a notice. */
export interface ScopedHousehold {
  householdId: string;
  gridCode: string | null;
  buildingId: string | null;
}

/** The households of one community inside a scope (empty when the scope holds none). */
export async function householdsInScope(
  db: Kysely<Database>,
  communityCode: string,
  scope: HouseholdScope,
): Promise<ScopedHousehold[]> {
  return (await repo.householdsIn(db, communityCode, scope)).map((h) => ({
    householdId: h.id,
    gridCode: h.grid_code,
    buildingId: h.building_id,
  }));
}

/** A household with its address and the point of its building (for walk lists). */
export interface HouseholdHome {
  householdId: string;
  ownerName: string;
  gridCode: string | null;
  buildingId: string | null;
  building: string | null;
  unit: string;
  room: string;
  lon: number | null;
  lat: number | null;
}

/** Households by id with their addresses. */
export async function householdHomes(db: Kysely<Database>, ids: readonly string[]): Promise<HouseholdHome[]> {
  return (await repo.householdsWithBuilding(db, [...new Set(ids)])).map((h) => ({
    householdId: h.id,
    ownerName: h.owner_name,
    gridCode: h.grid_code,
    buildingId: h.building_id,
    building: h.building,
    unit: h.unit,
    room: h.room,
    lon: h.lon,
    lat: h.lat,
  }));
}

/** The buildings of a community with their points, grids and compounds (ordered by name). */
export async function buildingPoints(
  db: Kysely<Database>,
  communityCode: string,
): Promise<
  { id: string; name: string; lon: number; lat: number; gridCode: string | null; compoundId: string | null }[]
> {
  return (await repo.buildingPointsOf(db, communityCode)).map((b) => ({
    id: b.id,
    name: b.name,
    lon: b.lon,
    lat: b.lat,
    gridCode: b.grid_code,
    compoundId: b.compound_id,
  }));
}

/** The grids and compounds of a community (for a scope picker). */
export async function communityParts(
  db: Kysely<Database>,
  communityCode: string,
): Promise<{ grids: { code: string; name: string }[]; compounds: { id: string; name: string }[] }> {
  const [grids, compounds] = await Promise.all([
    repo.placesUnder(db, communityCode, 'grid'),
    repo.compoundsUnder(db, communityCode),
  ]);
  return {
    grids: grids.map((g) => ({ code: g.code, name: g.name })),
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** A building or compound by id: its name and community (null when unknown). */
export async function buildingOrCompoundById(
  db: Kysely<Database>,
  kind: 'building' | 'compound',
  id: string,
): Promise<{ id: string; name: string; communityCode: string } | null> {
  const r = await repo.buildingOrCompound(db, kind, id);
  return r ? { id: r.id, name: r.name, communityCode: r.community_code } : null;
}

/** The communities under a place code (a street, a district), or the community itself: code and name. */
export async function communitiesUnder(db: Kysely<Database>, code: string): Promise<{ code: string; name: string }[]> {
  return (await repo.placesUnder(db, code.slice(0, 12), 'community')).map((p) => ({ code: p.code, name: p.name }));
}
