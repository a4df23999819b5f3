/**
 * Settlement (结算) of a closed period: gross profit per channel and product (sales in the period minus refunds
 * in the period), and the agreed share moved to the community fund as ONE ledger transaction, in the same
 * database transaction as the settlement row. Settling the same period again answers the first settlement and
 * changes nothing; a period overlapping a settled one is refused (profit is never counted twice).
 */
import { shanghaiDate, shanghaiDayBound } from '../../../../shared/time.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkPeriod, settle } from '../domain/settlement.ts';
import type { ShopModule, Who } from '../module.ts';
import * as repo from '../repository/settlement.ts';
import { actorFor, auditActor, communityFor, idempotent } from './common.ts';

type SettlementRow = Awaited<ReturnType<typeof repo.insertSettlement>>;

const present = (s: SettlementRow) => ({
  id: s.id,
  communityCode: s.community_code,
  from: s.period_from,
  to: s.period_to,
  revenueFen: Number(s.revenue_fen),
  costFen: Number(s.cost_fen),
  grossProfitFen: Number(s.gross_profit_fen),
  shareBp: s.share_bp,
  shareFen: Number(s.share_fen),
  breakdown: s.breakdown as ReturnType<typeof settle>,
  fundTransactionId: s.fund_transaction_id,
  createdAt: new Date(s.created_at).toISOString(),
});

/** The settlement type. */
export type Settlement = ReturnType<typeof present>;

/** The share (basis points) in force for a community. */
async function shareBp(m: ShopModule, community: string): Promise<number> {
  return (await repo.getSettings(m.db, community))?.fund_share_bp ?? m.defaultShareBp;
}

export async function settings(m: ShopModule, who: Who, community?: string) {
  const code = communityFor(who, 'shop.read', community);
  return { communityCode: code, fundShareBp: await shareBp(m, code) };
}

export async function saveSettings(m: ShopModule, who: Who, bp: number, community?: string) {
  const a = actorFor(who, 'shop.settle');
  const code = communityFor(who, 'shop.settle', community);
  await m.db.transaction().execute(async (trx) => {
    const before = await repo.getSettings(trx, code);
    await repo.putSettings(trx, code, bp, m.clock());
    await audit(trx, auditActor(a), {
      action: 'update',
      entity: 'shop_settings',
      entityId: null,
      scopeCode: code,
      before: before ?? null,
      after: { fund_share_bp: bp },
      ip: who.ip,
    });
  });
  return { communityCode: code, fundShareBp: bp };
}

/** Figures of a period without settling it (the page shows them before the button is pressed). */
export async function preview(m: ShopModule, who: Who, f: { community?: string; from: string; to: string }) {
  const code = communityFor(who, 'shop.read', f.community);
  if (checkPeriod(f.from, f.to, '9999-12-31') !== 'ok') throw new AppError('SHOP_PERIOD_BAD');
  const rows = await repo.profitRows(
    m.db,
    code,
    new Date(shanghaiDayBound(f.from)!),
    new Date(shanghaiDayBound(f.to, true)!),
  );
  const bp = await shareBp(m, code);
  return { from: f.from, to: f.to, shareBp: bp, ...settle(rows, bp) };
}

export async function list(m: ShopModule, who: Who, community?: string) {
  return (await repo.listSettlements(m.db, communityFor(who, 'shop.read', community))).map(present);
}

/** Settles [from, to] (Shanghai dates, both included). */
export async function run(
  m: ShopModule,
  who: Who,
  f: { community?: string; from: string; to: string },
  key: string | null,
): Promise<{ settlement: Settlement; replayed: boolean }> {
  const a = actorFor(who, 'shop.settle');
  const code = communityFor(who, 'shop.settle', f.community);
  const state = checkPeriod(f.from, f.to, shanghaiDate(m.clock()));
  if (state === 'bad') throw new AppError('SHOP_PERIOD_BAD');
  if (state === 'open') throw new AppError('SHOP_PERIOD_OPEN');
  const bp = await shareBp(m, code);
  let existing: Settlement | null = null;
  const r = await idempotent(
    m,
    who,
    key,
    'settlement',
    { code, from: f.from, to: f.to },
    async (trx, id) => {
      await repo.lockCommunity(trx, code);
      const prior = await repo.overlapping(trx, code, f.from, f.to);
      if (prior && prior.period_from === f.from && prior.period_to === f.to) {
        existing = present(prior); // running it twice changes nothing
        return existing;
      }
      if (prior)
        throw new AppError('SHOP_PERIOD_OVERLAP', { params: { from: prior.period_from, to: prior.period_to } });
      const start = new Date(shanghaiDayBound(f.from)!);
      const end = new Date(shanghaiDayBound(f.to, true)!);
      const figures = settle(await repo.profitRows(trx, code, start, end), bp);
      const now = m.clock();
      let row = await repo.insertSettlement(trx, {
        id,
        community_code: code,
        period_from: f.from,
        period_to: f.to,
        revenue_fen: figures.revenueFen,
        cost_fen: figures.costFen,
        gross_profit_fen: figures.grossProfitFen,
        share_bp: bp,
        share_fen: figures.shareFen,
        breakdown: JSON.stringify(figures),
        fund_transaction_id: null,
        actor_id: a.accountId,
        created_at: now,
      });
      if (figures.shareFen > 0) {
        const txId = await m.postToFund(trx, {
          communityCode: code,
          settlementId: id,
          shareFen: figures.shareFen,
          from: f.from,
          to: f.to,
          occurredAt: now,
          actorId: a.accountId,
        });
        await repo.setFundTransaction(trx, id, txId);
        row = { ...row, fund_transaction_id: txId };
      }
      await audit(trx, auditActor(a), {
        action: 'settle',
        entity: 'shop_settlement',
        entityId: id,
        scopeCode: code,
        after: { from: f.from, to: f.to, grossProfitFen: figures.grossProfitFen, shareFen: figures.shareFen, bp },
        ip: who.ip,
      });
      return present(row);
    },
    async (id) => {
      const all = await repo.listSettlements(m.db, code);
      const s = all.find((x) => x.id === id) ?? all.find((x) => x.period_from === f.from && x.period_to === f.to);
      if (!s) throw new AppError('NOT_FOUND');
      return present(s);
    },
  );
  return { settlement: r.value, replayed: r.replayed || existing !== null };
}
