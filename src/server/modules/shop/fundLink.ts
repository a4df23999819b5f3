/**
 * The one place the shop touches the community fund: the settlement's share posted as ONE balanced ledger
 * transaction (debit the fund's bank account, credit shop income), inside the settlement's own database
 * transaction, through the fund module's public function. The fund is idempotent on the source
 * (`shop_settlement`, settlement id), so a settlement can never post twice.
 */
import { postFundTransaction } from '../fund/index.ts';
import type { FundPoster } from './module.ts';

/** Posts a settlement's share to the fund; returns the fund transaction id. */
export const postShareToFund: FundPoster = async (trx, s) => {
  const share = BigInt(s.shareFen);
  const r = await postFundTransaction(trx, {
    communityCode: s.communityCode,
    occurredAt: s.occurredAt,
    memo: `甘州铺子 ${s.from}–${s.to} 利润分成 / shop profit share`,
    source: { kind: 'shop_settlement', ref: s.settlementId },
    lines: [
      { account: 'bank', amountFen: share },
      { account: 'income:shop', amountFen: -share },
    ],
    actorId: s.actorId,
  });
  return r.transactionId;
};
