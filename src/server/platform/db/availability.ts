/**
 * Tells "the database is away" apart from every other failure, so that requests get 503 + Retry-After (not 500),
 * background work backs off, and /healthz can say what is down.
 */

/** SQLSTATEs of a server that is shutting down, starting up, restarting or refusing connections. */
const SERVER_AWAY = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
/** Socket errors of a server that is not there (any more). */
const SOCKET_AWAY = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTCONN']);
/** node-postgres reports a lost or unopenable connection only in the message. */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection ended unexpectedly',
];

/** True when `e` means the database cannot be reached now (worth a retry later), not a bad query. */
export function isDbUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 4; depth++) {
    const err = x as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    if (typeof err.code === 'string' && (SERVER_AWAY.has(err.code) || SOCKET_AWAY.has(err.code))) return true;
    if (typeof err.message === 'string' && PG_MESSAGES.some((m) => (err.message as string).includes(m))) return true;
    // Node's happy-eyeballs connect reports an AggregateError whose parts carry the ECONNREFUSED.
    if (Array.isArray(err.errors) && err.errors.some((p) => isDbUnavailable(p))) return true;
    x = err.cause;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const DB_RETRY_AFTER_S = 5;
