/**
 * zod shapes of GeoReport v2 answers — the last guard of the public endpoint: Fastify serialises every JSON
 * answer through them (and XML answers are parsed through them first), so a field that is not listed here can
 * never reach a client. Field names and optionality follow the spec's field tables.
 */
import { z } from 'zod';
import { langEnum } from '../../../platform/http/zodParts.ts';

const text = z.string();
const opt = text.optional();
const dateTime = z.string();

/** One service in GET services. */
export const serviceOut = z.object({
  service_code: text,
  service_name: text,
  description: opt,
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: opt,
  group: opt,
});
export const servicesOut = z.array(serviceOut);

/** GET services/{code}. */
export const definitionOut = z.object({
  service_code: text,
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: text,
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: opt,
      order: z.number().int().optional(),
      description: opt,
      values: z.array(z.object({ key: text, name: text })).optional(),
    }),
  ),
});

/** One request in GET requests / requests/{id}: the public view of a case, in the spec's names. */
export const requestOut = z.object({
  service_request_id: text,
  status: z.enum(['open', 'closed']),
  status_notes: opt,
  service_name: opt,
  service_code: text,
  description: opt,
  requested_datetime: dateTime,
  updated_datetime: dateTime.optional(),
  expected_datetime: dateTime.optional(),
  address: opt,
  lat: z.number().optional(),
  long: z.number().optional(),
  media_url: opt,
});
export const requestsOut = z.array(requestOut);

/** POST requests: an id (handled in real time) or a token (queued), never both; account_id left out. */
export const createdOut = z.array(
  z.union([
    z.object({ service_request_id: text, service_notice: opt }),
    z.object({ token: text, service_notice: opt }),
  ]),
);

/** GET tokens/{token}. */
export const tokenOut = z.array(z.object({ service_request_id: text, token: text }));

/** Service discovery. */
export const discoveryOut = z.object({
  changeset: dateTime,
  contact: text,
  key_service: text,
  endpoints: z.array(
    z.object({
      specification: text,
      url: text,
      changeset: dateTime,
      type: z.enum(['production', 'test']),
      formats: z.array(text),
    }),
  ),
});

/** The error list every failure answers with. */
export const errorsOut = z.array(z.object({ code: z.number().int(), description: text }));

const list = (name: string, max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((s, ctx) => {
      const items = (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (items.length > 200) ctx.addIssue({ code: 'custom', message: `${name}: at most 200 values` });
      return items.length ? items : undefined;
    });
const date = (name: string) =>
  z
    .string()
    .max(40)
    .optional()
    .transform((s, ctx) => {
      if (!s?.trim()) return undefined;
      const ok = z.iso.datetime({ offset: true }).safeParse(s.trim()).success || /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
      const d = new Date(s.trim());
      if (!ok || Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${name}: a W3C date-time` });
        return z.NEVER;
      }
      return d;
    });

/** GET requests: every list parameter a comma list, every empty parameter as if absent. */
export const listQuery = z.object({
  service_request_id: list('service_request_id', 20_000),
  service_code: list('service_code', 4000),
  status: list('status', 100).pipe(z.array(z.enum(['open', 'closed'])).optional()),
  start_date: date('start_date'),
  end_date: date('end_date'),
  jurisdiction_id: z.string().max(100).optional(),
  api_key: z.string().max(200).optional(),
  lang: langEnum.optional(),
});

/** Reads that are scoped by a key or a jurisdiction (one request, a token). */
export const scopeQuery = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  api_key: z.string().max(200).optional(),
  lang: langEnum.optional(),
});
