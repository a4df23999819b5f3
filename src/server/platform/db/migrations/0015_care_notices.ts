/**
 * Care for 一老一小 (care list, visit plans, carers, visits) and notices (通知公告 with one row per household
 * addressed: read, told in person). The care list is the care module's copy of the registry's tagged residents
 * (ids and place codes only; names stay in the registry), so the overdue list is one indexed query on its own
 * table. `next_due_at` is kept up to date on every visit and plan change (never recomputed from all visits).
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE care_subjects (
      resident_id uuid PRIMARY KEY,
      community_code text NOT NULL,
      grid_code text,
      household_id uuid NOT NULL,
      building_id uuid,
      tags jsonb NOT NULL DEFAULT '[]'::jsonb,
      default_days integer NOT NULL CHECK (default_days BETWEEN 1 AND 365),
      override_days integer CHECK (override_days BETWEEN 1 AND 365),
      since timestamptz NOT NULL,
      last_visit_at timestamptz,
      next_due_at timestamptz NOT NULL,
      health_note text CHECK (length(health_note) <= 2000),
      ability_note text CHECK (length(ability_note) <= 2000),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX care_subjects_community_due ON care_subjects (community_code, next_due_at) WHERE active;
    CREATE INDEX care_subjects_grid_due ON care_subjects (grid_code, next_due_at) WHERE active;

    CREATE TABLE care_carers (
      resident_id uuid NOT NULL REFERENCES care_subjects(resident_id),
      account_id uuid NOT NULL,
      community_code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (resident_id, account_id)
    );
    CREATE INDEX care_carers_account ON care_carers (account_id);

    CREATE TABLE care_visits (
      id uuid PRIMARY KEY,
      resident_id uuid NOT NULL REFERENCES care_subjects(resident_id),
      community_code text NOT NULL,
      grid_code text,
      visitor_id uuid,
      visitor_role text NOT NULL,
      visitor_name text NOT NULL,
      visited_at timestamptz NOT NULL,
      lon double precision,
      lat double precision,
      found text NOT NULL CHECK (length(found) BETWEEN 1 AND 2000),
      follow_up text CHECK (length(follow_up) <= 2000),
      problem boolean NOT NULL DEFAULT false,
      case_id uuid UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX care_visits_resident ON care_visits (resident_id, visited_at DESC);
    CREATE INDEX care_visits_community ON care_visits (community_code, visited_at DESC);

    CREATE TABLE notices (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      scope_kind text NOT NULL CHECK (scope_kind IN ('community','compound','building','grid','tag')),
      scope_value text NOT NULL,
      scope_label text NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      urgent boolean NOT NULL,
      sender_id uuid,
      sender_name text NOT NULL,
      households integer NOT NULL CHECK (households > 0),
      sent_at timestamptz NOT NULL
    );
    CREATE INDEX notices_community ON notices (community_code, sent_at DESC);

    CREATE TABLE notice_households (
      notice_id uuid NOT NULL REFERENCES notices(id),
      household_id uuid NOT NULL,
      community_code text NOT NULL,
      grid_code text,
      building_id uuid,
      read_at timestamptz,
      read_by uuid,
      told_at timestamptz,
      told_by uuid,
      PRIMARY KEY (notice_id, household_id)
    );
    CREATE INDEX notice_households_grid ON notice_households (notice_id, grid_code);
    CREATE INDEX notice_households_household ON notice_households (household_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['notice_households', 'notices', 'care_visits', 'care_carers', 'care_subjects'])
    await sql.raw(`DROP TABLE ${t}`).execute(db);
}
