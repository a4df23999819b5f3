/**
 * Masking of personal data for public and low-privilege views (PIPL art. 51 de-identification,
 * docs/domain.md §6). All functions are null-safe: `null`/`undefined`/blank input gives `''`.
 * Masks keep the character count so the layout of the original stays recognisable.
 */

const star = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keep `head` leading and `tail` trailing characters of `s`, star the rest (by code point). */
function keepEnds(s: string, head: number, tail: number): string {
  const cs = Array.from(s);
  if (cs.length <= head + tail) return star(cs.length);
  return cs.slice(0, head).join('') + star(cs.length - head - tail) + cs.slice(cs.length - tail).join('');
}

/** Length of a Chinese area code at the start of a 0-prefixed number: 010 and 02x are 3 digits, the rest 4. */
const areaCodeLength = (d: string): number => (d.startsWith('01') || d.startsWith('02') ? 3 : 4);

/**
 * Mask a phone number.
 * - Mobile (11 digits starting with 1, optional +86/0086/86 prefix): `138****1234` (`+86 138****1234`).
 * - Landline with area code (starts with 0, 10–12 digits): area code kept, local number shows last 4:
 *   `0936-8212345` → `0936-***2345`.
 * - Other numbers: ≥ 7 digits keep first 2 + last 2; 3–6 digits keep first + last; shorter are all stars.
 * Spaces, dashes and brackets in the input are ignored.
 */
export function maskPhone(phone: string | null | undefined): string {
  const raw = (phone ?? '').trim();
  if (raw === '') return '';
  const d = raw.replace(/\D/g, '');
  if (d === '') return star(Array.from(raw).length);
  const cc = /^(?:0086|86)(1\d{10})$/.exec(d);
  if (cc?.[1] !== undefined && (raw.startsWith('+') || d.startsWith('00') || d.length === 13)) {
    return `+86 ${keepEnds(cc[1], 3, 4)}`;
  }
  if (/^1\d{10}$/.test(d)) return keepEnds(d, 3, 4);
  if (d.startsWith('0') && d.length >= 10 && d.length <= 12) {
    const a = areaCodeLength(d);
    return `${d.slice(0, a)}-${keepEnds(d.slice(a), 0, 4)}`;
  }
  if (d.length >= 7) return keepEnds(d, 2, 2);
  if (d.length >= 3) return keepEnds(d, 1, 1);
  return star(d.length);
}

/** How many trailing characters of an ID number a masked view keeps (3 sequence digits + the check character). */
const ID_TAIL = 4;

/**
 * Mask a resident ID number (GB 11643, 18 or legacy 15 characters): every character is starred except the
 * last {@link ID_TAIL} (`62070219900101123X` → `**************123X`). Length is preserved; a trailing `x` is
 * upper-cased; a legacy 15-character number keeps
 * 3 (its sequence digits). Inputs no longer than the tail are fully starred.
 *
 * Why nothing of the head is kept: the first 6 characters are the place code (known from the community a
 * resident lives in) and the next 8 the birth date; with them and the check character the 1–2 hidden sequence
 * digits follow (every one of 894 demo IDs was recomputed from the old `620************404` form shown beside a
 * clear birth date). With only the tail, and an age instead of the birth date, about 365/11 ≈ 33 numbers fit.
 */
export function maskIdNumber(id: string | null | undefined): string {
  const s = (id ?? '').trim().replace(/x$/, 'X');
  if (s === '') return '';
  // A legacy 15-character number has no check character: its last 4 would include a digit of the birth date.
  return keepEnds(s, 0, Array.from(s).length === 15 ? ID_TAIL - 1 : ID_TAIL);
}

/** True when `s` has the shape {@link maskIdNumber} produces (stars, then at most {@link ID_TAIL} characters). */
export function isMaskedIdNumber(s: string): boolean {
  return /^\*+[\dX]{0,4}$/.test(s) && Array.from(s.replace(/\*/g, '')).length <= ID_TAIL;
}

/**
 * Mask a person's name for public views: first character kept, the rest starred
 * (`张三丰` → `张**`, `欧阳娜娜` → `欧***`). Spaces and the middle dot `·` of transliterated names
 * are kept as separators (`阿依·买买提` → `阿*·***`). A one-character name becomes `*`.
 */
export function maskName(name: string | null | undefined): string {
  const cs = Array.from((name ?? '').trim());
  if (cs.length === 0) return '';
  if (cs.length === 1) return '*';
  return cs.map((c, i) => (i === 0 || c === ' ' || c === '·' || c === '•' ? c : '*')).join('');
}
