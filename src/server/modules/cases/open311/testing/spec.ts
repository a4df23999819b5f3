/**
 * Test helpers for the Open311 conformance tests: the GeoReport v2 JSON Schemas of ../schemas (written from the
 * spec's field tables) compiled with ajv + ajv-formats, an XML parser, and a form-encoding client.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** The schema files, one per GeoReport v2 answer. */
export type SchemaName =
  | 'service-list'
  | 'service-definition'
  | 'requests'
  | 'post-response'
  | 'token'
  | 'errors'
  | 'discovery';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<SchemaName, ValidateFunction>();

/** Throws (with ajv's errors) unless `value` conforms to the named schema. */
export function assertSchema(name: SchemaName, value: unknown): void {
  let v = validators.get(name);
  if (!v) {
    const file = new URL(`../schemas/${name}.json`, import.meta.url);
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(name, v);
  }
  if (!v(value)) throw new Error(`${name}: ${ajv.errorsText(v.errors)}\n${JSON.stringify(value).slice(0, 500)}`);
}

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** Parses an XML answer (throwing when it is not well-formed XML). */
export function parseXml(body: string): Record<string, unknown> {
  const ok = XMLValidator.validate(body);
  if (ok !== true) throw new Error(`not well-formed XML: ${JSON.stringify(ok.err)}`);
  return parser.parse(body) as Record<string, unknown>;
}

/** POSTs form fields (repeated keys allowed) to an Open311 URL. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: body.toString(),
  });
}
