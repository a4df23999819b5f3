/**
 * Where a resident lives, for other modules that act on a resident's behalf (the cases module's one-press help
 * opens its case at the resident's building). Exported through index.ts; no other module reads residents.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';

/** A resident's tags and home: the building's point (WGS-84, null when the household has no building) and name. */
export interface ResidentHome {
  tags: string[];
  lon: number | null;
  lat: number | null;
  building: string | null;
  unit: string | null;
  room: string | null;
}

/** The resident's tags and home, or undefined when there is no such resident. */
export function residentHome(db: Kysely<Database>, residentId: string): Promise<ResidentHome | undefined> {
  return repo.residentHome(db, residentId);
}
