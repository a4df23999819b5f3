/** Kysely types of the cases tables (merged into the platform's Database type). */
import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';
import type { Level } from './domain/levels.ts';
import type { Status } from './domain/workflow.ts';
import type { Limit } from './domain/calendar.ts';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CasesTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  handler_code: string;
  level: Level;
  status: Status;
  category_code: string;
  urgent: boolean;
  description: string;
  address: string | null;
  lon: number;
  lat: number;
  reporter_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  hide_name: boolean;
  source: 'resident' | 'patrol' | 'hotline' | 'open311' | 'staff';
  patrol_id: string | null;
  tags: Json<string[]>;
  accept_by: TsNull;
  resolve_by: Ts;
  supervised: boolean;
  pending_extension: ColumnType<
    { amount: number; unit: Limit['unit']; reason: string } | null,
    string | null,
    string | null
  >;
  rework_count: number;
  extension_count: number;
  escalation_count: number;
  accepted_at: TsNull;
  accepted_on_time: boolean | null;
  resolved_at: TsNull;
  closed_at: TsNull;
  closed_on_time: boolean | null;
  rating: number | null;
  rating_comment: string | null;
  merged_into: string | null;
  open311_token: string | null;
  last_note: string | null;
  /** The latest note its author marked as a reply to the public (last_note may be internal). */
  public_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The Open311 client's media_url (a link, never fetched by the server). */
  media_url: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Ts;
  updated_at: Ts;
}

export interface CaseEventsTable {
  id: string /** insertion order (ties within one millisecond) */;
  seq: Generated<number>;
  case_id: string;
  community_code: string;
  type: string;
  from_status: Status | null;
  to_status: Status | null;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  note: string | null;
  data: Json<Record<string, unknown>>;
  at: Ts;
}

export interface CasePhotosTable {
  id: string;
  case_id: string;
  event_id: string | null;
  community_code: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** base64 of the re-encoded JPEG (text, so backups stay plain JSON). */
  data: string;
  created_at: Ts;
}

interface CaseSupportersTable {
  case_id: string;
  account_id: string;
  community_code: string;
  created_at: Ts;
}
interface CaseNotificationsTable {
  id: string;
  account_id: string;
  case_id: string;
  community_code: string;
  type: string;
  status: Status;
  read_at: TsNull;
  created_at: Ts;
}
interface CaseEscalationJobsTable {
  case_id: string;
  kind: 'accept' | 'resolve';
  level: Level;
  community_code: string;
  due_at: Ts;
  done_at: TsNull;
  result: string | null;
  /** Failed runs since the job was (re-)armed; parked after MAX_JOB_ATTEMPTS. */
  attempts: Generated<number>;
  last_error: string | null;
  /** Not run before this time after a failure (backoff). */
  next_attempt_at: TsNull;
  /** Set when the job failed too often: kept and shown to staff, not retried until someone re-arms it. */
  parked_at: TsNull;
}
interface CaseIdempotencyTable {
  owner: string;
  key: string;
  request_hash: string;
  case_id: string | null;
  community_code: string;
  created_at: Ts;
}
export interface CasePatrolsTable {
  id: string;
  community_code: string;
  grid_code: string | null;
  account_id: string;
  started_at: Ts;
  ended_at: TsNull;
  /** [lon, lat, epoch ms] WGS-84. */
  track: Json<[number, number, number][]>;
  distance_m: number;
}
interface CaseApiKeysTable {
  id: string;
  key_hash: string;
  name: string;
  community_code: string;
  /** Browser origins allowed to POST with this key (CORS); reads are open to any origin. */
  origins: ColumnType<string[], string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** One year of the working calendar (migration 0010): holidays and 调休 days, importable by district admins. */
interface CalendarYearsTable {
  year: number;
  holidays: ColumnType<string[], string, string>;
  workdays: ColumnType<string[], string, string>;
  provisional: boolean;
  source: string;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

/** The cases tables, merged into `Database`. */
export interface CaseTables {
  calendar_years: CalendarYearsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_photos: CasePhotosTable;
  case_supporters: CaseSupportersTable;
  case_notifications: CaseNotificationsTable;
  case_escalation_jobs: CaseEscalationJobsTable;
  case_idempotency: CaseIdempotencyTable;
  case_patrols: CasePatrolsTable;
  case_api_keys: CaseApiKeysTable;
}
