/**
 * Masking of personal data for public and low-privilege views (PIPL art. 51 de-identification,
 * domain.md §6). All functions are null-safe: `null`/`undefined`/blank input gives `''`.
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

/**
 * Mask a resident ID number (GB 11643, 18 or legacy 15 characters) keeping `head` leading and
 * `tail` trailing characters (default 3 + 3, the convention in domain.md §6; 6 + 4 is the other
 * accepted form). Length is preserved; a trailing `x` is upper-cased. Inputs no longer than
 * `head + tail` are fully starred.
 */
export function maskIdNumber(id: string | null | undefined, head = 3, tail = 3): string {
  const s = (id ?? '').trim().replace(/x$/, 'X');
  if (s === '') return '';
  return keepEnds(s, head, tail);
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
