/**
 * POST requests (GeoReport v2): the api_key (form field or query string), the service and its attributes, a
 * location as lat/long or as an address (address_string or address_id, resolved against the registry; an
 * address that cannot be resolved files the case to the key community's inbox with the text), an optional
 * description of up to 4,000 characters and a media_url. Answers with the id when the case was routed to a grid
 * at once, or with a token when it waits in the community inbox for a person to place it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { langOf } from '../../../platform/http/errorHandler.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { placeByCode, resolveAddress } from '../../registry/index.ts';
import type { CasesModule } from '../module.ts';
import { parseWith } from '../multipart.ts';
import { report } from '../service.ts';
import { checkAttributes, type AttributeValues } from './attributes.ts';
import { allowPostOrigin, send, type Format } from './http.ts';
import { offeredService } from './present.ts';
import { createdOut } from './schemas.ts';
import { findKey, postScope } from './scope.ts';
import { setOpen311Token } from '../repository/open311.ts';

/** Empty strings count as absent (HTML forms send every field). */
const field = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().max(max).optional());
const coord = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number().finite().optional(),
);

const postBody = z.object({
  api_key: field(200),
  jurisdiction_id: field(100),
  service_code: field(40),
  lat: coord,
  long: coord,
  address_string: field(500),
  address_id: field(100),
  email: field(200),
  device_id: field(100),
  account_id: field(100),
  first_name: field(50),
  last_name: field(50),
  phone: field(30),
  description: field(4000),
  media_url: field(500),
});

/** `attribute[code]` and `attribute[code][]` form fields (or a JSON `attribute` object) as values. */
function attributesFrom(body: Record<string, unknown>): AttributeValues {
  const out: AttributeValues = {};
  const put = (k: string, v: unknown) => {
    const vals = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null).map(String);
    const prev = out[k];
    out[k] = prev === undefined ? (vals.length === 1 ? vals[0]! : vals) : [prev, vals].flat();
  };
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]{1,40})\](\[\])?$/.exec(k);
    if (m) put(m[1]!, v);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested))
    for (const [k, v] of Object.entries(nested)) put(k, v);
  return out;
}

/** True for an absolute http(s) URL (what a client may publish as media_url). */
function webUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !/\s/.test(s);
  } catch {
    return false;
  }
}

/** A point inside a community for cases placed by text only (the mean of its boundary's outer vertices). */
async function communityPoint(m: CasesModule, code: string): Promise<{ lon: number; lat: number }> {
  const p = await placeByCode(m.db, code);
  const g = p?.boundary as { type: string; coordinates: unknown } | null | undefined;
  const ring = (
    g?.type === 'Polygon'
      ? (g.coordinates as number[][][])[0]
      : (g?.coordinates as number[][][][] | undefined)?.[0]?.[0]
  )?.slice(0, -1);
  if (!ring?.length) throw new AppError('OPEN311_LOCATION_REQUIRED');
  return {
    lon: ring.reduce((s, q) => s + q[0]!, 0) / ring.length,
    lat: ring.reduce((s, q) => s + q[1]!, 0) / ring.length,
  };
}

/** Handles POST /open311/v2/requests.{format}. */
export async function fileRequest(m: CasesModule, req: FastifyRequest, reply: FastifyReply, format: Format) {
  const raw = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const query = req.query as { api_key?: string };
  const b = parseWith(postBody, raw);
  const key = await findKey(m, b.api_key ?? query.api_key);
  allowPostOrigin(req, reply, key.origins);
  await postScope(m, key, b.jurisdiction_id);
  const cat = offeredService(m, b.service_code ?? '');
  if (!cat) throw new AppError('OPEN311_UNKNOWN_SERVICE', { params: { code: (b.service_code ?? '').slice(0, 40) } });
  const attributes = checkAttributes(cat.code, attributesFrom(raw));
  if (b.media_url && !webUrl(b.media_url))
    throw new AppError('OPEN311_BAD_PARAMETER', { params: { name: 'media_url' } });
  let location: { lon: number; lat: number };
  let address = b.address_string;
  let inbox = false;
  if (b.lat !== undefined && b.long !== undefined) location = { lon: b.long, lat: b.lat };
  else if (b.lat !== undefined || b.long !== undefined)
    throw new AppError('OPEN311_BAD_PARAMETER', { params: { name: b.lat === undefined ? 'lat' : 'long' } });
  else if (b.address_string || b.address_id) {
    const hit = await resolveAddress(m.db, key.communityCode, { id: b.address_id, text: b.address_string });
    if (hit) {
      location = { lon: hit.lon, lat: hit.lat };
      address ??= hit.name;
    } else {
      inbox = true;
      location = await communityPoint(m, key.communityCode);
      address ??= `address_id: ${b.address_id}`;
    }
  } else throw new AppError('OPEN311_LOCATION_REQUIRED');
  const name = [b.last_name, b.first_name].filter(Boolean).join('') || null;
  const { row } = await report(
    m,
    {
      who: { actor: null, lang: langOf(req), ip: req.ip },
      apiKey: { name: key.name, communityCode: key.communityCode },
      contact: { name, phone: b.phone ?? b.email ?? null },
    },
    {
      categoryCode: cat.code,
      description: b.description?.trim() ?? '',
      location: { ...location, crs: 'wgs84' },
      address,
      mediaUrl: b.media_url,
      inbox,
      ...(Object.keys(attributes).length ? { attributes } : {}),
    },
    [],
    null,
  );
  const token = uuidv7();
  await setOpen311Token(m.db, row.id, token);
  const answer = row.grid_code ? { service_request_id: row.id } : { token };
  return send(reply, format, 'service_requests', createdOut, [answer], 201);
}
