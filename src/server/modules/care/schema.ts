/** Kysely types of the care tables (merged into the platform's Database type). */
import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Created = ColumnType<Date, Date | string | undefined, never>;

/** One person on the care list: the registry's ids and codes, the plan, and the sensitive notes. */
export interface CareSubjectsTable {
  resident_id: string;
  community_code: string;
  grid_code: string | null;
  household_id: string;
  building_id: string | null;
  /** The care tags the person carries in the registry (独居老人, 空巢老人, 残疾, 留守儿童, 困境儿童 …). */
  tags: Json<string[]>;
  /** Visit interval from the tags (the shortest of the tags' defaults), in days. */
  default_days: number;
  /** Interval set for this person by staff (wins over the default), in days. */
  override_days: number | null;
  /** When the person came on the list (the first visit is due one interval later). */
  since: Ts;
  last_visit_at: TsNull;
  /** coalesce(last_visit_at, since) + interval; kept by every write that changes either. */
  next_due_at: Ts;
  /** Sensitive (PIPL art. 28): health and ability notes, carers only, every read audited. */
  health_note: string | null;
  ability_note: string | null;
  /** False once the person no longer carries a care tag (kept for the visit history). */
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Ts;
}

/** A volunteer or staff account assigned to care for one person (the grid worker of their grid is implicit). */
interface CareCarersTable {
  resident_id: string;
  account_id: string;
  community_code: string;
  created_at: Created;
}

/** One visit: who, when, where (GPS), what was found, the follow-up, and the case it was turned into. */
export interface CareVisitsTable {
  id: string;
  resident_id: string;
  community_code: string;
  grid_code: string | null;
  visitor_id: string | null;
  visitor_role: string;
  visitor_name: string;
  visited_at: Ts;
  lon: number | null;
  lat: number | null;
  found: string;
  follow_up: string | null;
  problem: boolean;
  case_id: string | null;
  created_at: Created;
}

/** The care tables. */
export interface CareTables {
  care_subjects: CareSubjectsTable;
  care_carers: CareCarersTable;
  care_visits: CareVisitsTable;
}
