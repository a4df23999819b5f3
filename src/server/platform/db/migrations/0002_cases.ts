/**
 * Cases (一键式响应): cases, their history, photos, supporters, idempotency keys, escalation jobs, notifications,
 * patrols and Open311 API keys. Every table carries community_code (the distribution key).
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE case_api_keys (
      id uuid PRIMARY KEY,
      key_hash text NOT NULL UNIQUE,
      name text NOT NULL,
      community_code text NOT NULL REFERENCES places(code),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE case_patrols (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text,
      account_id uuid NOT NULL REFERENCES accounts(id),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      track jsonb NOT NULL DEFAULT '[]'::jsonb,
      distance_m double precision NOT NULL DEFAULT 0
    );
    CREATE INDEX case_patrols_account ON case_patrols(account_id, started_at);

    CREATE TABLE cases (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      grid_code text,
      handler_code text NOT NULL,
      level text NOT NULL CHECK (level IN ('grid','community','street','district')),
      status text NOT NULL CHECK (status IN ('registered','dispatched','handling','resolved','closed','evaluated','cancelled','merged')),
      category_code text NOT NULL,
      urgent boolean NOT NULL DEFAULT false,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      address text,
      lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
      lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
      reporter_id uuid REFERENCES accounts(id),
      reporter_name text,
      reporter_phone text,
      hide_name boolean NOT NULL DEFAULT true,
      source text NOT NULL CHECK (source IN ('resident','patrol','hotline','open311','staff')),
      patrol_id uuid,
      tags jsonb NOT NULL DEFAULT '[]'::jsonb,
      accept_by timestamptz,
      resolve_by timestamptz NOT NULL,
      supervised boolean NOT NULL DEFAULT false,
      pending_extension jsonb,
      rework_count integer NOT NULL DEFAULT 0,
      extension_count integer NOT NULL DEFAULT 0,
      escalation_count integer NOT NULL DEFAULT 0,
      accepted_at timestamptz,
      accepted_on_time boolean,
      resolved_at timestamptz,
      closed_at timestamptz,
      closed_on_time boolean,
      rating integer CHECK (rating BETWEEN 1 AND 5),
      rating_comment text,
      merged_into uuid,
      open311_token text UNIQUE,
      last_note text,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX cases_community_created ON cases(community_code, created_at);
    CREATE INDEX cases_handler_status ON cases(handler_code, status);
    CREATE INDEX cases_reporter ON cases(reporter_id);
    CREATE INDEX cases_open_place ON cases(category_code, lat, lon) WHERE status IN ('registered','dispatched','handling','resolved');

    CREATE TABLE case_events (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      case_id uuid NOT NULL REFERENCES cases(id),
      community_code text NOT NULL,
      type text NOT NULL,
      from_status text,
      to_status text,
      actor_id uuid,
      actor_role text,
      actor_name text,
      note text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      at timestamptz NOT NULL
    );
    CREATE INDEX case_events_case ON case_events(case_id, at);

    CREATE TABLE case_photos (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id),
      event_id uuid REFERENCES case_events(id),
      community_code text NOT NULL,
      mime text NOT NULL,
      width integer NOT NULL,
      height integer NOT NULL,
      bytes integer NOT NULL,
      data text NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX case_photos_case ON case_photos(case_id);

    CREATE TABLE case_supporters (
      case_id uuid NOT NULL REFERENCES cases(id),
      account_id uuid NOT NULL REFERENCES accounts(id),
      community_code text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, account_id)
    );
    CREATE INDEX case_supporters_account ON case_supporters(account_id);

    CREATE TABLE case_notifications (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      case_id uuid NOT NULL REFERENCES cases(id),
      community_code text NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      read_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX case_notifications_account ON case_notifications(account_id, created_at);

    CREATE TABLE case_escalation_jobs (
      case_id uuid NOT NULL REFERENCES cases(id),
      kind text NOT NULL CHECK (kind IN ('accept','resolve')),
      level text NOT NULL,
      community_code text NOT NULL,
      due_at timestamptz NOT NULL,
      done_at timestamptz,
      result text,
      PRIMARY KEY (case_id, kind, level)
    );
    CREATE INDEX case_escalation_jobs_due ON case_escalation_jobs(due_at) WHERE done_at IS NULL;

    CREATE TABLE case_idempotency (
      owner text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      case_id uuid REFERENCES cases(id),
      community_code text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (owner, key)
    );
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Linli migrations are forward-only; restore a backup instead');
}
