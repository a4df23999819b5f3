/** Request helpers of the shop routes: the per-request context and the Idempotency-Key header. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { langOf } from '../../../platform/http/errorHandler.ts';
import type { Who } from '../module.ts';

/** The per-request context. */
export function whoOf(req: FastifyRequest): Who {
  return { actor: req.actor, lang: langOf(req), ip: req.ip };
}

/** The Idempotency-Key of a money-moving request (8–100 visible ASCII characters), or null. */
export function idemKey(req: FastifyRequest): string | null {
  const k = req.headers['idempotency-key'];
  if (k === undefined) return null;
  if (typeof k !== 'string' || !/^[\x21-\x7e]{8,100}$/.test(k))
    throw new AppError('BAD_HEADER', { params: { name: 'Idempotency-Key' } });
  return k;
}

/** Reads the one uploaded file of a multipart request (field name free), capped at `max` bytes. */
export async function oneFile(req: FastifyRequest, max: number): Promise<{ data: Buffer; name: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file({ limits: { fileSize: max, files: 1 } });
  if (!part) throw new AppError('BAD_FILE', { params: { reason: 'no file' } });
  const data = await part.toBuffer();
  return { data, name: part.filename || 'upload' };
}
