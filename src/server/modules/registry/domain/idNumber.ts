/**
 * Resident identity numbers (GB 11643-1999, docs/domain.md §6): 6-digit address code + 8-digit birth date
 * (YYYYMMDD) + 3-digit sequence (odd = male, even = female) + 1 check character.
 * Pure: no clock — callers pass `today` when the "not in the future" rule matters.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Check character for the first 17 digits: Σ(digit × weight) mod 11 indexes "10X98765432".
 * @throws RangeError when `first17` is not exactly 17 ASCII digits.
 */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Result of {@link validateIdNumber}; `birthDate` is `YYYY-MM-DD`, `regionCode` the 6-digit address code. */
export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; reason: 'format' | 'birth_date' | 'check_char' };

/** True when `y-m-d` is a real Gregorian calendar date (years 1800–9999, as GB 11643 permits). */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}

/**
 * Validate an 18-character ID number. Surrounding whitespace is trimmed and a lowercase `x` is accepted
 * (`normalized` carries the uppercase form). The birth date must be a real date and, when `today`
 * (`YYYY-MM-DD`) is given, not after it. Reasons are checked in order format → birth_date → check_char.
 */
export function validateIdNumber(s: string, today?: string): IdNumberCheck {
  const v = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, reason: 'format' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  if (!isCalendarDate(y, m, d)) return { ok: false, reason: 'birth_date' };
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  // ISO dates compare correctly as strings.
  if (today !== undefined && birthDate > today) return { ok: false, reason: 'birth_date' };
  if (idCheckChar(v.slice(0, 17)) !== v.charAt(17)) return { ok: false, reason: 'check_char' };
  return {
    ok: true,
    normalized: v,
    birthDate,
    gender: Number(v.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: v.slice(0, 6),
  };
}

/**
 * Build a valid ID number from a 6-digit region code, a `YYYY-MM-DD` (or `YYYYMMDD`) birth date and a
 * sequence 0–999 (odd for men, even for women — the caller chooses).
 * @throws RangeError on a malformed region, an impossible date or a sequence outside 0–999.
 */
export function makeIdNumber(region6: string, birth: string, seq3: number): string {
  if (!/^\d{6}$/.test(region6)) throw new RangeError('makeIdNumber: region must be 6 digits');
  const b = birth.replace(/-/g, '');
  if (!/^\d{8}$/.test(b) || !isCalendarDate(Number(b.slice(0, 4)), Number(b.slice(4, 6)), Number(b.slice(6, 8)))) {
    throw new RangeError('makeIdNumber: invalid birth date');
  }
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError('makeIdNumber: seq must be 0–999');
  const first17 = `${region6}${b}${String(seq3).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
