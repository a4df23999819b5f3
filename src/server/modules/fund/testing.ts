/**
 * Test and benchmark helpers of the fund module: a bare community to post into (no demo register needed) and a
 * run of plausible balanced transactions. Only tests, the benchmark and the demo seed use them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { postFundTransaction } from './posting.ts';
import { createDistrict, placeExists } from '../registry/index.ts';

/**
 * Adds a bare place to keep a ledger for (no register behind it) when missing: the registry's district
 * creation, the only place-making function it offers other modules; the ledger only needs the place's code.
 */
export async function addBarePlace(db: Kysely<Database>, code: string, name = '测试社区'): Promise<void> {
  if (!(await placeExists(db, code))) await createDistrict(db, { id: uuidv7(), code, name });
}

/** Posts `n` alternating donations and repair payments (each balanced) dated in August 2026. */
export async function postSample(db: Kysely<Database>, community: string, n: number, tag = 's'): Promise<void> {
  for (let i = 0; i < n; i++) {
    const fen = BigInt(10_000 + ((i * 7919) % 90_000));
    const at = new Date(Date.UTC(2026, 7, 1 + (i % 28), 2, i % 60));
    const lines =
      i % 3 === 2
        ? [
            { account: 'expense:repair', amountFen: fen / 4n },
            { account: 'bank', amountFen: -(fen / 4n) },
          ]
        : [
            { account: 'bank', amountFen: fen },
            { account: 'income:donation', amountFen: -fen },
          ];
    await postFundTransaction(
      db,
      {
        communityCode: community,
        occurredAt: at,
        memo: i % 3 === 2 ? `楼道维修第${i}笔` : `居民捐赠第${i}笔`,
        source: { kind: 'sample', ref: `${tag}-${i}` },
        lines,
        actorId: null,
        party: i % 3 === 2 ? null : '张三丰',
      },
      at,
    );
  }
}
