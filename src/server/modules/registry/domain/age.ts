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

/**
 * The date D such that a person born after D is still under `years` old on `today` (for SQL filters). On
 * 29 February of a leap year whose year minus `years` is not a leap year, D is 28 February (the 29th does
 * not exist there, and someone born on 1 March has not had that birthday yet).
 */
export function bornAfterForAge(years: number, today: string): string {
  const [ty, tm, td] = today.split('-') as [string, string, string];
  const y = Number(ty) - years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = tm === '02' && td === '29' && !leap ? '28' : td;
  return `${String(y).padStart(4, '0')}-${tm}-${day}`;
}

/** Today's date in Asia/Shanghai as 'YYYY-MM-DD' (the shared helper, re-exported for the registry). */
export { shanghaiDate } from '../../../../shared/time.ts';
