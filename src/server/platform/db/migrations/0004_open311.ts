/**
 * Open311 conformance and public replies: a request's media_url, the latest note written for the public (kept
 * apart from internal handler notes), an optional description of up to 4,000 characters (GeoReport v2), and the
 * browser origins allowed to POST with an API key (CORS).
 */
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE cases ADD COLUMN media_url text CHECK (media_url IS NULL OR length(media_url) <= 500);
    ALTER TABLE cases ADD COLUMN public_note text;
    ALTER TABLE cases DROP CONSTRAINT cases_description_check;
    ALTER TABLE cases ADD CONSTRAINT cases_description_check CHECK (length(description) <= 4000);
    ALTER TABLE case_api_keys ADD COLUMN origins jsonb NOT NULL DEFAULT '[]';
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    ALTER TABLE case_api_keys DROP COLUMN origins;
    ALTER TABLE cases DROP CONSTRAINT cases_description_check;
    ALTER TABLE cases ADD CONSTRAINT cases_description_check CHECK (length(description) BETWEEN 1 AND 2000);
    ALTER TABLE cases DROP COLUMN public_note;
    ALTER TABLE cases DROP COLUMN media_url;
  `,
  );
}
