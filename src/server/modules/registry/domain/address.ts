/**
 * Free-text addresses → a registered compound or building (pure). Residents and city apps write the same place
 * many ways: "丝路嘉苑1号楼", "丝路嘉苑 一号楼 2单元", "丝路嘉苑1栋", full-width digits,
 * a city/district prefix.
 * Both the text and the registered names are normalised the same way, and the longest registered name found
 * in the text wins (a building's name contains its compound's, so a building beats its compound).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A Chinese numeral up to 99 (一, 十, 十二, 二十三) as digits; the input when it is not one. */
function chineseNumber(s: string): string {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九〇零])?$/.exec(s);
  if (!m || s === '') return s;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? String(DIGITS[tens]) : s;
  return String((tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0));
}

/**
 * The normal form of an address or a name: NFKC (full-width digits and letters), no spaces or punctuation,
 * Chinese numerals before 号/栋/幢/座/单元/楼 as digits, and 栋/幢/座/号 (of a building) written 号楼.
 */
export function normalizeAddress(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s,，。.、·\-—_()（）#＃]/g, '')
    .replace(/[一二两三四五六七八九十〇零]{1,3}(?=号|栋|幢|座|单元|楼|层|室)/g, (n) => chineseNumber(n))
    .replace(/(\d+)(?:号楼|栋楼|幢楼|号|栋|幢|座)/g, '$1号楼')
    .toUpperCase();
}

/** A registered place an address may name. */
export interface AddressCandidate {
  kind: 'building' | 'compound';
  id: string;
  name: string;
}

/** The candidate whose normalised name is the longest one contained in the normalised text (null: none). */
export function matchAddress<T extends AddressCandidate>(text: string, candidates: readonly T[]): T | null {
  const t = normalizeAddress(text);
  let best: { c: T; len: number } | null = null;
  for (const c of candidates) {
    const n = normalizeAddress(c.name);
    if (n.length < 2 || !t.includes(n)) continue;
    // A building "1号楼" must not match inside "11号楼": the character before the match may not be a digit.
    const at = t.indexOf(n);
    if (/\d/.test(n[0] ?? '') && at > 0 && /\d/.test(t[at - 1] ?? '')) continue;
    if (/\d$/.test(n) && /^\d/.test(t.slice(at + n.length))) continue;
    if (!best || n.length > best.len || (n.length === best.len && c.kind === 'building')) best = { c, len: n.length };
  }
  return best?.c ?? null;
}
