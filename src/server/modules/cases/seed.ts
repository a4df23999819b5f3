/** Demo data of the cases module: the documented Open311 demo key `demo-open311` for the demo community. */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { hashKey } from './open311/scope.ts';
import { insertApiKey } from './repository/open311.ts';

/** The documented Open311 demo key (DEMO ONLY). */
export const DEMO_OPEN311_KEY = 'demo-open311';

/** Creates the demo Open311 key for a community (inside the demo seed's transaction). */
export async function seedCasesDemo(trx: Transaction<Database>, now: Date, communityCode: string): Promise<void> {
  await insertApiKey(trx, {
    id: uuidv7(now.getTime()),
    keyHash: hashKey(DEMO_OPEN311_KEY),
    name: 'demo-open311',
    communityCode,
    origins: [], // the column's default: no browser origin may POST with the demo key
  });
}
