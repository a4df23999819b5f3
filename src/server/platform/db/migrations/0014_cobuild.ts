/**
 * 大党委引领、社会化共建 (issue 12, items 1–2): partner units, 双报到 party members, the three lists (needs,
 * resources, projects with evidence), volunteers, activities with sign-ups and a waiting list, QR check-in, and
 * the time-bank ledger. The ledger is append-only: corrections are reversal rows, one service row per
 * (activity, volunteer), each row reversed at most once, and the balance kept beside it can never go below 0.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE cobuild_units (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('school','hospital','firm','social_org','government','other')),
      contact_name text NOT NULL,
      contact_phone text,
      address text,
      lon double precision,
      lat double precision,
      description text NOT NULL DEFAULT '',
      published boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_units_community ON cobuild_units (community_code, name);
    CREATE TABLE cobuild_commitments (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      unit_id text NOT NULL REFERENCES cobuild_units(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      title text NOT NULL,
      target_hours integer CHECK (target_hours >= 0),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_commitments_unit ON cobuild_commitments (unit_id, year);
    CREATE TABLE cobuild_resources (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      unit_id text REFERENCES cobuild_units(id),
      kind text NOT NULL CHECK (kind IN ('venue','skill','funds','goods','hours')),
      category text NOT NULL,
      title text NOT NULL,
      amount_fen bigint CHECK (amount_fen >= 0),
      hours integer CHECK (hours >= 0),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_resources_community ON cobuild_resources (community_code, category);
    CREATE TABLE cobuild_members (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      resident_id text NOT NULL UNIQUE,
      name text NOT NULL,
      unit_id text REFERENCES cobuild_units(id),
      employer text NOT NULL,
      registered_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_members_unit ON cobuild_members (unit_id);
    CREATE TABLE cobuild_needs (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      source text NOT NULL CHECK (source IN ('resident','case','consult','staff')),
      source_id text,
      category text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      lon double precision,
      lat double precision,
      status text NOT NULL CHECK (status IN ('open','claimed','done','cancelled')),
      created_by text,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_needs_community ON cobuild_needs (community_code, status, created_at);
    CREATE UNIQUE INDEX cobuild_needs_case ON cobuild_needs (source_id) WHERE source = 'case';
    CREATE TABLE cobuild_projects (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      need_id text NOT NULL UNIQUE REFERENCES cobuild_needs(id),
      claimant_kind text NOT NULL CHECK (claimant_kind IN ('unit','team','member')),
      unit_id text REFERENCES cobuild_units(id),
      member_id text REFERENCES cobuild_members(id),
      team_name text,
      status text NOT NULL CHECK (status IN ('claimed','done')),
      progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
      summary text,
      claimed_by text,
      claimed_at timestamptz NOT NULL,
      completed_at timestamptz
    );
    CREATE INDEX cobuild_projects_community ON cobuild_projects (community_code, status);
    CREATE INDEX cobuild_projects_unit ON cobuild_projects (unit_id, status);
    CREATE TABLE cobuild_project_updates (
      id text PRIMARY KEY,
      project_id text NOT NULL REFERENCES cobuild_projects(id),
      community_code text NOT NULL,
      progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
      note text NOT NULL,
      actor_id text,
      at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_project_updates_project ON cobuild_project_updates (project_id, at);
    CREATE TABLE cobuild_evidence (
      id text PRIMARY KEY,
      project_id text NOT NULL REFERENCES cobuild_projects(id),
      community_code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('photo','signature')),
      mime text NOT NULL,
      bytes integer NOT NULL,
      data text NOT NULL,
      signer text,
      actor_id text,
      at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_evidence_project ON cobuild_evidence (project_id, at);
    CREATE TABLE cobuild_volunteers (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      resident_id text NOT NULL UNIQUE,
      account_id text UNIQUE,
      name text NOT NULL,
      skills jsonb NOT NULL,
      balance_minutes integer NOT NULL DEFAULT 0 CHECK (balance_minutes >= 0),
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cobuild_volunteers_community ON cobuild_volunteers (community_code, name);
    CREATE TABLE cobuild_activities (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      place_name text NOT NULL,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      radius_m integer NOT NULL CHECK (radius_m BETWEEN 10 AND 5000),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
      skills jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open','closed')),
      confirmed integer NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
      organiser_id text,
      created_at timestamptz NOT NULL,
      closed_at timestamptz,
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX cobuild_activities_community ON cobuild_activities (community_code, starts_at);
    CREATE TABLE cobuild_signups (
      id text PRIMARY KEY,
      activity_id text NOT NULL REFERENCES cobuild_activities(id),
      volunteer_id text NOT NULL REFERENCES cobuild_volunteers(id),
      community_code text NOT NULL,
      status text NOT NULL CHECK (status IN ('confirmed','waiting','cancelled')),
      seq bigserial NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (activity_id, volunteer_id)
    );
    CREATE INDEX cobuild_signups_waiting ON cobuild_signups (activity_id, status, seq);
    CREATE INDEX cobuild_signups_volunteer ON cobuild_signups (volunteer_id);
    CREATE TABLE cobuild_attendance (
      activity_id text NOT NULL REFERENCES cobuild_activities(id),
      volunteer_id text NOT NULL REFERENCES cobuild_volunteers(id),
      community_code text NOT NULL,
      checked_in_at timestamptz NOT NULL,
      in_method text NOT NULL CHECK (in_method IN ('qr','organiser')),
      checked_out_at timestamptz,
      out_method text CHECK (out_method IN ('qr','organiser','close')),
      PRIMARY KEY (activity_id, volunteer_id)
    );
    CREATE TABLE cobuild_code_uses (
      activity_id text NOT NULL,
      volunteer_id text NOT NULL,
      step bigint NOT NULL,
      action text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (activity_id, volunteer_id, step)
    );
    CREATE TABLE cobuild_hours (
      id text PRIMARY KEY,
      community_code text NOT NULL,
      volunteer_id text NOT NULL REFERENCES cobuild_volunteers(id),
      activity_id text REFERENCES cobuild_activities(id),
      kind text NOT NULL CHECK (kind IN ('service','correction','reversal','redemption')),
      minutes integer NOT NULL,
      reverses_id text UNIQUE REFERENCES cobuild_hours(id),
      note text NOT NULL DEFAULT '',
      actor_id text,
      at timestamptz NOT NULL,
      CHECK (
        (kind IN ('service','correction') AND minutes >= 0 AND activity_id IS NOT NULL AND reverses_id IS NULL)
        OR (kind = 'redemption' AND minutes < 0 AND reverses_id IS NULL)
        OR (kind = 'reversal' AND reverses_id IS NOT NULL)
      )
    );
    CREATE UNIQUE INDEX cobuild_hours_service ON cobuild_hours (activity_id, volunteer_id) WHERE kind = 'service';
    CREATE INDEX cobuild_hours_volunteer ON cobuild_hours (volunteer_id, at);
    CREATE INDEX cobuild_hours_community ON cobuild_hours (community_code, at);
    CREATE FUNCTION cobuild_hours_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'cobuild_hours is append-only: correct by a reversal row';
    END $$;
    CREATE TRIGGER cobuild_hours_no_rewrite BEFORE UPDATE OR DELETE ON cobuild_hours
      FOR EACH ROW EXECUTE FUNCTION cobuild_hours_append_only();
    CREATE TABLE cobuild_secrets (
      name text PRIMARY KEY,
      secret text NOT NULL,
      created_at timestamptz NOT NULL
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'cobuild_secrets',
    'cobuild_hours',
    'cobuild_code_uses',
    'cobuild_attendance',
    'cobuild_signups',
    'cobuild_activities',
    'cobuild_volunteers',
    'cobuild_evidence',
    'cobuild_project_updates',
    'cobuild_projects',
    'cobuild_needs',
    'cobuild_members',
    'cobuild_resources',
    'cobuild_commitments',
    'cobuild_units',
  ])
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  await sql`DROP FUNCTION cobuild_hours_append_only()`.execute(db);
}
