/**
 * Asia/Shanghai time for server and web: the one place that knows the offset (UTC+8, no daylight saving since
 * 1991). Calendar dates ('YYYY-MM-DD'), day bounds and displayed times are always Shanghai's, whatever the
 * time zone of the server process or of the user's browser.
 */

/** The IANA zone of every local date and displayed time. */
const SHANGHAI_TZ = 'Asia/Shanghai';
/** Minutes east of UTC of Asia/Shanghai. */
const SHANGHAI_OFFSET_MIN = 8 * 60;
/** Milliseconds east of UTC of Asia/Shanghai. */
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MIN * 60_000;

/** The Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(t: Date | number): string {
  return new Date(+t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC milliseconds of Shanghai midnight at the start of a 'YYYY-MM-DD' date; NaN when it is not a date. */
export function shanghaiMidnightMs(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

/**
 * The ISO instant where a Shanghai date begins (or, with `end`, where the next date begins): the bounds of a
 * date filter, so "from 11-27 to 11-27" means that whole day in Shanghai. Undefined for an empty or bad date.
 */
export function shanghaiDayBound(date: string, end = false): string | undefined {
  const ms = shanghaiMidnightMs(date);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + (end ? 86_400_000 : 0)).toISOString();
}

/** Formats an instant in Shanghai time with the given locale and fields (Intl.DateTimeFormat options). */
export function formatShanghai(
  t: Date | number | string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' },
): string {
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return String(t);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: SHANGHAI_TZ }).format(d);
}

/** 'YYYY-MM-DD HH:MM' of an instant in Shanghai time (reports, file names). */
export function shanghaiDateTime(t: Date | number): string {
  return new Date(+t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
