/**
 * How /open311/ answers: JSON through Fastify's serializer with the route's response schema, XML parsed
 * through the same schema first; errors as the spec's error list in the format of the URL; CORS (reads from
 * any origin, POST only from the origins configured for the key); Retry-After on 429.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, errorMessage } from '../../../platform/errors.ts';
import { toAppError, langOf } from '../../../platform/http/errorHandler.ts';
import { cleanValue, toXml, type XmlValue } from './xml.ts';

/** A response format. */
export type Format = 'json' | 'xml';

/** The format a URL asks for (its extension; JSON when none). */
const formatOf = (url: string): Format => (url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json');

/** Answers `value` (checked and stripped by `schema`) in the requested format. */
export function send<S extends z.ZodType>(
  reply: FastifyReply,
  format: Format,
  root: string,
  schema: S,
  value: z.input<S>,
  status = 200,
) {
  const clean = cleanValue(value);
  if (format === 'xml')
    return reply
      .status(status)
      .type('text/xml; charset=utf-8')
      .send(toXml(root, schema.parse(clean) as XmlValue));
  return reply.status(status).type('application/json; charset=utf-8').send(clean);
}

function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  const seconds = e.params.seconds;
  if (e.status === 429 && typeof seconds === 'number') reply.header('retry-after', String(seconds));
  const body = [{ code: e.status, description: errorMessage(e.code, langOf(req), e.params) }];
  if (formatOf(req.url) === 'xml')
    return reply
      .status(e.status)
      .type('text/xml; charset=utf-8')
      .send(toXml('errors', cleanValue(body)));
  return reply
    .status(e.status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(cleanValue(body)));
}

const READS = new Set(['GET', 'HEAD']);

/** Installs the error and not-found handlers and CORS on the (prefixed, encapsulated) Open311 plugin. */
export function installOpen311Http(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const e = toAppError(error);
    if (e.status >= 500) req.log.error({ err: error }, 'open311 error');
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('NOT_FOUND')));
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin) return;
    reply.header('vary', 'Origin');
    // Reads are public data: any origin. A POST's origin is checked against its key in the handler.
    if (READS.has(req.method)) reply.header('access-control-allow-origin', '*');
  });
  app.options('/*', { schema: { hide: true } }, async (req, reply) => {
    const origin = req.headers.origin;
    const post = req.headers['access-control-request-method'] === 'POST';
    return reply
      .status(204)
      .header('access-control-allow-origin', post && origin ? origin : '*')
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .send();
  });
}

/** Refuses a browser POST from an origin the key does not list; allows the listed one to read the answer. */
export function allowPostOrigin(req: FastifyRequest, reply: FastifyReply, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (!origins.includes(origin)) throw new AppError('OPEN311_ORIGIN_NOT_ALLOWED');
  reply.header('access-control-allow-origin', origin);
}
