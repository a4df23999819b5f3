/** Volunteers (residents linked to their register entry), activities, sign-ups and the waiting list. */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { residentBrief } from '../../registry/index.ts';
import { authorize, ownCommunity, who, type Ctx } from '../context.ts';
import { promotions, signupStatus } from '../domain/signup.ts';
import * as repo from '../repository.ts';
import { isUniqueViolation, num, type Db } from '../repository/db.ts';

/** Signs the acting resident up as a volunteer of the community of their register entry. */
export async function becomeVolunteer(ctx: Ctx, skills: string[]) {
  if (!ctx.actor.residentId) throw new AppError('COBUILD_NOT_RESIDENT');
  const r = await residentBrief(ctx.db, ctx.actor.residentId);
  if (!r || ownCommunity(ctx) !== r.communityCode) throw new AppError('COBUILD_NOT_RESIDENT');
  authorize(ctx, 'volunteer', r.communityCode);
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: r.communityCode,
    resident_id: r.id,
    account_id: ctx.actor.accountId,
    name: r.name,
    skills: JSON.stringify(skills),
    created_at: ctx.now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertVolunteer(trx, row);
      await audit(trx, who(ctx), {
        action: 'cobuild.volunteer.register',
        entity: 'cobuild_volunteer',
        entityId: row.id,
        scopeCode: r.communityCode,
        after: { ...row, skills },
        ip: ctx.ip,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('COBUILD_ALREADY_REGISTERED');
    throw e;
  }
  return myVolunteer(ctx);
}

/** The acting resident's volunteer record (null when not a volunteer), balance and activities. */
export async function myVolunteer(ctx: Ctx) {
  const v = await repo.volunteerOfAccount(ctx.db, ctx.actor.accountId);
  if (!v) return { volunteer: null, activities: [] };
  const signups = await repo.signupsOfVolunteer(ctx.db, v.id);
  return {
    volunteer: { id: v.id, name: v.name, skills: v.skills, balanceMinutes: v.balance_minutes },
    activities: signups.map((s) => ({
      id: s.id,
      title: s.title,
      placeName: s.place_name,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      activityStatus: s.activity_status,
      signup: s.status,
      checkedInAt: s.checked_in_at,
      checkedOutAt: s.checked_out_at,
    })),
  };
}

/** The acting resident's volunteer row, or 403 COBUILD_NOT_VOLUNTEER. */
export async function requireVolunteer(ctx: Ctx, db: Db = ctx.db) {
  const v = await repo.volunteerOfAccount(db, ctx.actor.accountId);
  if (!v) throw new AppError('COBUILD_NOT_VOLUNTEER');
  return v;
}

export async function listVolunteers(ctx: Ctx, code: string) {
  authorize(ctx, 'read', code);
  return (await repo.volunteersOf(ctx.db, code)).map((v) => ({
    id: v.id,
    name: v.name,
    skills: v.skills,
    balanceMinutes: v.balance_minutes,
  }));
}

/** A new activity: a place (point + radius), a time, a capacity and the skills it needs. */
export interface ActivityInput {
  communityCode: string;
  title: string;
  description: string;
  placeName: string;
  lon: number;
  lat: number;
  radiusM: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  skills: string[];
}

export async function createActivity(ctx: Ctx, a: ActivityInput) {
  authorize(ctx, 'manage', a.communityCode);
  if (a.endsAt <= a.startsAt) throw new AppError('COBUILD_BAD_TIME');
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: a.communityCode,
    title: a.title,
    description: a.description,
    place_name: a.placeName,
    lon: a.lon,
    lat: a.lat,
    radius_m: a.radiusM,
    starts_at: a.startsAt,
    ends_at: a.endsAt,
    capacity: a.capacity,
    skills: JSON.stringify(a.skills),
    status: 'open' as const,
    organiser_id: ctx.actor.accountId,
    created_at: ctx.now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertActivity(trx, row);
    await audit(trx, who(ctx), {
      action: 'cobuild.activity.create',
      entity: 'cobuild_activity',
      entityId: row.id,
      scopeCode: a.communityCode,
      after: { ...row, skills: a.skills },
      ip: ctx.ip,
    });
  });
  return activityDetail(ctx, row.id);
}

type ActivityRow = NonNullable<Awaited<ReturnType<typeof repo.getActivity>>>;
/** An activity as anyone allowed to see it sees it (no personal data). */
const presentActivity = (a: ActivityRow) => ({
  id: a.id,
  communityCode: a.community_code,
  title: a.title,
  description: a.description,
  placeName: a.place_name,
  lon: a.lon,
  lat: a.lat,
  radiusM: a.radius_m,
  startsAt: a.starts_at,
  endsAt: a.ends_at,
  capacity: a.capacity,
  confirmed: a.confirmed,
  skills: a.skills,
  status: a.status,
});

/** Activities of a community: staff see all; a resident those not yet ended, with their own sign-up. */
export async function listActivities(ctx: Ctx, code: string) {
  const staff = ctx.actor.role !== 'resident';
  authorize(ctx, staff ? 'read' : 'volunteer', code);
  const rows = await repo.activitiesOf(ctx.db, code, staff ? null : ctx.now);
  return rows.map(presentActivity);
}

/** One activity; staff get the sign-up list with attendance, a volunteer their own sign-up and queue place. */
export async function activityDetail(ctx: Ctx, id: string) {
  const a = await repo.getActivity(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  if (ctx.actor.role === 'resident') {
    authorize(ctx, 'volunteer', a.community_code, true);
    const v = await repo.volunteerOfAccount(ctx.db, ctx.actor.accountId);
    const s = v ? await repo.getSignup(ctx.db, id, v.id) : undefined;
    const position = s?.status === 'waiting' ? await repo.waitingPosition(ctx.db, id, s.updated_at, num(s.seq)) : null;
    const att = v ? await repo.getAttendance(ctx.db, id, v.id) : undefined;
    return {
      activity: presentActivity(a),
      mine: s && s.status !== 'cancelled' ? { status: s.status, waitingPosition: position } : null,
      attendance: att ? { checkedInAt: att.checked_in_at, checkedOutAt: att.checked_out_at } : null,
      signups: [],
    };
  }
  authorize(ctx, 'read', a.community_code, true);
  const signups = await repo.signupsOfActivity(ctx.db, id);
  return {
    activity: presentActivity(a),
    mine: null,
    attendance: null,
    signups: signups.map((s) => ({
      volunteerId: s.volunteer_id,
      name: s.name,
      status: s.status,
      checkedInAt: s.checked_in_at,
      checkedOutAt: s.checked_out_at,
    })),
  };
}

/**
 * Signs the volunteer up: confirmed while places are free, else on the waiting list. The activity row is locked,
 * so concurrent sign-ups never exceed the capacity. Signing up again after cancelling joins at the back.
 */
export async function signUp(ctx: Ctx, id: string) {
  const v = await requireVolunteer(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockActivity(trx, id);
    if (!a || a.community_code !== v.community_code) throw new AppError('NOT_FOUND');
    authorize(ctx, 'volunteer', a.community_code, true);
    if (a.status === 'closed' || a.ends_at <= ctx.now) throw new AppError('COBUILD_ACTIVITY_CLOSED');
    const s = await repo.getSignup(trx, id, v.id);
    if (s && s.status !== 'cancelled') throw new AppError('COBUILD_ALREADY_REGISTERED');
    const status = signupStatus(a.confirmed, a.capacity);
    if (s) await repo.setSignupStatus(trx, s.id, status, ctx.now);
    else
      await repo.insertSignup(trx, {
        id: uuidv7(ctx.now.getTime()),
        activity_id: id,
        volunteer_id: v.id,
        community_code: a.community_code,
        status,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
    if (status === 'confirmed') await repo.setConfirmed(trx, id, a.confirmed + 1);
    await audit(trx, who(ctx), {
      action: 'cobuild.activity.signup',
      entity: 'cobuild_activity',
      entityId: id,
      scopeCode: a.community_code,
      after: { volunteerId: v.id, status },
      ip: ctx.ip,
    });
  });
  return activityDetail(ctx, id);
}

/** Cancels the volunteer's sign-up; a freed place goes to the first on the waiting list, in the same transaction. */
export async function cancelSignup(ctx: Ctx, id: string) {
  const v = await requireVolunteer(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockActivity(trx, id);
    if (!a || a.community_code !== v.community_code) throw new AppError('NOT_FOUND');
    const s = await repo.getSignup(trx, id, v.id);
    if (!s || s.status === 'cancelled') throw new AppError('COBUILD_NOT_SIGNED_UP');
    if (await repo.getAttendance(trx, id, v.id)) throw new AppError('COBUILD_ALREADY_CHECKED', { params: checkedIn });
    await repo.setSignupStatus(trx, s.id, 'cancelled', ctx.now);
    let confirmed = a.confirmed - (s.status === 'confirmed' ? 1 : 0);
    const up = await repo.firstWaiting(trx, id, promotions(confirmed, a.capacity, a.capacity));
    for (const w of up) await repo.setSignupStatus(trx, w.id, 'confirmed', ctx.now);
    confirmed += up.length;
    await repo.setConfirmed(trx, id, confirmed);
    await audit(trx, who(ctx), {
      action: 'cobuild.activity.cancel',
      entity: 'cobuild_activity',
      entityId: id,
      scopeCode: a.community_code,
      after: { volunteerId: v.id, promoted: up.map((w) => w.volunteer_id) },
      ip: ctx.ip,
    });
  });
  return activityDetail(ctx, id);
}

/** Message parameters of "already checked in". */
export const checkedIn = { what: '签到', whatEn: 'checked in' };
