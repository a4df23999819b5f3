/**
 * 全过程协商 (consult): topics and their stage dates, linked cases, comments, supports, proposals, meetings,
 * versioned drawings, votes with their frozen owner roll, participation and ballots, projects with milestones and
 * photos. Every table carries community_code (the distribution key).
 *
 * Ballot secrecy: a secret vote's ballots hold no voter key, no account, no time and a random id, so no column
 * joins a ballot to the participant row that stops double voting (see docs/consult.md for what remains).
 * A closed vote never changes: triggers refuse any write to its participants and ballots and any change to the
 * vote row once `closed_at` is set, whoever writes.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
  const path = `SET search_path = "${schema.replaceAll('"', '""')}", pg_temp`;
  await runScript(
    db,
    `
    CREATE TABLE consult_topics (
      id uuid PRIMARY KEY,
      community_code text NOT NULL,
      scope_kind text NOT NULL CHECK (scope_kind IN ('community', 'grid', 'compound', 'building')),
      scope_id text NOT NULL,
      scope_name text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      stage text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('resident', 'staff', 'cases')),
      raised_by uuid,
      case_category text,
      published boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX consult_topics_community ON consult_topics(community_code, updated_at DESC);

    CREATE TABLE consult_stage_dates (
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      stage text NOT NULL,
      started_at timestamptz NOT NULL,
      note text,
      PRIMARY KEY (topic_id, stage)
    );

    CREATE TABLE consult_topic_cases (
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      case_id uuid NOT NULL,
      PRIMARY KEY (topic_id, case_id)
    );

    CREATE TABLE consult_comments (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      parent_id uuid REFERENCES consult_comments(id),
      account_id uuid NOT NULL,
      author text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX consult_comments_topic ON consult_comments(topic_id, created_at);

    CREATE TABLE consult_supports (
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      account_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (topic_id, account_id)
    );

    CREATE TABLE consult_proposals (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      alternatives jsonb NOT NULL,
      account_id uuid,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE consult_meetings (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('council', 'representatives', 'owners_assembly')),
      held_at timestamptz NOT NULL,
      agenda jsonb NOT NULL,
      attendance jsonb NOT NULL,
      minutes text NOT NULL,
      decisions jsonb NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE consult_drawings (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      title text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/svg+xml', 'application/pdf')),
      data text NOT NULL,
      bytes integer NOT NULL,
      sha256 text NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (topic_id, version)
    );

    CREATE TABLE consult_votes (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL REFERENCES consult_topics(id),
      community_code text NOT NULL,
      project_id uuid,
      purpose text NOT NULL CHECK (purpose IN ('decision', 'acceptance')),
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('owners', 'households')),
      matter text NOT NULL CHECK (matter IN ('major', 'ordinary')),
      secret boolean NOT NULL,
      scope_kind text NOT NULL,
      scope_id text NOT NULL,
      total_area_centi bigint NOT NULL,
      voters integer NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      closed_at timestamptz,
      result jsonb,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX consult_votes_topic ON consult_votes(topic_id);
    CREATE INDEX consult_votes_open ON consult_votes(community_code) WHERE closed_at IS NULL;

    -- the roll frozen at opening: one row per unit (household) of the scope, looked up per ballot by index
    CREATE TABLE consult_vote_roll (
      vote_id uuid NOT NULL REFERENCES consult_votes(id),
      community_code text NOT NULL,
      household_id uuid NOT NULL,
      label text NOT NULL,
      area_centi bigint NOT NULL CHECK (area_centi >= 0),
      owner_key text NOT NULL,
      developer_unsold boolean NOT NULL,
      PRIMARY KEY (vote_id, household_id)
    );
    CREATE INDEX consult_vote_roll_owner ON consult_vote_roll(vote_id, owner_key);

    CREATE TABLE consult_participants (
      vote_id uuid NOT NULL REFERENCES consult_votes(id),
      community_code text NOT NULL,
      voter_key text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('online', 'paper')),
      account_id uuid,
      paper_serial text,
      scan text,
      cast_at timestamptz NOT NULL,
      PRIMARY KEY (vote_id, voter_key),
      UNIQUE (vote_id, paper_serial),
      CHECK ((channel = 'paper') = (paper_serial IS NOT NULL AND scan IS NOT NULL))
    );

    CREATE TABLE consult_ballots (
      id uuid PRIMARY KEY,
      vote_id uuid NOT NULL REFERENCES consult_votes(id),
      community_code text NOT NULL,
      voter_key text,
      choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
      weight_area_centi bigint NOT NULL CHECK (weight_area_centi >= 0),
      receipt_hash text UNIQUE,
      UNIQUE (vote_id, voter_key)
    );
    CREATE INDEX consult_ballots_vote ON consult_ballots(vote_id);

    CREATE FUNCTION consult_vote_frozen() RETURNS trigger LANGUAGE plpgsql ${path} AS $$
    DECLARE closed timestamptz;
    BEGIN
      IF TG_TABLE_NAME = 'consult_votes' THEN
        IF OLD.closed_at IS NOT NULL THEN
          RAISE EXCEPTION 'consult vote % is closed', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END IF;
      -- a vote created closed in this very transaction (a restore) still takes its rows
      SELECT v.closed_at INTO closed FROM consult_votes v
        WHERE v.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.vote_id ELSE NEW.vote_id END)
          AND v.xmin <> pg_current_xact_id()::xid;
      IF closed IS NOT NULL THEN
        RAISE EXCEPTION 'consult vote is closed' USING ERRCODE = 'check_violation';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER consult_votes_frozen BEFORE UPDATE OR DELETE ON consult_votes
      FOR EACH ROW EXECUTE FUNCTION consult_vote_frozen();
    CREATE TRIGGER consult_participants_frozen BEFORE INSERT OR UPDATE OR DELETE ON consult_participants
      FOR EACH ROW EXECUTE FUNCTION consult_vote_frozen();
    CREATE TRIGGER consult_roll_frozen BEFORE INSERT OR UPDATE OR DELETE ON consult_vote_roll
      FOR EACH ROW EXECUTE FUNCTION consult_vote_frozen();
    CREATE TRIGGER consult_ballots_frozen BEFORE INSERT OR UPDATE OR DELETE ON consult_ballots
      FOR EACH ROW EXECUTE FUNCTION consult_vote_frozen();

    CREATE TABLE consult_projects (
      id uuid PRIMARY KEY,
      topic_id uuid NOT NULL UNIQUE REFERENCES consult_topics(id),
      community_code text NOT NULL,
      title text NOT NULL,
      budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
      contractor text NOT NULL,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'accepted')),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE consult_milestones (
      project_id uuid NOT NULL REFERENCES consult_projects(id),
      community_code text NOT NULL,
      seq integer NOT NULL CHECK (seq BETWEEN 1 AND 3),
      kind text NOT NULL CHECK (kind IN ('design', 'build', 'accept')),
      starts_on date NOT NULL,
      due_on date NOT NULL,
      progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      done_at timestamptz,
      reopened integer NOT NULL DEFAULT 0,
      PRIMARY KEY (project_id, seq)
    );

    CREATE TABLE consult_project_photos (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES consult_projects(id),
      community_code text NOT NULL,
      phase text NOT NULL CHECK (phase IN ('before', 'after')),
      media_type text NOT NULL,
      data text NOT NULL,
      bytes integer NOT NULL,
      created_at timestamptz NOT NULL
    );
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    DROP TABLE consult_project_photos, consult_milestones, consult_projects, consult_ballots, consult_participants,
      consult_vote_roll, consult_votes, consult_drawings, consult_meetings, consult_proposals, consult_supports,
      consult_comments,
      consult_topic_cases, consult_stage_dates, consult_topics;
    DROP FUNCTION consult_vote_frozen();
  `,
  );
}
