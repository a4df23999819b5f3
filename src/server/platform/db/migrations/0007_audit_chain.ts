/**
 * Tamper-evident audit log. Every row gets `seq` (1, 2, 3 … with no gaps), `prev_hash` and `hash` =
 * SHA-256(prev_hash ‖ canonical row text) in lowercase hex; the first row's prev_hash is 64 zeros.
 *
 * The canonical row text is the row as jsonb without `hash`/`prev_hash` and without top-level nulls, printed by
 * PostgreSQL's own jsonb output (keys in a fixed order, fixed spacing) with the session time zone set to UTC. A
 * column added later stays out of old rows' text while it is null, so old hashes stay valid, and is covered for new
 * rows without touching this trigger. `linli audit verify` rebuilds the same text with built-in functions only and
 * hashes it in Node, so it does not trust any function an owner could replace.
 *
 * One chain under concurrent writers: the trigger locks the single row of `audit_chain_head` (FOR UPDATE, held to
 * commit), so the next writer waits and then reads the committed head. A rolled-back insert rolls the head back
 * too, hence no gaps in `seq`. The head row also lets verify notice a cut tail. The trigger is SECURITY DEFINER so
 * the app's role needs no right on the head table. `at` is cut to milliseconds because backups carry JS dates.
 */
import { sql, type Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
  // pg_temp last: otherwise a session's temporary table named audit_chain_head would shadow the real one
  const path = `SET search_path = "${schema.replaceAll('"', '""')}", pg_temp`;
  await runScript(
    db,
    `
    ALTER TABLE audit_log ADD COLUMN seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;

    CREATE TABLE audit_chain_head (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      seq bigint NOT NULL,
      hash text NOT NULL
    );

    CREATE FUNCTION audit_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE
    SET timezone = 'UTC' ${path} AS $$
      SELECT encode(sha256(convert_to(r.prev_hash || (
        SELECT coalesce(jsonb_object_agg(e.k, e.v), '{}'::jsonb)::text
        FROM jsonb_each(to_jsonb(r)) AS e(k, v)
        WHERE e.v <> 'null'::jsonb AND e.k NOT IN ('hash', 'prev_hash')
      ), 'UTF8')), 'hex')
    $$;

    DO $$
    DECLARE r audit_log; prev text := repeat('0', 64); n bigint := 0;
    BEGIN
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        r.seq := n;
        r.prev_hash := prev;
        r.hash := NULL;
        r.at := date_trunc('milliseconds', r.at);
        prev := audit_row_hash(r);
        UPDATE audit_log SET seq = n, prev_hash = r.prev_hash, hash = prev, at = r.at WHERE id = r.id;
      END LOOP;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
      INSERT INTO audit_chain_head (one, seq, hash) VALUES (true, n, prev);
    END $$;

    ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
      ALTER COLUMN hash SET NOT NULL;
    CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);

    CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    ${path} AS $$
    DECLARE h audit_chain_head;
    BEGIN
      SELECT * INTO STRICT h FROM audit_chain_head WHERE one FOR UPDATE;
      NEW.at := date_trunc('milliseconds', NEW.at);
      NEW.seq := h.seq + 1;
      NEW.prev_hash := h.hash;
      NEW.hash := NULL;
      NEW.hash := audit_row_hash(NEW);
      UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE one;
      RETURN NEW;
    END $$;
    -- BEFORE triggers fire in name order: this one must see the final row, so its name sorts last.
    CREATE TRIGGER zzz_audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('Linli migrations are forward-only; restore a backup instead');
}
