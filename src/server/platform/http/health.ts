/**
 * GET /healthz: 200 when the database answers, 503 + Retry-After when it does not, and in both cases which part
 * is down — `database` (requests get 503), `events` (live updates between instances wait for the listener to
 * reconnect), `scheduler` (its last pass failed; it retries with backoff). Load balancers look at the status.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Engine } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { DB_RETRY_AFTER_S } from '../db/availability.ts';
import { errorMessage } from '../errors.ts';
import { langOf } from './errorHandler.ts';
import { errorBody, errorResponses } from './responses.ts';

const part = z.enum(['database', 'events', 'scheduler']);
const engineSchema = z.enum(['pglite', 'postgres']);
/** 200: up (`ok`) or up with a part down (`degraded`); 503: the database does not answer. */
const healthy = z.object({ status: z.enum(['ok', 'degraded']), db: engineSchema, down: z.array(part).optional() });
const unavailable = errorBody.extend({ status: z.literal('unavailable'), db: engineSchema, down: z.array(part) });

/** How long the database check may take before the database counts as down (ms). */
const DB_CHECK_MS = 3_000;

/** Whether the database answers a trivial query within {@link DB_CHECK_MS}. */
async function databaseUp(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((res) => {
    timer = setTimeout(() => res(false), DB_CHECK_MS);
  });
  const query = db
    .selectFrom('places')
    .select('code')
    .limit(1)
    .execute()
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers /healthz. `schedulerFailing` tells whether the background scheduler is backing off. */
export function healthRoute(
  db: Kysely<Database>,
  engine: Engine,
  bus: EventBus,
  schedulerFailing: () => boolean,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness: database engine and which parts are down',
          response: { 200: healthy, ...errorResponses, 503: unavailable },
        },
      },
      async (req, reply) => {
        const down: z.infer<typeof part>[] = [];
        const dbUp = await databaseUp(db);
        if (!dbUp) down.push('database');
        if (bus.healthy && !bus.healthy()) down.push('events');
        if (schedulerFailing()) down.push('scheduler');
        if (dbUp)
          return down.length
            ? { status: 'degraded' as const, db: engine, down }
            : { status: 'ok' as const, db: engine };
        reply.status(503).header('retry-after', String(DB_RETRY_AFTER_S));
        return {
          status: 'unavailable' as const,
          db: engine,
          down,
          error: { code: 'DB_UNAVAILABLE', message: errorMessage('DB_UNAVAILABLE', langOf(req)) },
        };
      },
    );
  };
}
