/**
 * 15-minute life circle: imported walking networks (OSM extracts, compact binary graph + buildings + POIs in
 * one bytea) and facilities imported by a community (xlsx/CSV/GeoJSON). Every row carries community_code.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE circle_networks (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
      source text NOT NULL CHECK (source IN ('osm')),
      file_name text,
      stats jsonb NOT NULL,
      bundle bytea NOT NULL,
      bytes integer NOT NULL,
      imported_at timestamptz NOT NULL,
      imported_by uuid REFERENCES accounts(id),
      UNIQUE (community_code, name)
    );

    CREATE TABLE circle_facilities (
      id uuid PRIMARY KEY,
      community_code text NOT NULL REFERENCES places(code),
      category text NOT NULL,
      name text NOT NULL,
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      source text NOT NULL,
      batch_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX circle_facilities_community ON circle_facilities(community_code, category);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    DROP TABLE circle_facilities;
    DROP TABLE circle_networks;
  `,
  );
}
