/**
 * Whose cases an Open311 read may see. The endpoint serves several communities, so a read names its
 * jurisdiction: an api_key (its community) or a jurisdiction_id (a district, street or community code). The
 * answer is a code prefix (ADR 0001); with both, the narrower one, and they must not disagree.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { placeByCode } from '../../registry/index.ts';
import type { CasesModule } from '../module.ts';
import { apiKeyByHash } from '../repository/open311.ts';

/** sha256 of an API key: what case_api_keys stores. */
export const hashKey = (k: string) => createHash('sha256').update(k).digest('hex');

/** An API key as stored (its community and allowed browser origins). */
export interface ApiKey {
  name: string;
  communityCode: string;
  origins: string[];
}

/** The key for a presented api_key; OPEN311_API_KEY_REQUIRED when none is given, BAD_API_KEY when unknown. */
export async function findKey(m: CasesModule, apiKey: string | undefined): Promise<ApiKey> {
  if (!apiKey?.trim()) throw new AppError('OPEN311_API_KEY_REQUIRED');
  const k = await apiKeyByHash(m.db, hashKey(apiKey.trim()));
  if (!k) throw new AppError('OPEN311_BAD_API_KEY');
  return { name: k.name, communityCode: k.community_code, origins: Array.isArray(k.origins) ? k.origins : [] };
}

const AREAS = new Set(['district', 'street', 'community']);

/** Checks a jurisdiction_id: the code of a district, street or community. */
async function jurisdiction(m: CasesModule, id: string): Promise<string> {
  const code = id.trim();
  const p = /^\d{6}(\d{3}(\d{3})?)?$/.test(code) ? await placeByCode(m.db, code) : null;
  if (!p || !AREAS.has(p.kind))
    throw new AppError('OPEN311_UNKNOWN_JURISDICTION', { params: { id: code.slice(0, 40) } });
  return code;
}

/** Combines a key's community with a jurisdiction_id: the narrower, or OPEN311_JURISDICTION_MISMATCH. */
function narrower(keyCode: string, j: string): string {
  if (j.startsWith(keyCode)) return j;
  if (keyCode.startsWith(j)) return keyCode;
  throw new AppError('OPEN311_JURISDICTION_MISMATCH');
}

/** The code prefix a read is limited to. */
export async function readScope(
  m: CasesModule,
  q: { api_key?: string | undefined; jurisdiction_id?: string | undefined },
): Promise<string> {
  const j = q.jurisdiction_id?.trim() ? await jurisdiction(m, q.jurisdiction_id) : null;
  if (q.api_key?.trim()) {
    const key = await findKey(m, q.api_key);
    return j ? narrower(key.communityCode, j) : key.communityCode;
  }
  if (!j) throw new AppError('OPEN311_JURISDICTION_REQUIRED');
  return j;
}

/** The jurisdiction a POST files into: the key's community, checked against a given jurisdiction_id. */
export async function postScope(m: CasesModule, key: ApiKey, jurisdictionId: string | undefined): Promise<void> {
  if (jurisdictionId?.trim()) narrower(key.communityCode, await jurisdiction(m, jurisdictionId));
}
