/**
 * Test helper: a fresh database on the PostgreSQL in DATABASE_URL (a superuser) set up the production way — an
 * owner role that owns it and migrates, and an app role that only has the grants (docs/operations.md). The roles are
 * created per call with random names and dropped again, so `DATABASE_URL=… npx vitest run` alone is enough.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type DbHandle } from '../platform/db/connect.ts';
import { migrateDatabase } from '../platform/db/roles.ts';
import { TEST_PG_URL } from './harness.ts';

/** An owner-migrated database with handles for both roles. */
export interface RoleDb {
  owner: DbHandle;
  app: DbHandle;
  ownerUrl: string;
  appUrl: string;
  appRole: string;
  close(): Promise<void>;
}

async function asAdmin(statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** Creates the two roles and their database, migrates as the owner (granting the app role). PostgreSQL only. */
export async function roleDb(): Promise<RoleDb> {
  if (!TEST_PG_URL) throw new Error('roleDb needs DATABASE_URL (a PostgreSQL superuser)');
  const tag = randomBytes(5).toString('hex');
  const [name, ownerRole, appRole] = [`linli_t_${tag}`, `linli_t_${tag}_owner`, `linli_t_${tag}_app`];
  const pw = randomBytes(12).toString('hex');
  await asAdmin([
    `CREATE ROLE ${ownerRole} LOGIN PASSWORD '${pw}'`,
    `CREATE ROLE ${appRole} LOGIN PASSWORD '${pw}'`,
    `CREATE DATABASE ${name} OWNER ${ownerRole}`,
  ]);
  const url = (user: string) => {
    const u = new URL(TEST_PG_URL!);
    u.username = user;
    u.password = pw;
    u.pathname = `/${name}`;
    return u.toString();
  };
  const [ownerUrl, appUrl] = [url(ownerRole), url(appRole)];
  const app = await openPostgres(appUrl, 5);
  await migrateDatabase(app, { databaseUrl: appUrl, databaseOwnerUrl: ownerUrl });
  const owner = await openPostgres(ownerUrl, 2);
  return {
    owner,
    app,
    ownerUrl,
    appUrl,
    appRole,
    async close() {
      await app.close();
      await owner.close();
      await asAdmin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `DROP ROLE ${appRole}`, `DROP ROLE ${ownerRole}`]);
    },
  };
}
