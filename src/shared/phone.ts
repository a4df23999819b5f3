/**
 * Phone numbers as the registry accepts them (one definition for the server's zod schemas, the ledger
 * import, audit masking and the web's form checks): a mainland mobile number of 11 digits starting 13–19,
 * or a landline with its area code (0 + 2–3 digits, an optional hyphen, 7–8 digits).
 */

/** A mainland mobile number (11 digits, 13x–19x), as a pattern to embed in other expressions. */
export const MOBILE_PATTERN = '1[3-9]\\d{9}';

/** A whole phone field: a mobile number or a landline with area code. */
export const PHONE = new RegExp(`^(${MOBILE_PATTERN}|0\\d{2,3}-?\\d{7,8})$`);

/** True when `s` is a valid phone number (mobile or landline with area code), without surrounding blanks. */
export function isPhone(s: string): boolean {
  return PHONE.test(s);
}
