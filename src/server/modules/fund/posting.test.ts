import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb } from '../../testing/harness.ts';
import { seedDemo } from '../../demo.ts';
import type { DbHandle } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import { postFundTransaction } from './index.ts';
import { fundBalances } from './balances.ts';

const C = '620702004006';
let h: DbHandle;
const at = new Date('2026-08-15T04:00:00Z');
const base = { communityCode: C, occurredAt: at, memo: '捐赠', actorId: null };
const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};
const rows = async (): Promise<number> =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM fund_lines`.execute(h.db)).rows[0]!.n);

beforeAll(async () => {
  h = await freshDb();
  await seedDemo(h.db, new Date('2026-11-27T02:00:00Z'));
});
afterAll(async () => h.close());

describe('postFundTransaction', () => {
  it('posts a balanced transaction once per source, with exact bigint balances', async () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: a float would lose the last fen
    const lines = [
      { account: 'bank', amountFen: 1_000_000n },
      { account: 'income:donation', amountFen: -1_000_000n },
    ];
    const a = await postFundTransaction(h.db, { ...base, source: { kind: 'donation', ref: 'd1' }, lines });
    const b = await postFundTransaction(h.db, { ...base, source: { kind: 'donation', ref: 'd1' }, lines });
    expect(a.created).toBe(true);
    expect(b).toEqual({ transactionId: a.transactionId, created: false });
    expect(
      await code(
        postFundTransaction(h.db, {
          ...base,
          source: { kind: 'donation', ref: 'd1' },
          lines: [
            { account: 'bank', amountFen: 5n },
            { account: 'income:donation', amountFen: -5n },
          ],
        }),
      ),
    ).toBe('FUND_SOURCE_CONFLICT');
    await postFundTransaction(h.db, {
      ...base,
      source: { kind: 'grant', ref: 'g-big' },
      lines: [
        { account: 'bank', amountFen: big % 10n ** 13n },
        { account: 'income:grant', amountFen: -(big % 10n ** 13n) },
      ],
    });
    const bal = await fundBalances(h.db, C);
    expect(bal.get('bank')).toBe(1_000_000n + (big % 10n ** 13n));
    expect(bal.get('income:donation')).toBe(-1_000_000n);
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const before = await rows();
    const src = { kind: 'test', ref: 'bad' };
    const cases: [string, { account: string; amountFen: bigint }[], Date?][] = [
      [
        'FUND_UNBALANCED',
        [
          { account: 'bank', amountFen: 10n },
          { account: 'income:grant', amountFen: -9n },
        ],
      ],
      [
        'FUND_BAD_AMOUNT',
        [
          { account: 'bank', amountFen: 0n },
          { account: 'income:grant', amountFen: 0n },
        ],
      ],
      [
        'FUND_BAD_AMOUNT',
        [
          { account: 'bank', amountFen: 10n ** 14n },
          { account: 'income:grant', amountFen: -(10n ** 14n) },
        ],
      ],
      [
        'FUND_BAD_AMOUNT',
        [
          { account: 'bank', amountFen: 1.5 as unknown as bigint },
          { account: 'x', amountFen: -1n },
        ],
      ],
      [
        'FUND_UNKNOWN_ACCOUNT',
        [
          { account: 'bank', amountFen: 10n },
          { account: 'income:lottery', amountFen: -10n },
        ],
      ],
      [
        'FUND_INSUFFICIENT',
        [
          { account: 'bank', amountFen: -(10n ** 13n) },
          { account: 'expense:repair', amountFen: 10n ** 13n },
        ],
      ],
      ['FUND_TOO_MANY_LINES', [{ account: 'bank', amountFen: 10n }]],
    ];
    for (const [want, lines] of cases) {
      expect(await code(postFundTransaction(h.db, { ...base, source: src, lines })), want).toBe(want);
    }
    expect(await rows()).toBe(before);
  });

  it('keeps each maintenance fund apart and refuses writes into closed periods', async () => {
    const m = 'maintenance:0190f5a0-0000-7000-8000-000000000001';
    await sql`INSERT INTO fund_accounts (community_code, code, kind, name, balance_fen, created_at)
      VALUES (${C}, ${m}, 'asset', 'test', 0, now())`.execute(h.db);
    const mixed = [
      { account: m, amountFen: 100n },
      { account: 'bank', amountFen: -100n },
    ];
    expect(await code(postFundTransaction(h.db, { ...base, source: { kind: 't', ref: 'mix' }, lines: mixed }))).toBe(
      'FUND_MIXED_POOLS',
    );
    await sql`INSERT INTO fund_periods (community_code, period, closed_at) VALUES (${C}, '2026-08', now())`.execute(
      h.db,
    );
    const ok = [
      { account: 'bank', amountFen: 100n },
      { account: 'income:partner', amountFen: -100n },
    ];
    expect(await code(postFundTransaction(h.db, { ...base, source: { kind: 't', ref: 'closed' }, lines: ok }))).toBe(
      'FUND_PERIOD_CLOSED',
    );
    const sept = new Date('2026-09-01T01:00:00Z');
    expect(
      await code(
        postFundTransaction(h.db, { ...base, occurredAt: sept, source: { kind: 't', ref: 'open' }, lines: ok }),
      ),
    ).toBe('ok');
  });

  it('refuses to change or delete a posted line (immutable ledger)', async () => {
    expect(await code(sql`UPDATE fund_lines SET amount_fen = 1`.execute(h.db))).toMatch(/immutable/);
    expect(await code(sql`DELETE FROM fund_transactions`.execute(h.db))).toMatch(/immutable/);
  });
});
