/**
 * OSM uploads stream to a temporary file: the request body (raw or the multipart `file`) is written to
 * disk as it arrives and cut at the upload cap, so the main thread never holds the whole upload (it was
 * buffered up to 64 MB before, robustness issue item 3). The import worker reads the file; the file and its
 * folder are removed whatever happens.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

const MiB = 1024 * 1024;

/** Binary content types a network upload may come as; on other routes their bodies are buffered as before. */
const OSM_UPLOAD_TYPES = [
  'application/octet-stream',
  'application/x-protobuf',
  'application/vnd.openstreetmap.data+pbf',
] as const;

/**
 * The streamed body of a network upload. The stream sits in a private field, so code that walks a parsed
 * body (the input guard looks for unstorable text) sees an empty object instead of the request's internals.
 */
class StreamedBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  /** The request body as it arrives. */
  get stream(): Readable {
    return this.#stream;
  }
}

/** An upload saved to a temporary file. */
export interface SavedUpload {
  readonly path: string;
  readonly bytes: number;
  readonly fileName: string | null;
  /** Delete the file and its folder (idempotent). */
  remove(): Promise<void>;
}

/** The error of an upload over `limit` bytes (413). */
export function osmFileTooLarge(limit: number): AppError {
  return new AppError('OSM_FILE_TOO_LARGE', { params: { limitMB: Math.round(limit / MiB) } });
}

/**
 * Write `source` to a new temporary file, failing with {@link osmFileTooLarge} as soon as more than
 * `maxBytes` arrived (nothing is left on disk then). The source is not destroyed: the caller answers and
 * closes the connection, so the client gets the 413 instead of a reset.
 */
async function saveUpload(source: Readable, maxBytes: number, fileName: string | null): Promise<SavedUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'linli-osm-'));
  const path = join(dir, 'upload.osm.pbf');
  const remove = () => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw osmFileTooLarge(maxBytes);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (e) {
    out.destroy();
    await remove();
    throw e;
  }
  return { path, bytes, fileName, remove };
}

/**
 * Receive the network upload of a request: a multipart `file` or a raw binary body (streamed by the
 * parser of {@link registerUploadParsers}). An over-large upload answers 413 and closes the connection.
 */
export async function receiveOsmUpload(req: FastifyRequest, reply: FastifyReply, maxBytes: number) {
  try {
    if (req.isMultipart()) {
      const f = await req.file({ limits: { fileSize: maxBytes + 1 }, throwFileSizeLimit: false });
      if (!f) throw new AppError('BAD_FILE', { params: { reason: 'no file' } });
      return await saveUpload(f.file, maxBytes, f.filename);
    }
    if (!(req.body instanceof StreamedBody)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (Number(req.headers['content-length']) > maxBytes) throw osmFileTooLarge(maxBytes);
    return await saveUpload(req.body.stream, maxBytes, null);
  } catch (e) {
    if (e instanceof AppError && e.code === 'OSM_FILE_TOO_LARGE') reply.header('connection', 'close');
    throw e;
  }
}

/**
 * Body parsers of the circle routes: the binary types stream (the body is the request stream) on the
 * network upload route `streamUrl` and are buffered up to `bodyLimit` elsewhere; the file types of the
 * facility import (CSV, GeoJSON, xlsx) are buffered.
 */
export function registerUploadParsers(app: FastifyInstance, bodyLimit: number, streamUrl: string): void {
  for (const type of [
    'text/csv',
    'application/geo+json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  for (const type of OSM_UPLOAD_TYPES)
    app.addContentTypeParser(type, (req, payload, done) => {
      if (req.routeOptions.url === streamUrl && req.method === 'POST') done(null, new StreamedBody(payload));
      else collect(payload, bodyLimit, Number(req.headers['content-length'])).then((b) => done(null, b), done);
    });
}

/** The whole body as a Buffer, refused with BODY_TOO_LARGE past `limit` bytes (as Fastify's own parser). */
async function collect(payload: Readable, limit: number, declared: number): Promise<Buffer> {
  if (declared > limit) throw new AppError('BODY_TOO_LARGE');
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of payload.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > limit) throw new AppError('BODY_TOO_LARGE');
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
