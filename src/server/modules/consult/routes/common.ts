/** Shared pieces of the consult routes: the context, zod building blocks and the error response shape. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../deps.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { Ctx } from '../service/access.ts';
import { errorResponses } from '../../../platform/http/responses.ts';

/** The error statuses of a route that reads and writes in a scope. */
export const errors = errorResponses;

const uuid = z.uuid();
export const lang = { lang: z.enum(['zh-CN', 'en']).optional() };
export const idParams = z.object({ id: uuid });
export const choice = z.enum(['yes', 'no', 'abstain']);
/** A file sent as base64 in JSON (drawings, photos, ballot scans are small; 6 MB body limit on these routes). */
export const base64 = z
  .string()
  .min(4)
  .max(8_000_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
export const FILE_BODY_LIMIT = 6 * 1024 * 1024;
export const tags = ['consult'];

/** The use-case context of a signed-in request. */
export const ctxOf = (deps: AppDeps, req: FastifyRequest): Ctx => ({
  db: deps.db,
  actor: requireActor(req),
  now: deps.clock(),
  ip: req.ip,
});

/** Sends a stored file (drawing, photo) with its type; personal or not, never cached by shared caches. */
export function sendFile(reply: FastifyReply, mediaType: string, base64Data: string, name: string) {
  const data = Buffer.from(base64Data, 'base64');
  return reply
    .header('content-type', mediaType)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .send(data);
}
