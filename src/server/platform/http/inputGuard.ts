/**
 * Refuses, at the edge, text that PostgreSQL cannot store: a NUL character (text columns reject U+0000, jsonb
 * rejects `\u0000`) and an unpaired UTF-16 surrogate (jsonb rejects it; text columns would silently turn it into
 * U+FFFD). Checked in headers, path parameters, the query string and JSON bodies of every route, so no handler
 * ever sees such a value and the client gets a 400 `INVALID_TEXT` naming where it was.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** A NUL or a lone surrogate (a high one not followed by a low one, or a low one not preceded by a high one). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A multipart boundary as RFC 2046 allows it: 1–70 characters, quoted or not. */
const MULTIPART_BOUNDARY = /;\s*boundary=(?:"[^"]{1,70}"|[^\s;"]{1,70})\s*(?:;|$)/i;

/** True when a string holds a character PostgreSQL cannot store. */
export function isUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

/**
 * Finds the first unstorable string (key or value) in a JSON-like value and returns its path, or null.
 * Depth-first with an explicit stack, so a deeply nested body cannot overflow the call stack.
 */
export function findUnstorable(value: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return path || '/';
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) return `${path}/${k}`;
        stack.push([x, `${path}/${k}`]);
      }
    }
  }
  return null;
}

/** Throws INVALID_TEXT when `value` holds unstorable text; `where` names the part of the request. */
export function assertStorable(value: unknown, where: string): void {
  const at = findUnstorable(value);
  if (at !== null) throw new AppError('INVALID_TEXT', { params: { where }, details: { where, path: at } });
}

/** Installs the checks: headers first (before the session lookup), then params, query and body once parsed. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    for (const [name, v] of Object.entries(req.headers)) {
      if (v !== undefined && findUnstorable(v) !== null) {
        throw new AppError('INVALID_TEXT', { params: { where: name }, details: { where: 'header', path: name } });
      }
    }
    const type = req.headers['content-type'];
    // the multipart parser throws plain errors deep inside handlers on a missing or empty boundary
    if (type && /^\s*multipart\//i.test(type) && !MULTIPART_BOUNDARY.test(type)) {
      throw new AppError('BAD_HEADER', { params: { name: 'Content-Type' } });
    }
  });
  app.addHook('preValidation', async (req) => {
    assertStorable(req.params, 'path');
    assertStorable(req.query, 'query');
    assertStorable(req.body, 'body');
  });
}
