/**
 * Whether a check-in or check-out may happen now and here (pure). Check-in opens {@link EARLY_MIN} minutes before
 * the start and closes at the end; check-out is possible until {@link LATE_MIN} minutes after the end. A phone
 * check-in needs a GPS fix within the activity's radius (plus the fix's accuracy, capped, so a poor fix at the
 * door is not refused but a phone at home is).
 */
import { haversine } from '../../../../shared/geo/distance.ts';

/** Minutes before the start when check-in opens. */
const EARLY_MIN = 30;
/** Minutes after the end when check-out still works. */
const LATE_MIN = 60;
/** Largest GPS accuracy (m) counted in the volunteer's favour. */
const MAX_ACCURACY_M = 50;

/** The activity as the rule sees it. */
export interface CheckPlace {
  status: 'open' | 'closed';
  startsAt: Date;
  endsAt: Date;
  lon: number;
  lat: number;
  radiusM: number;
}

/** Why a check-in/out is refused. */
export type CheckRefusal =
  | { reason: 'closed' }
  | { reason: 'too_early'; opensAt: Date }
  | { reason: 'too_late'; closedAt: Date }
  | { reason: 'no_location' }
  | { reason: 'too_far'; distanceM: number; radiusM: number };

/** Decides a check-in (`in`) or check-out (`out`); `fix` is the phone's GPS, null for the organiser. */
export function decideCheck(
  a: CheckPlace,
  action: 'in' | 'out',
  now: Date,
  fix: { lon: number; lat: number; accuracyM?: number | undefined } | null,
  byOrganiser: boolean,
): { ok: true; distanceM: number | null } | ({ ok: false } & CheckRefusal) {
  if (a.status === 'closed') return { ok: false, reason: 'closed' };
  const opensAt = new Date(a.startsAt.getTime() - EARLY_MIN * 60_000);
  const closesAt = action === 'in' ? a.endsAt : new Date(a.endsAt.getTime() + LATE_MIN * 60_000);
  if (now < opensAt) return { ok: false, reason: 'too_early', opensAt };
  if (now > closesAt) return { ok: false, reason: 'too_late', closedAt: closesAt };
  if (byOrganiser) return { ok: true, distanceM: null };
  if (!fix) return { ok: false, reason: 'no_location' };
  const d = haversine(fix.lon, fix.lat, a.lon, a.lat);
  const slack = Math.min(Math.max(fix.accuracyM ?? 0, 0), MAX_ACCURACY_M);
  if (d > a.radiusM + slack) return { ok: false, reason: 'too_far', distanceM: Math.round(d), radiusM: a.radiusM };
  return { ok: true, distanceM: Math.round(d) };
}
