/**
 * What the community fund (modules/fund) needs from a case: the cases escalated "needs money" that an expense
 * may be linked to, and, when the expense is paid, a history entry "paid from the community fund" that moves the
 * case on (a case waiting for the community to accept it is accepted by the payer). Runs inside the fund's
 * payment transaction, so the payment and the case's history are written together or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { LocalBus } from '../../platform/events/bus.ts';
import { defaultCasesOptions } from './config.ts';
import { makeModule, type CasesModule } from './module.ts';
import { caseNo } from './present.ts';
import { applyAction, recordEvent } from './transitions.ts';
import * as repo from './repository.ts';

/** A case an expense may pay for. */
export interface MoneyCase {
  id: string;
  no: string;
  communityCode: string;
  status: string;
  description: string;
  escalatedAt: string;
}

/** Cases of a community escalated "needs money", newest escalation first (callers authorise first). */
export async function casesNeedingMoney(db: Kysely<Database>, communityCode: string): Promise<MoneyCase[]> {
  return (await repo.casesNeedingMoney(db, communityCode)).map((r) => ({
    id: r.id,
    no: caseNo(r),
    communityCode: r.community_code,
    status: r.status,
    description: r.description,
    escalatedAt: new Date(r.escalated_at as string | Date).toISOString(),
  }));
}

/** One case escalated "needs money" by id, or null (not found, or never escalated for money). */
export async function moneyCase(db: Kysely<Database>, id: string): Promise<MoneyCase | null> {
  const c = await repo.getCase(db, id);
  if (!c) return null;
  return (await casesNeedingMoney(db, c.community_code)).find((x) => x.id === id) ?? null;
}

/**
 * Records that the fund paid for a case: a public history entry (bilingual note, amount and expense id in its
 * data) and, when the case is waiting for the community to accept it, the payer accepts it. `m` is the app's
 * cases runtime when there is one (for its calendar and categories), else the default rules.
 */
export async function recordFundPayment(
  trx: Transaction<Database>,
  input: {
    caseId: string;
    actor: { accountId: string; role: string; name: string };
    note: string;
    expenseId: string;
    amountFen: string;
    at: Date;
  },
  m?: CasesModule,
): Promise<void> {
  const cur = await repo.lockCase(trx, input.caseId);
  if (!cur) return;
  const data = { public: true, fund: { expenseId: input.expenseId, amountFen: input.amountFen } };
  await recordEvent(trx, cur, {
    type: 'note',
    from: cur.status,
    to: cur.status,
    actor: input.actor,
    note: input.note,
    data,
    at: input.at,
  });
  // A closed case keeps its row as it was (its history still shows the payment, at the time it was made).
  if (!repo.OPEN_STATUSES.includes(cur.status)) return;
  const updated = await repo.updateCase(trx, cur.id, cur.version, {
    last_note: input.note,
    public_note: input.note,
    updated_at: input.at,
  });
  if (updated?.status !== 'dispatched' || updated.handler_code !== updated.community_code) return;
  const mod = m ?? makeModule(trx, defaultCasesOptions(), () => input.at, new LocalBus());
  await applyAction(mod, trx, updated, { type: 'accept' }, { actor: input.actor, note: null, now: input.at });
}
