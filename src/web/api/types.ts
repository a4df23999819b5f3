/** Shapes returned by the Linli HTTP API (see the server's OpenAPI at /docs). */
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';

/** Account roles, as the server names them (one definition for server and web: src/shared/roles.ts). */
import type { Role } from '../../shared/roles.ts';
export type { Role };

/** A place reference (district, street, community or grid). */
export interface PlaceRef {
  code: string;
  kind: string;
  name: string;
  nameEn: string | null;
}

/** The logged-in account; `csrfToken` must accompany every non-GET request. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  residentId: string | null;
  householdId: string | null;
  scope: PlaceRef;
  csrfToken: string;
  /** The password was set by an administrator: only the change-password form until it is replaced. */
  mustChangePassword?: boolean;
}

/** Population counts of a place or grid. */
export interface Stats {
  households: number;
  residents: number;
  /** Aged 60 and over. */
  elderly: number;
  /** Under 14. */
  children: number;
  livingAlone: number;
}

/** GET /api/places/:code */
export interface PlaceResponse {
  place: PlaceRef & { parentCode: string | null; boundary: Geometry | null };
  children: PlaceRef[];
  stats: Stats;
}

/** GET /api/places/:code/map */
export interface CommunityMapData {
  community: { code: string; name: string; nameEn: string | null; isDemo: boolean };
  boundary: Feature | null;
  grids: FeatureCollection<Polygon, { code: string; name: string; seq: number; workerName: string | null }>;
  compounds: FeatureCollection;
  buildings: FeatureCollection;
  roads: FeatureCollection;
  facilities: FeatureCollection;
}

/** A compound (小区/楼院) summary. */
export interface CompoundSummary {
  id: string;
  name: string;
  formerSanwu?: boolean;
  noPropertyManager?: boolean;
  [k: string]: unknown;
}

/** GET /api/grids/:code */
export interface GridResponse {
  grid: { code: string; name: string; nameEn?: string | null; communityCode?: string; boundary: Geometry | null };
  workers: { displayName: string; phone: string | null }[];
  /** null when the viewer may not see statistics (residents). */
  stats: Stats | null;
  compounds: CompoundSummary[];
}

/** A household row in a list. */
export interface HouseholdItem {
  id: string;
  gridCode: string;
  buildingName: string;
  unit: string;
  room: string;
  areaM2: number;
  ownerName: string;
  residents: number;
}

/** A household with its version (optimistic locking). */
export interface Household {
  id: string;
  gridCode: string;
  communityCode: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  areaM2: number;
  areaSource: string;
  ownerName: string;
  version: number;
}

/** A resident as the server presents it (already masked for the viewer). */
export interface Resident {
  id: string;
  householdId: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string | null;
  idNumber: string | null;
  birthDate: string | null;
  age: number | null;
  relation: string | null;
  tags: string[];
  /** True for a child under 14 whose data this viewer may not see. */
  protected: boolean;
  version: number;
}

/** GET /api/households/:id */
export interface HouseholdResponse {
  household: Household;
  residents: Resident[];
}

/** A page of items: `nextCursor` asks for the next page (null on the last), `total` counts every match. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** A resident search hit. */
export type ResidentHit = Resident & { gridCode: string; address: string };

/** One refused row of an import. */
export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** POST /api/registry/import success. */
export interface ImportResult {
  households: { created: number; updated: number };
  residents: { created: number; updated: number };
}

/** One audit entry. */
export interface AuditEntry {
  id: string;
  at: string;
  actorRole: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  scopeCode: string | null;
  /** True for a recorded read of personal data (action `read`). */
  read: boolean;
  before: unknown;
  after: unknown;
}

/** GET /api/settings */
export interface ClientSettings {
  tileUrl: string | null;
  tileAttribution: string | null;
}
