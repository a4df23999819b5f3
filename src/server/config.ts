/**
 * Environment parsed once into a typed config object that is passed down (no `process.env` reads elsewhere).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LINLI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_OWNER_URL: z.string().url().optional(),
  LINLI_APP_ROLE: z.string().min(1).optional(),
  LINLI_SEED_DEMO: bool.default(true),
  LINLI_COOKIE_SECURE: bool.optional(),
  LINLI_TILE_URL: z.string().optional(),
  LINLI_TILE_ATTRIBUTION: z.string().optional(),
  LINLI_LOGIN_MAX_PER_MINUTE: z.coerce.number().int().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Everything the server needs to start. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the embedded database directory (used when `databaseUrl` is absent). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL URL of the owner role that runs migrations (docs/operations.md); absent: DATABASE_URL migrates. */
  databaseOwnerUrl: string | undefined;
  /** The app's role to grant to; default: the user in DATABASE_URL. */
  appRole: string | undefined;
  /** Load the demo community when the database is empty. */
  seedDemo: boolean;
  /** Mark cookies `Secure`; default true only when served behind https (set explicitly in production). */
  cookieSecure: boolean;
  /** Optional raster tile URL template for the base map (e.g. Tianditu with a key); none by default. */
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  loginMaxPerMinute: number;
  logLevel: string;
}

/** Parses the environment; throws a readable message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LINLI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    appRole: e.LINLI_APP_ROLE,
    seedDemo: e.LINLI_SEED_DEMO,
    cookieSecure: e.LINLI_COOKIE_SECURE ?? false,
    tileUrl: e.LINLI_TILE_URL,
    tileAttribution: e.LINLI_TILE_ATTRIBUTION,
    loginMaxPerMinute: e.LINLI_LOGIN_MAX_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
  };
}
