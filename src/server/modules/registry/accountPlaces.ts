/**
 * What the auth module needs from the registry to manage accounts: place names and kinds for an account's
 * scope, whether a place exists, the districts (and creating the first one for `linli admin create`), whether the
 * demo is loaded, and where a resident is registered. Exported through index.ts; auth never queries registry tables.
 */
import type { Kysely } from 'kysely';
import type { Database, PlaceKind } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';

/** Names of the places with these codes; codes without a place are absent from the map. */
export async function placeNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  return new Map((await repo.placeNamesOf(db, unique)).map((p) => [p.code, p.name]));
}

/** A place's code, kind and names (no boundary), or null when there is no such place. */
export async function placeSummary(
  db: Kysely<Database>,
  code: string,
): Promise<{ code: string; kind: PlaceKind; name: string; nameEn: string | null } | null> {
  const p = await repo.placeHeader(db, code);
  return p ? { code: p.code, kind: p.kind, name: p.name, nameEn: p.name_en } : null;
}

/** Whether a place with this code exists (pass the transaction when inside one). */
export async function placeExists(db: Kysely<Database>, code: string): Promise<boolean> {
  return (await repo.placeHeader(db, code)) !== undefined;
}

/** Codes of every community, in order (the CLI lists them when asked for an unknown one). */
export async function communityCodes(db: Kysely<Database>): Promise<string[]> {
  return (await repo.communityCodes(db)).map((c) => c.code);
}

/** Codes of every district, in order. */
export async function districtCodes(db: Kysely<Database>): Promise<string[]> {
  return (await repo.districtCodes(db)).map((d) => d.code);
}

/**
 * Creates a district (the top of the place tree, no boundary yet) inside the caller's transaction; the caller
 * audits it with the account it creates.
 */
export async function createDistrict(
  trx: Kysely<Database>,
  district: { id: string; code: string; name: string },
): Promise<void> {
  await repo.insertPlace(trx, {
    id: district.id,
    kind: 'district',
    code: district.code,
    parent_code: null,
    name: district.name,
    name_en: null,
    boundary: JSON.stringify(null),
    properties: '{}',
    is_demo: false,
  });
}

/** Whether the demo data (and its published-password accounts) is loaded. */
export async function demoLoaded(db: Kysely<Database>): Promise<boolean> {
  return (await repo.anyDemoPlace(db)) !== undefined;
}

/** The scope of a resident's account: their grid, or their community when they have no grid; null if unknown. */
export async function residentScope(db: Kysely<Database>, residentId: string): Promise<string | null> {
  const r = await repo.residentPlace(db, residentId);
  return r ? (r.grid_code ?? r.community_code) : null;
}
