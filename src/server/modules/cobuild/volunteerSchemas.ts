/** Request and response schemas of the volunteer and time-bank routes (staff and the volunteer's own view). */
import { z } from 'zod';
import { code12, id } from './schemas.ts';

const skill = z.string().trim().min(1).max(20);
export const volunteerBody = z.strictObject({ skills: z.array(skill).max(10).default([]) });
export const activityBody = z.strictObject({
  communityCode: code12,
  title: z.string().trim().min(1).max(80),
  description: z.string().max(1000).default(''),
  placeName: z.string().trim().min(1).max(80),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  radiusM: z.number().int().min(10).max(5000),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().min(1).max(10_000),
  skills: z.array(skill).max(10).default([]),
});
export const checkBody = z.strictObject({
  action: z.enum(['in', 'out']),
  code: z.string().trim().min(1).max(20),
  lon: z.number().min(-180).max(180).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  accuracyM: z.number().min(0).max(100_000).nullable().default(null),
});
export const organiserCheckBody = z.strictObject({ volunteerId: id, action: z.enum(['in', 'out']) });
export const correctBody = z.strictObject({
  volunteerId: id,
  minutes: z.number().int().min(0).max(1440),
  note: z.string().trim().min(1).max(200),
});
export const redeemBody = z.strictObject({
  minutes: z.number().int().min(1).max(100_000),
  service: z.string().trim().min(1).max(120),
});
export const yearQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  lang: z.enum(['zh-CN', 'en']).optional(),
});

export const activityOut = z.object({
  id: z.string(),
  communityCode: z.string(),
  title: z.string(),
  description: z.string(),
  placeName: z.string(),
  lon: z.number(),
  lat: z.number(),
  radiusM: z.number(),
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number(),
  confirmed: z.number(),
  skills: z.array(z.string()),
  status: z.string(),
});
export const activityDetailOut = z.object({
  activity: activityOut,
  mine: z.object({ status: z.string(), waitingPosition: z.number().nullable() }).nullable(),
  attendance: z.object({ checkedInAt: z.date(), checkedOutAt: z.date().nullable() }).nullable(),
  signups: z.array(
    z.object({
      volunteerId: z.string(),
      name: z.string(),
      status: z.string(),
      checkedInAt: z.date().nullable(),
      checkedOutAt: z.date().nullable(),
    }),
  ),
});
export const myVolunteerOut = z.object({
  volunteer: z
    .object({ id: z.string(), name: z.string(), skills: z.array(z.string()), balanceMinutes: z.number() })
    .nullable(),
  activities: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      placeName: z.string(),
      startsAt: z.date(),
      endsAt: z.date(),
      activityStatus: z.string(),
      signup: z.string(),
      checkedInAt: z.date().nullable(),
      checkedOutAt: z.date().nullable(),
    }),
  ),
});
export const volunteerListOut = z.object({
  volunteers: z.array(
    z.object({ id: z.string(), name: z.string(), skills: z.array(z.string()), balanceMinutes: z.number() }),
  ),
});
export const codeOut = z.object({
  code: z.string(),
  step: z.number(),
  rotatesAt: z.date(),
  periodMs: z.number(),
  path: z.string(),
  activity: z.object({ id: z.string(), title: z.string(), placeName: z.string(), status: z.string() }),
});
export const checkOut = z.object({
  action: z.enum(['in', 'out']),
  at: z.date(),
  minutes: z.number().nullable(),
  distanceM: z.number().nullable(),
  balanceMinutes: z.number(),
});
export const ledgerOut = z.object({
  volunteer: z.object({ id: z.string(), name: z.string(), communityCode: z.string() }),
  balanceMinutes: z.number(),
  rows: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      minutes: z.number(),
      activityId: z.string().nullable(),
      activityTitle: z.string().nullable(),
      reversesId: z.string().nullable(),
      note: z.string(),
      at: z.date(),
    }),
  ),
  years: z.array(
    z.object({ year: z.number(), activities: z.number(), servedMinutes: z.number(), redeemedMinutes: z.number() }),
  ),
});
