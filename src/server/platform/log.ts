/**
 * The one structured logger (pino) of a server process. Fastify is given this instance, so request logs and
 * background work (scheduler, event bus, database pool) write the same JSON lines; background parts log through
 * `log.child({ component })` so operators can filter on `component` and `event`.
 */
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

/** What background parts log through: the pino API as Fastify exposes it (`app.log` is one). */
export type Logger = FastifyBaseLogger;

/** A JSON logger at `level` writing to stdout (or to `dest`, e.g. a test's capture stream). */
export function createLogger(level: string, dest?: pino.DestinationStream): pino.Logger {
  return pino({ level, base: { app: 'linli' }, timestamp: pino.stdTimeFunctions.isoTime }, dest);
}

/** A logger that drops everything (tests and tools that do not care). */
export function silentLogger(): pino.Logger {
  return pino({ level: 'silent' });
}

/** The fields of an error worth a log line: class, message, SQLSTATE / errno code. Never the query parameters. */
export function errFields(e: unknown): { name: string; message: string; code?: string } {
  const x = e as { name?: unknown; message?: unknown; code?: unknown } | null;
  const out: { name: string; message: string; code?: string } = {
    name: typeof x?.name === 'string' ? x.name : 'Error',
    message: typeof x?.message === 'string' ? x.message : String(e),
  };
  if (typeof x?.code === 'string') out.code = x.code;
  return out;
}
