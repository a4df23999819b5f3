/**
 * The owner roll of a scope and where a resident lives, for the consult module's votes and topics (other modules
 * do not query registry tables). Areas stay integer centi-m²; the developer's unsold units are the register's
 * units with owner key 'developer' (see demo/generate.ts and the households table comment).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';
import type { RollScope } from './repository/roll.ts';

export type { RollScope } from './repository/roll.ts';

/** The owner key the register gives a developer's unsold or undelivered units (SPC interpretation art. 9). */
const DEVELOPER_OWNER_KEY = 'developer';

/** One exclusive unit of a roll. */
export interface RollUnit {
  householdId: string;
  /** "building-unit-room", unique within the roll. */
  label: string;
  gridCode: string | null;
  buildingId: string | null;
  compoundId: string | null;
  areaCenti: number;
  /** '' when the register names no owner. */
  ownerKey: string;
  ownerName: string;
  developerUnsold: boolean;
}

/** The scope's name and every household in it; null when the scope is not in the community. */
export async function scopeRoll(
  db: Kysely<Database>,
  communityCode: string,
  scope: RollScope,
): Promise<{ name: string; units: RollUnit[] } | null> {
  const name = await repo.scopeName(db, communityCode, scope);
  if (name === undefined) return null;
  const rows = await repo.householdsOfScope(db, communityCode, scope);
  const seen = new Set<string>();
  const units = rows.map((r) => {
    let label = `${r.building_name ?? '—'}-${r.unit}-${r.room}`;
    if (seen.has(label)) label = `${label}#${r.id.slice(-6)}`;
    seen.add(label);
    return {
      householdId: r.id,
      label,
      gridCode: r.grid_code,
      buildingId: r.building_id,
      compoundId: r.compound_id,
      areaCenti: r.area_centi_m2,
      ownerKey: r.owner_key.trim(),
      ownerName: r.owner_name,
      developerUnsold: r.owner_key === DEVELOPER_OWNER_KEY,
    };
  });
  return { name, units };
}

/** Where a resident lives, and whether they are the registered owner of their household (same name). */
export interface ResidentPlace {
  residentId: string;
  residentName: string;
  householdId: string;
  communityCode: string;
  gridCode: string | null;
  buildingId: string | null;
  compoundId: string | null;
  ownerKey: string;
  isOwner: boolean;
}

/** The resident's household and place; null when the resident is not registered. */
export async function residentPlace(db: Kysely<Database>, residentId: string): Promise<ResidentPlace | null> {
  const r = await repo.residentPlaceRow(db, residentId);
  if (!r) return null;
  return {
    residentId: r.resident_id,
    residentName: r.resident_name,
    householdId: r.household_id,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    buildingId: r.building_id,
    compoundId: r.compound_id,
    ownerKey: r.owner_key.trim(),
    isOwner: r.owner_key.trim() !== '' && r.owner_name === r.resident_name,
  };
}

/** Whether a resident's place lies in a scope. */
export function placeInScope(p: ResidentPlace, communityCode: string, scope: RollScope): boolean {
  if (p.communityCode !== communityCode) return false;
  if (scope.kind === 'community') return scope.id === communityCode;
  if (scope.kind === 'grid') return p.gridCode === scope.id;
  if (scope.kind === 'compound') return p.compoundId === scope.id;
  return p.buildingId === scope.id;
}

/** The compounds of a community (id, name, grid, former 三无楼院). */
export async function communityCompounds(db: Kysely<Database>, communityCode: string) {
  return (await repo.compoundsOfCommunity(db, communityCode)).map((c) => ({
    id: c.id,
    name: c.name,
    gridCode: c.grid_code,
    formerSanwu: c.former_sanwu,
  }));
}
