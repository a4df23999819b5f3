/** Kysely table types of the circle module (merged into the platform's `Database`). */
import type { ColumnType } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

/** Summary of an imported network, kept beside the binary bundle so listing does not decode it. */
export interface NetworkStats {
  nodes: number;
  edges: number;
  km: number;
  buildings: number;
  pois: number;
  osmNodes: number;
  osmWays: number;
  importMs: number;
}

interface CircleNetworksTable {
  id: string;
  community_code: string;
  name: string;
  source: 'osm';
  file_name: string | null;
  stats: Json<NetworkStats>;
  /** `encodeGraph` output: CSR graph + buildings + POIs. */
  bundle: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  bytes: number;
  imported_at: ColumnType<Date, Date | string, Date | string>;
  imported_by: string | null;
}

interface CircleFacilitiesTable {
  id: string;
  community_code: string;
  category: string;
  name: string;
  lon: number;
  lat: number;
  source: string;
  batch_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The circle module's tables. */
export interface CircleTables {
  circle_networks: CircleNetworksTable;
  circle_facilities: CircleFacilitiesTable;
}
