/**
 * Two database roles on PostgreSQL. The owner role (DATABASE_OWNER_URL) owns the tables and runs migrations; the
 * app's role (DATABASE_URL) owns nothing, so it cannot TRUNCATE, ALTER, DROP or disable triggers, and on the audit
 * log it may only INSERT and SELECT. Grants are re-applied after every migration run, so tables that later
 * migrations add are covered too. Without DATABASE_OWNER_URL the app migrates with its own connection as before
 * (a warning says that it then owns everything), unless an operator already migrated with the owner role
 * (`linli migrate` with both URLs), so the server itself never needs the owner's password.
 */
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, migrations } from './migrate.ts';
import { openPostgres, type DbHandle } from './connect.ts';

/** What migrating needs to know about the roles. */
export interface RoleConfig {
  databaseUrl: string | undefined;
  databaseOwnerUrl?: string | undefined;
  /** The app's role name; default: the user name in DATABASE_URL. */
  appRole?: string | undefined;
}

/** Tables the app may read but never write: the migrator's bookkeeping and the chain head (trigger-only). */
const READ_ONLY = ['kysely_migration', 'kysely_migration_lock', 'audit_chain_head'];

/** The role name the app connects as: LINLI_APP_ROLE, else the user of DATABASE_URL. */
export function appRoleName(cfg: RoleConfig): string | null {
  if (cfg.appRole) return cfg.appRole;
  if (!cfg.databaseUrl) return null;
  const user = decodeURIComponent(new URL(cfg.databaseUrl).username);
  return user || null;
}

/**
 * Gives `role` what the app needs in the current schema and nothing more: SELECT/INSERT/UPDATE/DELETE on the
 * ordinary tables, INSERT/SELECT on audit_log, SELECT on the read-only tables, use of the sequences.
 * Idempotent; run as the owner after migrating.
 */
async function grantAppRole(db: Kysely<unknown>, role: string): Promise<void> {
  const r = sql.id(role);
  const schema = sql.id((await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public');
  await db.transaction().execute(async (trx) => {
    await sql`revoke all on all tables in schema ${schema} from ${r}`.execute(trx);
    await sql`grant usage on schema ${schema} to ${r}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${r}`.execute(trx);
    await sql`revoke update, delete on audit_log from ${r}`.execute(trx);
    for (const t of READ_ONLY) await sql`revoke insert, update, delete on ${sql.table(t)} from ${r}`.execute(trx);
    // setval is needed by restore (the audit_log id sequence continues after the restored rows)
    await sql`grant usage, select, update on all sequences in schema ${schema} to ${r}`.execute(trx);
  });
}

/**
 * Brings the schema of `app` up to date: through DATABASE_OWNER_URL when it is set (then grants the app role),
 * else through the app's own connection. `warn` receives the reason when the app's role owns the schema.
 */
export async function migrateDatabase(
  app: DbHandle,
  cfg: RoleConfig,
  warn: (message: string) => void = (m) => process.emitWarning(m),
): Promise<string[]> {
  if (app.engine !== 'postgres') return migrateToLatest(app.db);
  if (!cfg.databaseOwnerUrl) {
    const s = await schemaState(app.db);
    if (s.mayRewriteAudit)
      warn(
        'DATABASE_OWNER_URL is not set and the app role owns the tables (or is a superuser), so it could ' +
          'truncate the audit log. See docs/operations.md, "Database roles".',
      );
    if (!s.pending) return []; // migrated earlier by the owner (`linli migrate` with DATABASE_OWNER_URL)
    try {
      return await migrateToLatest(app.db);
    } catch (e) {
      if ((e as { code?: string }).code !== '42501') throw e; // insufficient privilege
      throw new Error(
        'the schema needs migrating and the app role may not do it: run `linli migrate` with DATABASE_OWNER_URL',
      );
    }
  }
  const role = appRoleName(cfg);
  const owner = await openPostgres(cfg.databaseOwnerUrl, 1);
  try {
    const applied = await migrateToLatest(owner.db);
    const me = (await sql<{ u: string }>`select current_user as u`.execute(owner.db)).rows[0]?.u;
    if (!role || role === me) warn(`the app role is the owner role (${me}); no separate grants were made`);
    else await grantAppRole(owner.db as Kysely<unknown>, role);
    return applied;
  } finally {
    await owner.close();
  }
}

/** Whether migrations are pending and whether the connected role could rewrite the audit log (owner/superuser). */
async function schemaState<T>(db: Kysely<T>): Promise<{ pending: boolean; mayRewriteAudit: boolean }> {
  const r = (
    await sql<{ migrated: boolean; may: boolean }>`select
      to_regclass('kysely_migration') is not null as migrated,
      coalesce((select rolsuper from pg_roles where rolname = current_user), false)
        or coalesce((select pg_has_role(current_user, c.relowner, 'MEMBER') from pg_class c
                     where c.oid = to_regclass('audit_log')), true) as may`.execute(db)
  ).rows[0];
  let pending = true;
  if (r?.migrated) {
    const done = new Set(
      (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((x) => x.name),
    );
    pending = Object.keys(migrations).some((m) => !done.has(m));
  }
  return { pending, mayRewriteAudit: r?.may ?? true };
}
