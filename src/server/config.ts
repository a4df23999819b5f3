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
  LINLI_SEED_DEMO: bool.optional(),
  LINLI_COOKIE_SECURE: bool.optional(),
  LINLI_TILE_URL: z.string().optional(),
  LINLI_TILE_ATTRIBUTION: z.string().optional(),
  LINLI_LOGIN_MAX_PER_MINUTE: z.coerce.number().int().positive().default(10),
  LINLI_LOGIN_IP_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  LINLI_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)?$/, 'true, false or proxy addresses/CIDRs')
    .optional(),
  LINLI_STRICT_RESPONSES: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LINLI_FUND_SIGNING_KEY: z.string().min(1).optional(),
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
  /**
   * Load the demo community (with its published-password accounts) when the database is empty: by default only
   * on the embedded database; on PostgreSQL only with LINLI_SEED_DEMO=true. Undefined: decided by the engine.
   */
  seedDemo: boolean | undefined;
  /** Always mark the session cookie `Secure`; without it, it is `Secure` when the request came over https. */
  cookieSecure: boolean;
  /**
   * Which proxies to believe about the client address and protocol (X-Forwarded-For / -Proto): false (none,
   * default), true (any: only when nothing but the proxy can reach the server), or comma-separated proxy
   * addresses/CIDRs. (Fastify 5 trusts nothing for a bare hop count, so none is offered.)
   */
  trustProxy: boolean | string;
  /** Optional raster tile URL template for the base map (e.g. Tianditu with a key); none by default. */
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  loginMaxPerMinute: number;
  /** Failed logins from one IP (any usernames) per hour before each further attempt must wait (1 s doubling). */
  loginIpFreeFailures: number;
  logLevel: string;
  /**
   * Fail an answer that carries a key its response schema does not list (tests turn it on); otherwise such a key
   * is dropped silently (platform/http/responses.ts).
   */
  strictResponses: boolean;
  /** PKCS#8 PEM Ed25519 key that signs the fund's tree heads (docs/fund.md); absent: generated once and stored. */
  fundSigningKey: string | undefined;
}

/** Whether to seed the demo into an empty database: as configured, else only on the embedded database. */
export function shouldSeedDemo(c: Pick<Config, 'seedDemo' | 'databaseUrl'>): boolean {
  return c.seedDemo ?? !c.databaseUrl;
}

function parseTrustProxy(v: string | undefined): boolean | string {
  if (v === undefined || v === '' || v === 'false') return false;
  return v === 'true' ? true : v.replace(/\s+/g, '');
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
    trustProxy: parseTrustProxy(e.LINLI_TRUST_PROXY),
    tileUrl: e.LINLI_TILE_URL,
    tileAttribution: e.LINLI_TILE_ATTRIBUTION,
    loginMaxPerMinute: e.LINLI_LOGIN_MAX_PER_MINUTE,
    loginIpFreeFailures: e.LINLI_LOGIN_IP_FREE_FAILURES,
    logLevel: e.LOG_LEVEL,
    strictResponses: e.LINLI_STRICT_RESPONSES ?? false,
    fundSigningKey: e.LINLI_FUND_SIGNING_KEY,
  };
}
