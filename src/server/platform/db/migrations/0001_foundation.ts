/** Places, registry, accounts, sessions and the append-only audit log. */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE places (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('district','street','community','grid')),
      code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}([0-9]{3})?([0-9]{3})?([0-9]{2,3})?$'),
      parent_code text REFERENCES places(code),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      name_en text,
      boundary jsonb,
      properties jsonb NOT NULL DEFAULT '{}'::jsonb,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX places_parent ON places(parent_code);

    CREATE TABLE compounds (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text REFERENCES places(code),
      name text NOT NULL,
      boundary jsonb,
      no_property_manager boolean NOT NULL DEFAULT false,
      no_responsible_body boolean NOT NULL DEFAULT false,
      no_owners_committee boolean NOT NULL DEFAULT false,
      property_manager text,
      former_sanwu boolean NOT NULL DEFAULT false,
      note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_code, name)
    );

    CREATE TABLE buildings (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text REFERENCES places(code),
      compound_id uuid REFERENCES compounds(id),
      name text NOT NULL,
      floors integer NOT NULL CHECK (floors BETWEEN 1 AND 200),
      units integer NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 50),
      use text NOT NULL DEFAULT 'residential',
      footprint jsonb,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (community_code, name)
    );
    CREATE INDEX buildings_grid ON buildings(grid_code);

    CREATE TABLE households (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text REFERENCES places(code),
      building_id uuid REFERENCES buildings(id),
      unit text NOT NULL,
      room text NOT NULL,
      area_centi_m2 integer NOT NULL CHECK (area_centi_m2 > 0),
      area_source text NOT NULL CHECK (area_source IN ('register','survey','contract')),
      owner_name text NOT NULL,
      owner_key text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (building_id, unit, room)
    );
    CREATE INDEX households_grid ON households(grid_code);
    CREATE INDEX households_community ON households(community_code);

    CREATE TABLE residents (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text REFERENCES places(code),
      household_id uuid NOT NULL REFERENCES households(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
      gender text NOT NULL CHECK (gender IN ('male','female')),
      phone text,
      id_number text UNIQUE,
      birth_date date NOT NULL,
      relation text NOT NULL,
      tags jsonb NOT NULL DEFAULT '[]'::jsonb,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX residents_household ON residents(household_id);
    CREATE INDEX residents_grid ON residents(grid_code);
    CREATE INDEX residents_community_name ON residents(community_code, name);

    CREATE TABLE facilities (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      category text NOT NULL,
      name text NOT NULL,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      source text NOT NULL DEFAULT 'registry',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE roads (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      name text,
      highway text NOT NULL,
      line jsonb NOT NULL
    );
    CREATE TABLE candidate_sites (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      name text NOT NULL,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      area_m2 double precision NOT NULL,
      note text
    );

    CREATE TABLE accounts (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{3,40}$'),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('resident','grid_worker','community_staff','street_staff','district_admin','shop_staff','auditor')),
      scope_code text NOT NULL REFERENCES places(code),
      resident_id uuid REFERENCES residents(id),
      phone text,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accounts_scope ON accounts(scope_code, role);

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_account ON sessions(account_id);

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_role text,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      scope_code text,
      before jsonb,
      after jsonb,
      ip text
    );
    CREATE INDEX audit_scope_at ON audit_log(scope_code, at);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Linli migrations are forward-only; restore a backup instead');
}
