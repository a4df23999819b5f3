/**
 * Client-side checks that mirror the server's (the server stays the authority and its messages are shown
 * when it refuses). The ID number check is the server's own pure function (GB 11643), so both sides agree.
 */
import { validateIdNumber } from '../../server/modules/registry/domain/idNumber.ts';
import { isPhone } from '../../shared/phone.ts';

/** i18n key of the problem, or null when fine. */
export type Problem = string | null;

/**
 * Mainland mobile number (11 digits, 13x–19x) or a landline with area code, as the server accepts.
 * Empty is allowed: the phone is optional.
 */
export function checkPhone(v: string | undefined | null): Problem {
  if (!v) return null;
  return isPhone(v.trim()) ? null : 'person.badPhone';
}

/** GB 11643 ID number (empty allowed); `today` is `YYYY-MM-DD`. */
export function checkIdNumber(v: string | undefined | null, today?: string): Problem {
  if (!v) return null;
  const r = validateIdNumber(v, today);
  if (r.ok) return null;
  return r.reason === 'format'
    ? 'person.badIdFormat'
    : r.reason === 'birth_date'
      ? 'person.badIdDate'
      : 'person.badIdCheck';
}

/** The birth date encoded in a valid ID number must match the date typed in. */
export function checkBirthMatchesId(birth: string | undefined | null, id: string | undefined | null): Problem {
  if (!birth || !id) return null;
  const r = validateIdNumber(id);
  return r.ok && r.birthDate !== birth ? 'person.idBirthMismatch' : null;
}

/** Floor area in m²: a finite number > 0. */
export function checkArea(v: number | string | undefined | null): Problem {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? null : 'household.areaPositive';
}
