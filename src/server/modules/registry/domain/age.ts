/**
 * Ages and the 一老一小 thresholds. Dates are 'YYYY-MM-DD' strings; `today` is the local (Asia/Shanghai) date,
 * passed in so the rule stays pure.
 */

/** Age at which a resident counts as elderly (老年人权益保障法: 60). */
export const ELDERLY_AGE = 60;
/** Children under this age are "children" whose data is sensitive (PIPL art. 28/31: under 14). */
export const CHILD_AGE = 14;

/** Whole years between birth and today (a birthday today counts). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** The birth date on or after which a person is still under `years` old on `today` (for SQL filters). */
export function bornAfterForAge(years: number, today: string): string {
  const [ty, tm, td] = today.split('-') as [string, string, string];
  return `${String(Number(ty) - years).padStart(4, '0')}-${tm}-${td}`;
}

/** Today's date in Asia/Shanghai as 'YYYY-MM-DD' (the shared helper, re-exported for the registry). */
export { shanghaiDate } from '../../../../shared/time.ts';
