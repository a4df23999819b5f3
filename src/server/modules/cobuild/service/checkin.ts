/**
 * Check-in and check-out: by the rotating QR code (the volunteer's phone, with its GPS) or by the organiser. Each
 * check-in counts once (primary key), each code once per person (used-code table), and a check-out credits the
 * time bank exactly once (unique service row per activity and volunteer) in the same transaction.
 */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { shanghaiDateTime } from '../../../../shared/time.ts';
import { checkinSecret, codeAt, matchCode } from '../codes.ts';
import { authorize, who, type Ctx } from '../context.ts';
import { decideCheck } from '../domain/checkin.ts';
import { stepEndsAt, stepOf, STEP_MS } from '../domain/qr.ts';
import { serviceMinutes } from '../domain/timebank.ts';
import * as repo from '../repository.ts';
import type { Db } from '../repository/db.ts';
import { checkedIn, requireVolunteer } from './volunteers.ts';

/** The code to show at the place now, when it rotates, and the URL the QR code carries. */
export async function currentCode(ctx: Ctx, id: string) {
  const a = await repo.getActivity(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', a.community_code, true);
  const step = stepOf(ctx.now.getTime());
  const code = codeAt(await checkinSecret(ctx.db, ctx.now), id, step);
  return {
    code,
    step,
    rotatesAt: new Date(stepEndsAt(step)),
    periodMs: STEP_MS,
    path: `/me/volunteer/check?a=${encodeURIComponent(id)}&c=${code}`,
    activity: { id: a.id, title: a.title, placeName: a.place_name, status: a.status },
  };
}

type Activity = NonNullable<Awaited<ReturnType<typeof repo.getActivity>>>;
const place = (a: Activity) => ({
  status: a.status,
  startsAt: a.starts_at,
  endsAt: a.ends_at,
  lon: a.lon,
  lat: a.lat,
  radiusM: a.radius_m,
});

function refuse(d: Exclude<ReturnType<typeof decideCheck>, { ok: true }>): never {
  switch (d.reason) {
    case 'closed':
      throw new AppError('COBUILD_ACTIVITY_CLOSED');
    case 'too_early':
      throw new AppError('COBUILD_TOO_EARLY', { params: { opensAt: shanghaiDateTime(d.opensAt) } });
    case 'too_late':
      throw new AppError('COBUILD_TOO_LATE', { params: { closedAt: shanghaiDateTime(d.closedAt) } });
    case 'no_location':
      throw new AppError('COBUILD_NO_LOCATION');
    case 'too_far':
      throw new AppError('COBUILD_TOO_FAR', { params: { distance: d.distanceM, radius: d.radiusM } });
  }
}

/** Writes a check-in or a check-out (with its time-bank credit); the caller has authorised and decided. */
async function record(
  ctx: Ctx,
  trx: Db,
  a: Activity,
  volunteerId: string,
  action: 'in' | 'out',
  method: 'qr' | 'organiser',
) {
  if (action === 'in') {
    const r = await repo.insertCheckIn(trx, {
      activity_id: a.id,
      volunteer_id: volunteerId,
      community_code: a.community_code,
      checked_in_at: ctx.now,
      in_method: method,
    });
    if (!r) throw new AppError('COBUILD_ALREADY_CHECKED', { params: checkedIn });
    await audit(trx, who(ctx), {
      action: 'cobuild.checkin',
      entity: 'cobuild_activity',
      entityId: a.id,
      scopeCode: a.community_code,
      after: { volunteerId, method },
      ip: ctx.ip,
    });
    return { action, at: ctx.now, minutes: null };
  }
  const minutes = await checkOut(ctx, trx, a, volunteerId, ctx.now, method);
  return { action, at: ctx.now, minutes };
}

/** Checks a volunteer out once and credits the served minutes; 409 when not in or already out. */
async function checkOut(
  ctx: Ctx,
  trx: Db,
  a: Activity,
  volunteerId: string,
  at: Date,
  method: 'qr' | 'organiser' | 'close',
): Promise<number> {
  // closing audits once at the end: the audit chain's head is locked by each audit row, so auditing per volunteer
  // while holding several volunteers' rows could deadlock with a concurrent check-out
  const log = method !== 'close';
  const r = await repo.setCheckOut(trx, a.id, volunteerId, at, method);
  if (!r) {
    const att = await repo.getAttendance(trx, a.id, volunteerId);
    if (!att) throw new AppError('COBUILD_NOT_CHECKED_IN');
    throw new AppError('COBUILD_ALREADY_CHECKED', { params: { what: '签退', whatEn: 'checked out' } });
  }
  const minutes = serviceMinutes(r.checked_in_at, at, a.starts_at, a.ends_at);
  await repo.insertHours(trx, [
    {
      id: uuidv7(at.getTime()),
      community_code: a.community_code,
      volunteer_id: volunteerId,
      activity_id: a.id,
      kind: 'service',
      minutes,
      reverses_id: null,
      note: method,
      actor_id: ctx.actor.accountId,
      at,
    },
  ]);
  await repo.addBalance(trx, volunteerId, minutes);
  if (log)
    await audit(trx, who(ctx), {
      action: 'cobuild.checkout',
      entity: 'cobuild_activity',
      entityId: a.id,
      scopeCode: a.community_code,
      after: { volunteerId, method, minutes },
      ip: ctx.ip,
    });
  return minutes;
}

/** A volunteer checks in or out with the code shown at the place and the phone's GPS fix. */
export async function checkWithCode(
  ctx: Ctx,
  id: string,
  x: { action: 'in' | 'out'; code: string; lon: number | null; lat: number | null; accuracyM: number | null },
) {
  // independent reads in parallel (a pool on PostgreSQL): this is the hot path of a crowd at the door
  const [v, a] = await Promise.all([requireVolunteer(ctx), repo.getActivity(ctx.db, id)]);
  if (!a || a.community_code !== v.community_code) throw new AppError('NOT_FOUND');
  authorize(ctx, 'volunteer', a.community_code, true);
  const step = matchCode(await checkinSecret(ctx.db, ctx.now), id, x.code, ctx.now.getTime());
  if (step === null) throw new AppError('COBUILD_CODE_INVALID');
  const fix = x.lon !== null && x.lat !== null ? { lon: x.lon, lat: x.lat, accuracyM: x.accuracyM ?? 0 } : null;
  const d = decideCheck(place(a), x.action, ctx.now, fix, false);
  if (!d.ok) refuse(d);
  const s = await repo.getSignup(ctx.db, id, v.id);
  if (s?.status !== 'confirmed') throw new AppError('COBUILD_NOT_SIGNED_UP');
  const out = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.useCode(trx, id, v.id, step, x.action, ctx.now))) throw new AppError('COBUILD_CODE_REUSED');
    return record(ctx, trx, a, v.id, x.action, 'qr');
  });
  // a check-in leaves the balance as it was; only a check-out needs it read again
  const balance = x.action === 'in' ? v.balance_minutes : (await repo.getVolunteer(ctx.db, v.id))?.balance_minutes;
  return { ...out, distanceM: d.distanceM, balanceMinutes: balance ?? 0 };
}

/** The organiser checks a signed-up volunteer in or out (no code, no GPS; time window still applies). */
export async function checkByOrganiser(ctx: Ctx, id: string, x: { volunteerId: string; action: 'in' | 'out' }) {
  const a = await repo.getActivity(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', a.community_code, true);
  const d = decideCheck(place(a), x.action, ctx.now, null, true);
  if (!d.ok) refuse(d);
  const s = await repo.getSignup(ctx.db, id, x.volunteerId);
  if (s?.status !== 'confirmed') throw new AppError('COBUILD_NOT_SIGNED_UP');
  const out = await ctx.db.transaction().execute((trx) => record(ctx, trx, a, x.volunteerId, x.action, 'organiser'));
  const after = await repo.getVolunteer(ctx.db, x.volunteerId);
  return { ...out, distanceM: null, balanceMinutes: after?.balance_minutes ?? 0 };
}

/** Closes an activity: anyone still checked in is checked out at the end (or now, if earlier); hours freeze. */
export async function closeActivity(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockActivity(trx, id);
    if (!a) throw new AppError('NOT_FOUND');
    authorize(ctx, 'manage', a.community_code, true);
    if (a.status === 'closed') throw new AppError('COBUILD_ACTIVITY_CLOSED');
    const at = new Date(Math.min(ctx.now.getTime(), a.ends_at.getTime()));
    const open = await repo.stillCheckedIn(trx, id);
    const credited: { volunteerId: string; minutes: number }[] = [];
    for (const s of open)
      credited.push({ volunteerId: s.volunteer_id, minutes: await checkOut(ctx, trx, a, s.volunteer_id, at, 'close') });
    await repo.closeActivity(trx, id, ctx.now);
    await audit(trx, who(ctx), {
      action: 'cobuild.activity.close',
      entity: 'cobuild_activity',
      entityId: id,
      scopeCode: a.community_code,
      before: { status: a.status },
      after: { status: 'closed', checkedOut: credited },
      ip: ctx.ip,
    });
  });
  return { id, status: 'closed' as const };
}
