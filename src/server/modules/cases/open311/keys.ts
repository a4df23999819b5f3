/** Open311 API keys: created by an operator (`linli open311-key`), stored as a sha256 hash, shown once. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { audit } from '../../../platform/audit.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { placeByCode } from '../../registry/index.ts';
import { hashKey } from './scope.ts';
import { insertApiKey } from '../repository/open311.ts';

/**
 * Creates a key for a community; `origins` are the web origins (scheme://host[:port]) allowed to POST with it
 * from a browser. Returns the key itself, which is not stored and cannot be shown again.
 */
export async function createApiKey(
  db: Kysely<Database>,
  o: { name: string; communityCode: string; origins: string[] },
): Promise<string> {
  const place = await placeByCode(db, o.communityCode);
  if (place?.kind !== 'community') throw new Error(`${o.communityCode} is not a community code`);
  for (const origin of o.origins)
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`not an origin (scheme://host[:port]): ${origin}`);
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await insertApiKey(trx, {
      id,
      keyHash: hashKey(key),
      name: o.name,
      communityCode: o.communityCode,
      origins: o.origins,
    });
    await audit(trx, null, {
      action: 'open311.key_create',
      entity: 'case_api_key',
      entityId: id,
      scopeCode: o.communityCode,
      after: { name: o.name, origins: o.origins },
    });
  });
  return key;
}
