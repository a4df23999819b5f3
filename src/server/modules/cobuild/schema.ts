/** Kysely types of the cobuild tables (merged into the platform's Database type); see migration 0014. */
import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns: pg returns strings, PGlite numbers; repositories normalise. */
type Big = ColumnType<number | string, number, number>;

/** Kinds of partner unit (共建单位). */
export type UnitKind = 'school' | 'hospital' | 'firm' | 'social_org' | 'government' | 'other';
/** Kinds of resource a unit offers. */
export type ResourceKind = 'venue' | 'skill' | 'funds' | 'goods' | 'hours';
/** Where a need came from. */
export type NeedSource = 'resident' | 'case' | 'consult' | 'staff';
/** A need's state: open → claimed (one project) → done. */
export type NeedStatus = 'open' | 'claimed' | 'done' | 'cancelled';
/** Who claimed a need. */
type ClaimantKind = 'unit' | 'team' | 'member';
/** Ledger row kinds of the time bank. */
type HoursKind = 'service' | 'correction' | 'reversal' | 'redemption';
/** Sign-up states. */
export type SignupStatus = 'confirmed' | 'waiting' | 'cancelled';

export interface CobuildUnitsTable {
  id: string;
  community_code: string;
  name: string;
  kind: UnitKind;
  contact_name: string;
  contact_phone: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  description: string;
  published: boolean;
  created_at: Ts;
}
export interface CobuildCommitmentsTable {
  id: string;
  community_code: string;
  unit_id: string;
  year: number;
  title: string;
  target_hours: number | null;
  created_at: Ts;
}
export interface CobuildResourcesTable {
  id: string;
  community_code: string;
  unit_id: string | null;
  kind: ResourceKind;
  category: string;
  title: string;
  amount_fen: Big | null;
  hours: number | null;
  created_at: Ts;
}
export interface CobuildMembersTable {
  id: string;
  community_code: string;
  resident_id: string;
  name: string;
  unit_id: string | null;
  employer: string;
  registered_at: Ts;
}
export interface CobuildNeedsTable {
  id: string;
  community_code: string;
  source: NeedSource;
  source_id: string | null;
  category: string;
  title: string;
  description: string;
  lon: number | null;
  lat: number | null;
  status: NeedStatus;
  created_by: string | null;
  created_at: Ts;
}
export interface CobuildProjectsTable {
  id: string;
  community_code: string;
  need_id: string;
  claimant_kind: ClaimantKind;
  unit_id: string | null;
  member_id: string | null;
  team_name: string | null;
  status: 'claimed' | 'done';
  progress: number;
  summary: string | null;
  claimed_by: string | null;
  claimed_at: Ts;
  completed_at: TsNull;
}
export interface CobuildProjectUpdatesTable {
  id: string;
  project_id: string;
  community_code: string;
  progress: number;
  note: string;
  actor_id: string | null;
  at: Ts;
}
export interface CobuildEvidenceTable {
  id: string;
  project_id: string;
  community_code: string;
  kind: 'photo' | 'signature';
  mime: string;
  bytes: number;
  /** base64 of the image (text, so backups stay plain JSON). */
  data: string;
  signer: string | null;
  actor_id: string | null;
  at: Ts;
}
export interface CobuildVolunteersTable {
  id: string;
  community_code: string;
  resident_id: string;
  /** The resident's log-in, when they have one (demo volunteers may not). */
  account_id: string | null;
  name: string;
  skills: Json<string[]>;
  /** Sum of the volunteer's ledger rows (minutes), kept in the same transaction as each row; CHECK ≥ 0. */
  balance_minutes: Generated<number>;
  created_at: Ts;
}
export interface CobuildActivitiesTable {
  id: string;
  community_code: string;
  title: string;
  description: string;
  place_name: string;
  lon: number;
  lat: number;
  radius_m: number;
  starts_at: Ts;
  ends_at: Ts;
  capacity: number;
  skills: Json<string[]>;
  status: 'open' | 'closed';
  /** Confirmed sign-ups (kept with each sign-up change under the activity's row lock). */
  confirmed: Generated<number>;
  organiser_id: string | null;
  created_at: Ts;
  closed_at: TsNull;
}
export interface CobuildSignupsTable {
  id: string;
  activity_id: string;
  volunteer_id: string;
  community_code: string;
  status: SignupStatus;
  seq: Generated<number | string>;
  created_at: Ts;
  updated_at: Ts;
}
export interface CobuildAttendanceTable {
  activity_id: string;
  volunteer_id: string;
  community_code: string;
  checked_in_at: Ts;
  in_method: 'qr' | 'organiser';
  checked_out_at: TsNull;
  out_method: 'qr' | 'organiser' | 'close' | null;
}
interface CobuildCodeUsesTable {
  activity_id: string;
  volunteer_id: string;
  step: Big;
  action: string;
  at: Ts;
}
export interface CobuildHoursTable {
  id: string;
  community_code: string;
  volunteer_id: string;
  activity_id: string | null;
  kind: HoursKind;
  minutes: number;
  reverses_id: string | null;
  note: string;
  actor_id: string | null;
  at: Ts;
}
interface CobuildSecretsTable {
  name: string;
  secret: string;
  created_at: Ts;
}

/** The cobuild tables. */
export interface CobuildTables {
  cobuild_units: CobuildUnitsTable;
  cobuild_commitments: CobuildCommitmentsTable;
  cobuild_resources: CobuildResourcesTable;
  cobuild_members: CobuildMembersTable;
  cobuild_needs: CobuildNeedsTable;
  cobuild_projects: CobuildProjectsTable;
  cobuild_project_updates: CobuildProjectUpdatesTable;
  cobuild_evidence: CobuildEvidenceTable;
  cobuild_volunteers: CobuildVolunteersTable;
  cobuild_activities: CobuildActivitiesTable;
  cobuild_signups: CobuildSignupsTable;
  cobuild_attendance: CobuildAttendanceTable;
  cobuild_code_uses: CobuildCodeUsesTable;
  cobuild_hours: CobuildHoursTable;
  cobuild_secrets: CobuildSecretsTable;
}
