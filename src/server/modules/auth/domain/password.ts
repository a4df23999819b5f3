/**
 * Password policy (pure). Applies on every password someone sets: change, reset by an administrator, account
 * creation and `linli admin create`. A password is refused when it is
 * - shorter than 8 or longer than 200 characters, or lacks a letter or a digit (WEAK_PASSWORD);
 * - contains the username (PASSWORD_CONTAINS_USERNAME);
 * - on the common-password list, or a common stem with at most 8 digits/symbols around it ("zhang1990",
 *   "woaini1314"), or at most 3 letters around a trivial digit run ("qq123456", "a19900101", "abc88888888"),
 *   or one short unit repeated ("a1a1a1a1") (PASSWORD_TOO_COMMON).
 * The list itself is loaded by the caller (commonPasswords.ts), so this stays free of I/O.
 */

/** Shortest accepted password (as before this policy grew; kept so existing passwords stay valid to set). */
const MIN_PASSWORD_LENGTH = 8;
/** Longest accepted password. */
const MAX_PASSWORD_LENGTH = 200;

/** Why a password is refused; each is an error code. */
export type PasswordProblem = 'WEAK_PASSWORD' | 'PASSWORD_CONTAINS_USERNAME' | 'PASSWORD_TOO_COMMON';

/** Length and character classes only (what the web form can check before sending). */
export function passwordAcceptable(pw: string): boolean {
  return (
    pw.length >= MIN_PASSWORD_LENGTH && pw.length <= MAX_PASSWORD_LENGTH && /[A-Za-z]/.test(pw) && /[0-9]/.test(pw)
  );
}

const AFFIX = /^[0-9\p{P}\p{S}\s]*/u;
const AFFIX_END = /[0-9\p{P}\p{S}\s]*$/u;

/** True for a digit run a person picks because it is easy: repeated, counting, a date, or a short unit repeated. */
export function trivialDigits(d: string, common: ReadonlySet<string>): boolean {
  if (common.has(d)) return true;
  if (/^(\d{1,3})\1+$/.test(d)) return true; // 888888, 121212, 520520
  const steps = new Set<number>();
  for (let i = 1; i < d.length; i++) steps.add((Number(d[i]) - Number(d[i - 1]) + 10) % 10);
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return true; // 123456, 987654, 7890
  return dateLike(d);
}

function dateLike(d: string): boolean {
  const md = (m: string, day: string) => Number(m) >= 1 && Number(m) <= 12 && Number(day) >= 1 && Number(day) <= 31;
  if (d.length === 8) {
    const y = Number(d.slice(0, 4));
    if (y >= 1900 && y <= 2099 && md(d.slice(4, 6), d.slice(6, 8))) return true; // 19900101
    const y2 = Number(d.slice(4, 8));
    return y2 >= 1900 && y2 <= 2099 && md(d.slice(0, 2), d.slice(2, 4)); // 01011990
  }
  if (d.length === 6) return md(d.slice(2, 4), d.slice(4, 6)) || md(d.slice(0, 2), d.slice(2, 4)); // 900101
  if (d.length === 4) return (Number(d) >= 1940 && Number(d) <= 2039) || md(d.slice(0, 2), d.slice(2, 4));
  return false;
}

/**
 * Checks a new password for `username` against the policy and `common` (lower-case entries).
 * @returns the problem, or null when the password may be used.
 */
export function passwordProblem(pw: string, username: string, common: ReadonlySet<string>): PasswordProblem | null {
  if (!passwordAcceptable(pw)) return 'WEAK_PASSWORD';
  const lower = pw.toLowerCase();
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && lower.includes(user)) return 'PASSWORD_CONTAINS_USERNAME';
  if (common.has(lower)) return 'PASSWORD_TOO_COMMON';
  const stem = lower.replace(AFFIX, '').replace(AFFIX_END, '');
  if (stem.length >= 2 && lower.length - stem.length <= 8 && common.has(stem)) return 'PASSWORD_TOO_COMMON';
  const shape = /^([a-z]{0,3})(\d{4,})([a-z]{0,3})$/.exec(lower);
  if (shape && trivialDigits(shape[2]!, common)) return 'PASSWORD_TOO_COMMON';
  if (/^(.{1,4})\1+$/u.test(lower)) return 'PASSWORD_TOO_COMMON';
  return null;
}
