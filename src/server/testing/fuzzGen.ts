/**
 * Request generators for the route fuzz test: values drawn from a route's OpenAPI (JSON) schema, mixed with
 * deliberately broken ones (wrong types, huge numbers, NUL, lone surrogates, invalid percent-encodings).
 */
import fc from 'fast-check';

/** The subset of JSON Schema that @fastify/swagger emits for our zod schemas. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

/** Strings and numbers that have broken servers before. */
export const NASTY: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '💩\u0000',
  '',
  ' ',
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE cases;--",
  '%00',
  '%FF',
  '\u202e\u200b',
  '１２３',
  'NaN',
  'null',
  '-1',
  '1e309',
  '2026-02-30T25:61:00Z',
  '620702004001001001',
  1e308,
  -1e308,
  2 ** 53 + 1,
  -0,
  0.1,
  -1,
  0,
  true,
  null,
  [],
  {},
  [null],
  { $gt: '' },
];

/** Raw query/path fragments (already percent-encoded, some invalidly). */
export const RAW_FRAGMENTS = ['%00', '%FF', '%E4%B8', '%', '%zz', '%C0%AF', '%ED%A0%80', 'a%00b', '%2F..%2F', '%u0000'];

const nasty = fc.constantFrom(...NASTY);

function types(s: JsonSchema): string[] {
  return s.type === undefined ? [] : [s.type].flat();
}

/**
 * A value for a schema. `brokenWeight` is the relative chance (0 = never) that any node is replaced by a
 * nasty value, so most requests get past validation and some break it in one place.
 */
export function fromSchema(s: JsonSchema | undefined, brokenWeight: number, depth = 0): fc.Arbitrary<unknown> {
  const good = goodValue(s, brokenWeight, depth);
  return brokenWeight > 0 ? fc.oneof({ weight: 8, arbitrary: good }, { weight: brokenWeight, arbitrary: nasty }) : good;
}

function goodValue(s: JsonSchema | undefined, bw: number, depth: number): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, bw, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], bw, depth + 1);
  const t = types(s);
  const base = t.includes('object') || s.properties ? object(s, bw, depth) : scalar(s, t, bw, depth);
  return s.nullable || t.includes('null') ? fc.oneof(base, fc.constant(null)) : base;
}

function object(s: JsonSchema, bw: number, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, bw, depth + 1);
  const rec = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  if (bw === 0) return rec;
  // sometimes an unknown field, sometimes a required one missing
  return fc.tuple(rec, fc.option(fc.tuple(fc.string({ maxLength: 8 }), nasty), { freq: 6 })).map(([r, extra]) => {
    const o = { ...(r as Record<string, unknown>) };
    if (extra) o[extra[0]] = extra[1];
    return o;
  });
}

function scalar(s: JsonSchema, t: string[], bw: number, depth: number): fc.Arbitrary<unknown> {
  if (t.includes('array')) {
    return fc.array(fromSchema(s.items, bw, depth + 1), {
      minLength: s.minItems ?? 0,
      maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)),
    });
  }
  if (t.includes('integer')) {
    return fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e9), max: Math.min(s.maximum ?? 1e6, 1e9) });
  }
  if (t.includes('number')) {
    const min = Math.max(s.minimum ?? -1e6, -1e9);
    return fc.double({ min, max: Math.max(min, Math.min(s.maximum ?? 1e6, 1e9)), noNaN: true });
  }
  if (t.includes('boolean')) return fc.boolean();
  if (t.includes('string') || t.length === 0) return str(s);
  return fc.jsonValue({ maxDepth: 2 });
}

function str(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time') {
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (s.pattern) {
    try {
      // cut, not filtered: a filter that a pattern's strings rarely pass would make fast-check retry for ever
      return fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 200));
    } catch {
      // a pattern fast-check cannot invert: fall through to plain text
    }
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 30, 30));
  const fits = (x: string) => x.length >= minLength && x.length <= maxLength;
  const words = ['东湖社区', '下水道堵塞', '路灯不亮', 'abc'].filter(fits);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    // shaped like the values servers parse (dates, codes), so parsers see near-misses such as 2027-13-45; only
    // offered when such strings can fit the bounds (a filter nothing passes would retry for ever)
    ...(minLength <= 15 && maxLength >= 6 ? [fc.stringMatching(/^\d{4}-\d{2}-\d{2}$|^\d{6,15}$/).filter(fits)] : []),
    ...(words.length ? [fc.constantFrom(...words)] : []),
  );
}

/** Percent-encodes a value for a URL, keeping strings `encodeURIComponent` refuses (lone surrogates) raw. */
export function urlPart(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}
