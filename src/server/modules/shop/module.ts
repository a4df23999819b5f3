/** The shop module's runtime: database, clock, event bus and the link to the community fund, built once per app. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Actor } from '../../platform/http/actor.ts';

/** What the settlement hands to the community fund (one balanced ledger transaction per settled period). */
interface FundShareInput {
  communityCode: string;
  settlementId: string;
  shareFen: number;
  from: string;
  to: string;
  occurredAt: Date;
  actorId: string | null;
}

/** Posts the share in the caller's transaction; returns the fund's transaction id. */
export type FundPoster = (trx: Transaction<Database>, input: FundShareInput) => Promise<string>;

/** Shared state of the module. */
export interface ShopModule {
  db: Kysely<Database>;
  clock: () => Date;
  bus: EventBus;
  /** The fund share (basis points) of a community that has not set its own: 3,000 = 30 %. */
  defaultShareBp: number;
  postToFund: FundPoster;
}

/** Per-request context. */
export interface Who {
  actor: Actor | null;
  lang: 'zh-CN' | 'en';
  ip: string;
}
