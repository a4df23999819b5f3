/** The fund module's runtime: database, clock, settings, the signing key (resolved once) and head publishing. */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/schema.ts';
import { publishHead, signingKey, type SigningKey } from './log.ts';
import type { FundOptions } from './service.ts';

/** What the routes need. */
export interface FundRuntime {
  db: Kysely<Database>;
  clock: () => Date;
  options: FundOptions;
  key(): Promise<SigningKey>;
  /** Signs and stores a new tree head after money moved (failures are logged, the next publish catches up). */
  publish(community: string): Promise<void>;
}

/** Builds the runtime; `configuredKey` is LINLI_FUND_SIGNING_KEY when set. */
export function makeFundRuntime(
  db: Kysely<Database>,
  clock: () => Date,
  options: FundOptions,
  configuredKey: string | undefined,
  log: FastifyBaseLogger,
): FundRuntime {
  let key: Promise<SigningKey> | null = null;
  const rt: FundRuntime = {
    db,
    clock,
    options,
    key() {
      key ??= signingKey(db, clock(), configuredKey).catch((e: unknown) => {
        key = null;
        throw e;
      });
      return key;
    },
    async publish(community) {
      try {
        await publishHead(db, community, await rt.key(), clock());
      } catch (err) {
        log.error({ component: 'fund', event: 'publish_head_failed', err }, 'tree head not published');
      }
    },
  };
  return rt;
}
