/** Kysely table types of the consult module (merged into the platform's `Database`). */
import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

/** An int8 column: pg returns a string, PGlite a number or bigint; normalise with `BigInt(v)`. */
type Int8 = ColumnType<string | number | bigint, string | number | bigint, string | number | bigint>;
type Ts = ColumnType<Date, Date | string, Date | string>;

/** The kinds of registry scope a topic or vote covers. */
type ScopeKind = 'community' | 'grid' | 'compound' | 'building';

export interface ConsultTopicsTable {
  id: string;
  community_code: string;
  scope_kind: ScopeKind;
  /** A community or grid code, or a compound or building id. */
  scope_id: string;
  scope_name: string;
  title: string;
  body: string;
  stage: string;
  origin: 'resident' | 'staff' | 'cases';
  raised_by: string | null;
  case_category: string | null;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface ConsultStageDatesTable {
  topic_id: string;
  community_code: string;
  stage: string;
  started_at: Ts;
  note: string | null;
}

interface ConsultTopicCasesTable {
  topic_id: string;
  community_code: string;
  case_id: string;
}

export interface ConsultCommentsTable {
  id: string;
  topic_id: string;
  community_code: string;
  parent_id: string | null;
  account_id: string;
  author: string;
  body: string;
  created_at: Ts;
}

interface ConsultSupportsTable {
  topic_id: string;
  community_code: string;
  account_id: string;
  created_at: Ts;
}

export interface ConsultProposalsTable {
  id: string;
  topic_id: string;
  community_code: string;
  title: string;
  body: string;
  alternatives: Json<string[]>;
  account_id: string | null;
  created_at: Ts;
}

/** Meeting attendance taken from the register: household ids present, and how many of the scope's households. */
export interface Attendance {
  households: string[];
  ofHouseholds: number;
}

export interface ConsultMeetingsTable {
  id: string;
  topic_id: string;
  community_code: string;
  kind: 'council' | 'representatives' | 'owners_assembly';
  held_at: Ts;
  agenda: Json<string[]>;
  attendance: Json<Attendance>;
  minutes: string;
  decisions: Json<string[]>;
  created_at: Ts;
}

export interface ConsultDrawingsTable {
  id: string;
  topic_id: string;
  community_code: string;
  title: string;
  version: number;
  media_type: 'image/png' | 'image/jpeg' | 'image/svg+xml' | 'application/pdf';
  /** base64 of the file (text, so backups stay plain JSON), as case photos. */
  data: string;
  bytes: number;
  sha256: string;
  note: string;
  created_at: Ts;
}

/** One unit of a vote's roll, frozen at opening (area in centi-m²). */
interface ConsultVoteRollTable {
  vote_id: string;
  community_code: string;
  household_id: string;
  label: string;
  area_centi: Int8;
  owner_key: string;
  developer_unsold: boolean;
}

export interface ConsultVotesTable {
  id: string;
  topic_id: string;
  community_code: string;
  project_id: string | null;
  purpose: 'decision' | 'acceptance';
  title: string;
  kind: 'owners' | 'households';
  matter: 'major' | 'ordinary';
  secret: boolean;
  scope_kind: ScopeKind;
  scope_id: string;
  total_area_centi: Int8;
  voters: number;
  opens_at: Ts;
  closes_at: Ts;
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** The stored VoteResult (JSON), set once at close. */
  result: ColumnType<unknown, string | undefined, string>;
  created_at: Ts;
}

export interface ConsultParticipantsTable {
  vote_id: string;
  community_code: string;
  /** The owner key (owners' votes) or the household id (household votes). */
  voter_key: string;
  channel: 'online' | 'paper';
  account_id: string | null;
  paper_serial: string | null;
  /** base64 JPEG of the paper ballot's scan. */
  scan: string | null;
  cast_at: Ts;
}

export interface ConsultBallotsTable {
  /** Random (v4), never time-ordered: the id must not reveal when the ballot was cast. */
  id: string;
  vote_id: string;
  community_code: string;
  /** Null for a secret vote: nothing links the ballot to its voter. */
  voter_key: string | null;
  choice: 'yes' | 'no' | 'abstain';
  weight_area_centi: Int8;
  /** sha256 of the voter's receipt code (secret votes). */
  receipt_hash: string | null;
}

export interface ConsultProjectsTable {
  id: string;
  topic_id: string;
  community_code: string;
  title: string;
  budget_fen: Int8;
  contractor: string;
  lon: number;
  lat: number;
  status: 'active' | 'accepted';
  version: Generated<number>;
  created_at: Ts;
}

export interface ConsultMilestonesTable {
  project_id: string;
  community_code: string;
  seq: number;
  kind: 'design' | 'build' | 'accept';
  starts_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  progress: Generated<number>;
  done_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  reopened: Generated<number>;
}

export interface ConsultProjectPhotosTable {
  id: string;
  project_id: string;
  community_code: string;
  phase: 'before' | 'after';
  media_type: string;
  data: string;
  bytes: number;
  created_at: Ts;
}

/** Every table of the consult module. */
export interface ConsultTables {
  consult_topics: ConsultTopicsTable;
  consult_stage_dates: ConsultStageDatesTable;
  consult_topic_cases: ConsultTopicCasesTable;
  consult_comments: ConsultCommentsTable;
  consult_supports: ConsultSupportsTable;
  consult_proposals: ConsultProposalsTable;
  consult_meetings: ConsultMeetingsTable;
  consult_drawings: ConsultDrawingsTable;
  consult_votes: ConsultVotesTable;
  consult_vote_roll: ConsultVoteRollTable;
  consult_participants: ConsultParticipantsTable;
  consult_ballots: ConsultBallotsTable;
  consult_projects: ConsultProjectsTable;
  consult_milestones: ConsultMilestonesTable;
  consult_project_photos: ConsultProjectPhotosTable;
}
