/** Reads a JSON-or-multipart request: the JSON object (body or the `data` field) and up to N photo files. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { assertStorable } from '../../platform/http/inputGuard.ts';
import type { RawPhoto } from './photos.ts';

/** Validates with a zod schema, mapping issues to VALIDATION_FAILED like the route validator does. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const detail = r.error.issues
    .slice(0, 5)
    .map((i) => `/${i.path.join('/')} ${i.message}`)
    .join('; ');
  throw new AppError('VALIDATION_FAILED', {
    params: { detail },
    details: r.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
  });
}

/** Reads the body and photos of a JSON or multipart request. */
export async function readBodyAndPhotos(
  req: FastifyRequest,
  maxPhotos: number,
): Promise<{ body: unknown; files: RawPhoto[] }> {
  if (!req.isMultipart()) return { body: req.body ?? {}, files: [] };
  let body: unknown = {};
  const files: RawPhoto[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (files.length >= maxPhotos) {
          await part.toBuffer();
          throw new AppError('CASE_TOO_MANY_PHOTOS', { params: { max: maxPhotos } });
        }
        files.push({ filename: part.filename || 'photo', data: await part.toBuffer() });
      } else if (part.fieldname === 'data') {
        try {
          body = JSON.parse(String(part.value));
        } catch {
          throw new AppError('INVALID_JSON');
        }
        assertStorable(body, 'data'); // the input guard sees JSON bodies only, not multipart fields
      }
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT')
      throw new AppError('CASE_TOO_MANY_PHOTOS', { params: { max: maxPhotos } });
    throw e;
  }
  return { body, files };
}
