/**
 * Response schemas every route shares (the error body, `{ ok: true }`, binary and streamed answers) and the
 * serializer that passes each JSON answer through its route's zod schema. A key the schema does not list is
 * dropped in production; with `strict` (tests, LINLI_STRICT_RESPONSES) it fails the response, so a presenter
 * that leaks a field is caught by the first test that reaches it.
 */
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEncode, type $ZodType } from 'zod/v4/core';

/** The one error body: `{ error: { code, message, details? } }`, message in the request's language. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** Validation issues (path, message) or other machine-readable detail; absent on most errors. */
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error answers of a route (any 4xx and 5xx), to spread into `schema.response`. */
export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const;

/** `{ ok: true }`: a write that has nothing else to say. */
export const okBody = z.object({ ok: z.literal(true) });

/**
 * A non-JSON answer (PDF, xlsx, CSV, an image, an event stream), documented by its content type. Fastify does not
 * pass a Buffer or a stream through a serializer, so the schema only describes the answer.
 */
export function binaryResponse(description: string, ...contentTypes: string[]) {
  // unknown: the handler sends a Buffer or a stream, which no serializer sees; the document says binary
  const schema = z.unknown().meta({ type: 'string', format: 'binary' });
  return {
    description,
    content: Object.fromEntries(contentTypes.map((t) => [t, { schema }])) as Record<string, { schema: typeof schema }>,
  };
}

/** Whether a value is a plain object (an object literal or a row), not a Date, Buffer or array. */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The first key path present in `input` but dropped from `output` by the schema, or null. Walks both values side by
 * side; a value the schema turned into something else (a Date into a string) is not looked into.
 */
export function droppedKey(input: unknown, output: unknown, path = ''): string | null {
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let i = 0; i < input.length; i++) {
      const found = droppedKey(input[i], output[i], `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (!isPlain(input) || !isPlain(output)) return null;
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue; // JSON leaves it out anyway
    if (!Object.hasOwn(output, k)) return `${path}/${k}`;
    const found = droppedKey(v, output[k], `${path}/${k}`);
    if (found) return found;
  }
  return null;
}

/** The response serializer: zod-encodes the answer; with `strict`, a key the schema does not list is an error. */
export function responseSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) =>
    (data: unknown) => {
      const result = safeEncode(schema as $ZodType, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      if (strict) {
        const key = droppedKey(data, result.data);
        if (key) {
          const err = new Error(`${method} ${url}: the answer has ${key}, which its response schema does not list`);
          // Loud in a test run: the test sees a 500 and this line names the leak.
          process.stderr.write(`response schema: ${err.message}\n`);
          throw err;
        }
      }
      return JSON.stringify(result.data);
    };
}
