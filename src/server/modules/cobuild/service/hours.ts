/**
 * The time bank: corrections (reversal rows, only while the activity is open), redemptions for services (balance
 * never below 0: a conditional UPDATE under the volunteer's row lock, and a CHECK as the last guard), the ledger,
 * the yearly summary and the certificate.
 */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { shanghaiDate } from '../../../../shared/time.ts';
import { authorize, who, type Ctx } from '../context.ts';
import { planCorrection, planRedemption, refused, yearSummary, type LedgerRefusal } from '../domain/timebank.ts';
import * as repo from '../repository.ts';
import { requireVolunteer } from './volunteers.ts';

function refusal(r: LedgerRefusal): AppError {
  switch (r.reason) {
    case 'activity_closed':
      return new AppError('COBUILD_ACTIVITY_CLOSED');
    case 'insufficient':
      return new AppError('COBUILD_INSUFFICIENT_HOURS', { params: { balance: r.balance, asked: r.asked } });
    case 'not_credited':
      return new AppError('COBUILD_NOT_CREDITED');
    default:
      return new AppError('COBUILD_BAD_MINUTES');
  }
}

/** Corrects a volunteer's minutes for an activity (staff, activity still open): reversal rows plus a new credit. */
export async function correctHours(
  ctx: Ctx,
  activityId: string,
  x: { volunteerId: string; minutes: number; note: string },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockActivity(trx, activityId);
    if (!a) throw new AppError('NOT_FOUND');
    authorize(ctx, 'manage', a.community_code, true);
    const v = await repo.lockVolunteer(trx, x.volunteerId);
    if (!v || v.community_code !== a.community_code) throw new AppError('NOT_FOUND');
    const rows = (await repo.ledgerOfActivity(trx, v.id, activityId)).map((r) => ({
      id: r.id,
      kind: r.kind,
      minutes: r.minutes,
      activityId: r.activity_id,
      reversesId: r.reverses_id,
    }));
    // the whole ledger's balance matters (hours already redeemed cannot be taken back): the kept balance is it
    const others = v.balance_minutes - rows.reduce((s, r) => s + r.minutes, 0);
    const plan = planCorrection(
      [...rows, { id: '_', kind: 'service', minutes: others, activityId: null, reversesId: null }],
      activityId,
      x.minutes,
      a.status === 'closed',
    );
    if (refused(plan)) throw refusal(plan);
    const t = ctx.now.getTime();
    await repo.insertHours(trx, [
      ...plan.reversals.map((r, i) => ({
        id: uuidv7(t + i),
        community_code: a.community_code,
        volunteer_id: v.id,
        activity_id: activityId,
        kind: 'reversal' as const,
        minutes: r.minutes,
        reverses_id: r.reversesId,
        note: x.note,
        actor_id: ctx.actor.accountId,
        at: ctx.now,
      })),
      ...(plan.correction === null
        ? []
        : [
            {
              id: uuidv7(t + plan.reversals.length),
              community_code: a.community_code,
              volunteer_id: v.id,
              activity_id: activityId,
              kind: 'correction' as const,
              minutes: plan.correction,
              reverses_id: null,
              note: x.note,
              actor_id: ctx.actor.accountId,
              at: ctx.now,
            },
          ]),
    ]);
    if (!(await repo.addBalance(trx, v.id, plan.delta)))
      throw refusal({ reason: 'insufficient', balance: v.balance_minutes, asked: -plan.delta });
    await audit(trx, who(ctx), {
      action: 'cobuild.hours.correct',
      entity: 'cobuild_volunteer',
      entityId: v.id,
      scopeCode: a.community_code,
      before: { minutes: rows.reduce((s, r) => s + r.minutes, 0) },
      after: { minutes: x.minutes, note: x.note, activityId },
      ip: ctx.ip,
    });
  });
  return ledger(ctx, x.volunteerId);
}

/** Redeems minutes for a service (e.g. care for the volunteer's own parents), recorded by staff. */
export async function redeem(ctx: Ctx, volunteerId: string, x: { minutes: number; service: string }) {
  const v0 = await repo.getVolunteer(ctx.db, volunteerId);
  if (!v0) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', v0.community_code, true);
  await ctx.db.transaction().execute(async (trx) => {
    const v = await repo.lockVolunteer(trx, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const plan = planRedemption(v.balance_minutes, x.minutes);
    if (refused(plan)) throw refusal(plan);
    if (!(await repo.addBalance(trx, v.id, plan.delta)))
      throw refusal({ reason: 'insufficient', balance: v.balance_minutes, asked: x.minutes });
    await repo.insertHours(trx, [
      {
        id: uuidv7(ctx.now.getTime()),
        community_code: v.community_code,
        volunteer_id: v.id,
        activity_id: null,
        kind: 'redemption',
        minutes: plan.delta,
        reverses_id: null,
        note: x.service,
        actor_id: ctx.actor.accountId,
        at: ctx.now,
      },
    ]);
    await audit(trx, who(ctx), {
      action: 'cobuild.hours.redeem',
      entity: 'cobuild_volunteer',
      entityId: v.id,
      scopeCode: v.community_code,
      before: { balance: v.balance_minutes },
      after: { balance: v.balance_minutes + plan.delta, service: x.service },
      ip: ctx.ip,
    });
  });
  return ledger(ctx, volunteerId);
}

/** A volunteer's ledger rows, balance and yearly summaries (staff of the area, or the volunteer). */
export async function ledger(ctx: Ctx, volunteerId: string) {
  const v = await repo.getVolunteer(ctx.db, volunteerId);
  if (!v) throw new AppError('NOT_FOUND');
  if (v.account_id !== ctx.actor.accountId) authorize(ctx, 'read', v.community_code, true);
  const rows = await repo.ledgerOf(ctx.db, volunteerId);
  const withYear = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    minutes: r.minutes,
    activityId: r.activity_id,
    reversesId: r.reverses_id,
    year: Number(shanghaiDate(r.at).slice(0, 4)),
  }));
  const years = [...new Set(withYear.map((r) => r.year))].sort((a, b) => b - a);
  return {
    volunteer: { id: v.id, name: v.name, communityCode: v.community_code },
    balanceMinutes: v.balance_minutes,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      minutes: r.minutes,
      activityId: r.activity_id,
      activityTitle: r.activity_title,
      reversesId: r.reverses_id,
      note: r.note,
      at: r.at,
    })),
    years: years.map((y) => yearSummary(withYear, y)),
  };
}

/** The acting volunteer's own ledger. */
export async function myLedger(ctx: Ctx) {
  const v = await requireVolunteer(ctx);
  return ledger(ctx, v.id);
}
