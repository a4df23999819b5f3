/**
 * What the demo cases (cases/demoCases.ts) need from the registry: the demo community's buildings to report at and
 * its residents who phone the hotline. Exported through index.ts; read-only, in a stable order so the demo is the
 * same on every run.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository/seed.ts';

/** A building of a community: name, grid, point (WGS-84) and its compound's name. */
export interface DemoBuilding {
  name: string;
  grid_code: string | null;
  lon: number;
  lat: number;
  compound: string | null;
}

/** The community's buildings ordered by name and longitude (so picks do not depend on random ids). */
export function demoBuildings(db: Kysely<Database>, communityCode: string): Promise<DemoBuilding[]> {
  return repo.buildingsWithCompound(db, communityCode);
}

/** Up to `limit` residents born before `bornBefore` (ISO date) who have a phone, ordered by name and phone. */
export function demoContacts(
  db: Kysely<Database>,
  communityCode: string,
  bornBefore: string,
  limit: number,
): Promise<{ name: string; phone: string | null; grid_code: string | null }[]> {
  return repo.residentsWithPhone(db, communityCode, bornBefore, limit);
}
