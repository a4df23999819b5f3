/**
 * Administrative and grid codes (docs/domain.md §2).
 *
 * - County: GB/T 2260, 6 digits = province (2) + prefecture (2) + county (2), e.g. 620702 甘州区.
 * - Street / township: 9 digits = county + 3 (statistical division code, GB/T 10114 rules):
 *   001–099 街道 (street office), 100–199 镇 (town), 200–399 乡 (township, incl. ethnic 乡/苏木),
 *   400–599 乡级类似单位 (development zones, farms …).
 * - Community: 12 digits = street + 3: 001–199 居委会, 200–399 村委会, 400–599 their "类似" units.
 * - Unit grid (CJ/T 213 / GB/T 30428.1): 14 digits = community + 2-digit sequence, or 15 digits
 *   (Beijing) = community + 3-digit sequence. Sequence ≥ 1.
 * All functions take `unknown` so raw import cells can be passed directly; codes are strings (never numbers).
 */

/** Level of a code in the hierarchy. */
export type CodeLevel = 'county' | 'street' | 'community' | 'grid';

/** Kind of 9-digit township-level unit. */
export type StreetType = 'street' | 'town' | 'township' | 'township_like';

/** Kind of 12-digit village-level unit. */
export type CommitteeType = 'residents' | 'village' | 'residents_like' | 'village_like';

/** Bilingual labels for {@link StreetType}. */
export const STREET_TYPE_LABELS: Readonly<Record<StreetType, { zh: string; en: string }>> = {
  street: { zh: '街道', en: 'street office' },
  town: { zh: '镇', en: 'town' },
  township: { zh: '乡', en: 'township' },
  township_like: { zh: '乡级类似单位', en: 'township-level unit' },
};

const digits = (s: unknown, n: number): s is string => typeof s === 'string' && s.length === n && /^\d+$/.test(s);
const part = (s: string, from: number, to: number): number => Number(s.slice(from, to));

/**
 * True for a 6-digit county-level code: province 11–82, and the county part is not `00`
 * (`620700` is the prefecture 张掖市, not a county).
 */
export function isCountyCode(code: unknown): code is string {
  if (!digits(code, 6)) return false;
  const province = part(code, 0, 2);
  return province >= 11 && province <= 82 && code.slice(4, 6) !== '00';
}

/** Kind of a 9-digit street/township code, or `null` when the code is not one. */
export function describeStreetType(code: unknown): StreetType | null {
  if (!digits(code, 9) || !isCountyCode(code.slice(0, 6))) return null;
  const n = part(code, 6, 9);
  if (n >= 1 && n <= 99) return 'street';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  if (n >= 400 && n <= 599) return 'township_like';
  return null;
}

/** Kind of a 12-digit community/village code, or `null` when the code is not one. */
export function describeCommitteeType(code: unknown): CommitteeType | null {
  if (!digits(code, 12) || describeStreetType(code.slice(0, 9)) === null) return null;
  const n = part(code, 9, 12);
  if (n >= 1 && n <= 199) return 'residents';
  if (n >= 200 && n <= 399) return 'village';
  if (n >= 400 && n <= 499) return 'residents_like';
  if (n >= 500 && n <= 599) return 'village_like';
  return null;
}

/** True for a 9-digit township-level code (street office, town, township or similar unit). */
export function isStreetCode(code: unknown): code is string {
  return describeStreetType(code) !== null;
}

/** True for a 12-digit community (residents' or village committee) code. */
export function isCommunityCode(code: unknown): code is string {
  return describeCommitteeType(code) !== null;
}

/** True for a 14-digit (2-digit sequence) or 15-digit (3-digit, Beijing) unit-grid code with sequence ≥ 1. */
export function isGridCode(code: unknown): code is string {
  if (typeof code !== 'string' || (code.length !== 14 && code.length !== 15) || !/^\d+$/.test(code)) return false;
  return isCommunityCode(code.slice(0, 12)) && part(code, 12, code.length) >= 1;
}

/** Level of a valid code, or `null` when the code is invalid at every level. */
export function levelOfCode(code: unknown): CodeLevel | null {
  if (isCountyCode(code)) return 'county';
  if (isStreetCode(code)) return 'street';
  if (isCommunityCode(code)) return 'community';
  if (isGridCode(code)) return 'grid';
  return null;
}

/**
 * Code of the enclosing unit: grid → community (12), community → street (9), street → county (6).
 * `null` for a county code (its prefecture is outside this hierarchy) or an invalid code.
 */
export function parentCode(code: unknown): string | null {
  switch (levelOfCode(code)) {
    case 'grid':
      return (code as string).slice(0, 12);
    case 'community':
      return (code as string).slice(0, 9);
    case 'street':
      return (code as string).slice(0, 6);
    default:
      return null;
  }
}

/**
 * Grid codes of one community must all have one width (14 or 15 digits): otherwise a 14-digit code is a prefix
 * of ten 15-digit ones, and a worker scoped to it (scope is a code prefix) would reach grids not theirs.
 * Returns the codes of `incoming` whose width differs from the community's (that of `existing`, else of the
 * first incoming code).
 */
export function gridWidthMismatches(existing: readonly string[], incoming: readonly string[]): string[] {
  const width = (existing[0] ?? incoming[0])?.length;
  return width === undefined ? [] : incoming.filter((c) => c.length !== width);
}
