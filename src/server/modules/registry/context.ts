/** The per-request context every registry use case receives (its own file: services and guards share it). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { requireActor, type Actor } from '../../platform/http/actor.ts';
import { langOf } from '../../platform/http/errorHandler.ts';

/**
 * What the registry needs from the accounts (the auth module): the grid workers shown on a grid's card and map,
 * and releasing a removed resident's login in the removing transaction. Handed in by the composition root (app.ts,
 * the CLI) instead of imported, because auth imports the registry (place names, scopes): with both imports the two
 * modules would form a cycle.
 */
export interface RegistryAccounts {
  /** The enabled grid workers of one grid (work contact). */
  gridWorkers(
    db: Kysely<Database>,
    gridCode: string,
  ): Promise<{ display_name: string; phone: string | null; scope_code: string }[]>;
  /** Grid workers of every grid under a community: name and grid only. */
  gridWorkersUnder(
    db: Kysely<Database>,
    communityCode: string,
  ): Promise<{ display_name: string; scope_code: string }[]>;
  /** Unbinds and disables a resident's logins inside the caller's transaction; returns how many. */
  releaseResidentAccounts(trx: Kysely<Database>, residentId: string): Promise<number>;
}

/** What the registry's routes are built with: the app's dependencies and the accounts functions. */
export type RegistryDeps = AppDeps & { accounts: RegistryAccounts };

/** Per-request context of a use case. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  lang: 'zh-CN' | 'en';
  ip: string;
  accounts: RegistryAccounts;
}

/** Builds the per-request use-case context. */
export function ctxOf(deps: RegistryDeps, req: FastifyRequest): Ctx {
  return {
    db: deps.db,
    actor: requireActor(req),
    now: deps.clock(),
    lang: langOf(req),
    ip: req.ip,
    accounts: deps.accounts,
  };
}
