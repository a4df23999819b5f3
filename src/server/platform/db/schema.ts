/**
 * Kysely table types. Every tenant table carries `community_code` (or a place code) so the schema can be
 * distributed by that key (Citus) without redesign. jsonb columns are written as JSON strings (the same on
 * pg and PGlite) and read back as values.
 */
import type { ColumnType, Generated } from 'kysely';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { CaseTables } from '../../modules/cases/schema.ts';
import type { CircleTables } from '../../modules/circle/schema.ts';
import type { CobuildTables } from '../../modules/cobuild/schema.ts';
import type { CareTables } from '../../modules/care/schema.ts';
import type { NoticeTables } from '../../modules/notices/schema.ts';
import type { FundTables } from '../../modules/fund/schema.ts';
import type { ShopTables } from '../../modules/shop/schema.ts';
import type { ConsultTables } from '../../modules/consult/schema.ts';

/** A jsonb column: reads as T, written as a JSON string. */
import type { Json } from './columns.ts';
type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

/** Levels of the place tree that are administrative areas (the rest are compounds/buildings/households). */
export type PlaceKind = 'district' | 'street' | 'community' | 'grid';

export interface PlacesTable {
  id: string;
  kind: PlaceKind;
  /** GB/T 2260 (6), statistical (9/12) or unit-grid (14/15) code; its prefix is its parent's code. */
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string | null;
  /** A grid, community or compound may be several separate parts (a MultiPolygon); every part is kept. */
  boundary: Json<Polygon | MultiPolygon | null>;
  /** Free attributes: e.g. a grid's `exclusive` (专属网格) institution. */
  properties: Json<Record<string, unknown>>;
  is_demo: boolean;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface CompoundsTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  name: string;
  boundary: Json<Polygon | MultiPolygon | null>;
  no_property_manager: boolean;
  no_responsible_body: boolean;
  no_owners_committee: boolean;
  property_manager: string | null;
  former_sanwu: boolean;
  note: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface BuildingsTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  compound_id: string | null;
  name: string;
  floors: number;
  units: number;
  use: string;
  footprint: Json<Polygon | null>;
  lon: number;
  lat: number;
  created_at: Created;
}

export interface HouseholdsTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  building_id: string | null;
  unit: string;
  room: string;
  /** Exclusive floor area in m² × 100 (integer, exact for art. 278 tallies). */
  area_centi_m2: number;
  area_source: 'register' | 'survey' | 'contract';
  owner_name: string;
  /** Owners counted as one for art. 278 headcount share this key (developer units, multi-unit buyers). */
  owner_key: string;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface ResidentsTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  household_id: string;
  name: string;
  gender: 'male' | 'female';
  phone: string | null;
  id_number: string | null;
  birth_date: string;
  relation: string;
  tags: Json<string[]>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface FacilitiesTable {
  id: string;
  community_code: string;
  category: string;
  name: string;
  lon: number;
  lat: number;
  source: string;
  created_at: Created;
}

export interface RoadsTable {
  id: string;
  community_code: string;
  name: string | null;
  highway: string;
  line: Json<LineString>;
}

export interface CandidateSitesTable {
  id: string;
  community_code: string;
  name: string;
  lon: number;
  lat: number;
  area_m2: number;
  note: string | null;
}

/** The account roles live in src/shared/roles.ts (pure code and the web use them too). */
import type { Role } from '../../../shared/roles.ts';

export interface AccountsTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  /** Code of the place node the account acts within (grid/community/street/district). */
  scope_code: string;
  resident_id: string | null;
  phone: string | null;
  disabled: Generated<boolean>;
  /** Set when someone else chose the password (account created or reset by an administrator). */
  must_change_password: Generated<boolean>;
  /** Elder mode (长辈版) as the person chose it; null until they have chosen. */
  elder_mode: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  created_at: Created;
  updated_at: Updated;
}

export interface SessionsTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: Created;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  scope_code: string | null;
  before: Json<unknown>;
  after: Json<unknown>;
  ip: string | null;
  /** Position in the hash chain (1, 2, 3 … no gaps); set by the chain trigger (0007), never by the app. */
  seq: Generated<number>;
  /** Hash of the previous row (64 zeros for the first); set by the trigger. */
  prev_hash: Generated<string>;
  /** SHA-256 hex of prev_hash ‖ canonical row text; set by the trigger. */
  hash: Generated<string>;
}

/** The single row holding the audit chain's last seq and hash (written only by the chain trigger). */
interface AuditChainHeadTable {
  one: Generated<boolean>;
  seq: number;
  hash: string;
}

/** The whole database as Kysely sees it. */
export interface Database
  extends CaseTables,
    CircleTables,
    CobuildTables,
    CareTables,
    NoticeTables,
    FundTables,
    ShopTables,
    ConsultTables {
  places: PlacesTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  facilities: FacilitiesTable;
  roads: RoadsTable;
  candidate_sites: CandidateSitesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
}
