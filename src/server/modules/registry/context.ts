/** The per-request context every registry use case receives (its own file: services and guards share it). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { requireActor, type Actor } from '../../platform/http/actor.ts';
import { langOf } from '../../platform/http/errorHandler.ts';

/** Per-request context of a use case. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  now: Date;
  lang: 'zh-CN' | 'en';
  ip: string;
}

/** Builds the per-request use-case context. */
export function ctxOf(deps: AppDeps, req: FastifyRequest): Ctx {
  return { db: deps.db, actor: requireActor(req), now: deps.clock(), lang: langOf(req), ip: req.ip };
}
