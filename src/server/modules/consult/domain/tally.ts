/**
 * The vote tallies, pure and exact.
 *
 * (a) Owners' joint decisions, Civil Code art. 278: owners holding ≥ 2/3 of the exclusive area AND ≥ 2/3 of the
 * owners by number take part (quorum); a "major" matter (art. 278 items 6–8: raising the maintenance fund,
 * rebuilding, changing the use of common parts) needs ≥ 3/4 of the participating area AND of the participating
 * owners, an "ordinary" one more than 1/2 of both. Art. 1259: "以上" includes the number (exactly 2/3 or 3/4
 * passes), "过半数" does not (exactly 1/2 fails). Abstaining owners take part. Headcount per the SPC interpretation
 * on building ownership arts. 8–9: one owner per owner key, so one buyer of several units counts once and the
 * developer's unsold units (which must share one key) count as one owner together.
 *
 * (b) A consultation vote of one household, one vote: more than half of the households take part and more than
 * half of those taking part say yes.
 *
 * Every comparison is a cross-multiplication of integers (areas in centi-m² as bigint), never a float division.
 */

/** How much agreement an owners' decision needs. */
export type Matter = 'major' | 'ordinary';
/** A ballot's answer; an abstention counts as taking part. */
export type Choice = 'yes' | 'no' | 'abstain';

/** One exclusive unit of the roll. */
export interface TallyUnit {
  unit: string;
  /** Exclusive area in centi-m² (> 0). */
  areaCenti: bigint;
  /** Owner key: units sharing it belong to one owner for the headcount. */
  owner: string;
  /** A developer's unsold or undelivered unit (SPC interpretation art. 9). */
  developerUnsold: boolean;
}

/** One owner's ballot (covers every unit of that owner). */
export interface TallyBallot {
  owner: string;
  choice: Choice;
}

/** One threshold with its numbers: `actual` must reach `num/den` of `base` (≥, or > when `strict`). */
interface Threshold {
  key: 'quorumArea' | 'quorumOwners' | 'approvalArea' | 'approvalOwners';
  /** 'area' values are centi-m², 'owners' values are headcounts. */
  unit: 'area' | 'owners';
  num: bigint;
  den: bigint;
  strict: boolean;
  actual: bigint;
  base: bigint;
  /** The smallest `actual` that meets the threshold. */
  required: bigint;
  met: boolean;
}

/** The outcome of an owners' decision, with every number shown. */
export interface OwnersTally {
  matter: Matter;
  quorum: boolean;
  passed: boolean;
  totalAreaCenti: bigint;
  owners: number;
  participatingAreaCenti: bigint;
  participatingOwners: number;
  yesAreaCenti: bigint;
  yesOwners: number;
  noAreaCenti: bigint;
  noOwners: number;
  abstainAreaCenti: bigint;
  abstainOwners: number;
  thresholds: Threshold[];
}

/** Why a roll and its ballots cannot be tallied. */
type TallyProblem =
  | { code: 'NO_UNITS' }
  | { code: 'DUPLICATE_UNIT'; unit: string }
  | { code: 'BAD_AREA'; unit: string }
  | { code: 'NO_OWNER'; unit: string }
  | { code: 'DEVELOPER_KEYS'; owners: string[] }
  | { code: 'UNKNOWN_OWNER'; owner: string }
  | { code: 'DUPLICATE_BALLOT'; owner: string };

/** A tally or the first reason it cannot be made. */
export type TallyResult = { ok: true; tally: OwnersTally } | { ok: false; problem: TallyProblem };

/** Builds one threshold: inclusive (≥ num/den) unless `strict` (> num/den). */
function threshold(
  key: Threshold['key'],
  unit: Threshold['unit'],
  num: bigint,
  den: bigint,
  strict: boolean,
  actual: bigint,
  base: bigint,
): Threshold {
  const lhs = actual * den;
  const rhs = base * num;
  const met = strict ? lhs > rhs : lhs >= rhs;
  const required = strict ? (base * num) / den + 1n : (base * num + den - 1n) / den;
  return { key, unit, num, den, strict, actual, base, required, met };
}

/** Checks the roll and ballots: units, areas, owners, one developer key, known and single ballots. */
function checkRoll(units: readonly TallyUnit[], ballots: readonly TallyBallot[]): TallyProblem | null {
  if (units.length === 0) return { code: 'NO_UNITS' };
  const seen = new Set<string>();
  const devKeys = new Set<string>();
  const owners = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unit)) return { code: 'DUPLICATE_UNIT', unit: u.unit };
    seen.add(u.unit);
    if (u.areaCenti <= 0n) return { code: 'BAD_AREA', unit: u.unit };
    if (u.owner.trim() === '') return { code: 'NO_OWNER', unit: u.unit };
    if (u.developerUnsold) devKeys.add(u.owner);
    owners.add(u.owner);
  }
  if (devKeys.size > 1) return { code: 'DEVELOPER_KEYS', owners: [...devKeys].sort() };
  const voted = new Set<string>();
  for (const b of ballots) {
    if (!owners.has(b.owner)) return { code: 'UNKNOWN_OWNER', owner: b.owner };
    if (voted.has(b.owner)) return { code: 'DUPLICATE_BALLOT', owner: b.owner };
    voted.add(b.owner);
  }
  return null;
}

/** Tallies an owners' decision under art. 278 (see the file comment). */
export function tallyOwners(matter: Matter, units: readonly TallyUnit[], ballots: readonly TallyBallot[]): TallyResult {
  const problem = checkRoll(units, ballots);
  if (problem) return { ok: false, problem };
  const areaOf = new Map<string, bigint>();
  let totalAreaCenti = 0n;
  for (const u of units) {
    totalAreaCenti += u.areaCenti;
    areaOf.set(u.owner, (areaOf.get(u.owner) ?? 0n) + u.areaCenti);
  }
  const area = { yes: 0n, no: 0n, abstain: 0n };
  const heads = { yes: 0, no: 0, abstain: 0 };
  for (const b of ballots) {
    area[b.choice] += areaOf.get(b.owner)!;
    heads[b.choice] += 1;
  }
  const owners = areaOf.size;
  const partArea = area.yes + area.no + area.abstain;
  const partOwners = heads.yes + heads.no + heads.abstain;
  const [num, den, strict] = matter === 'major' ? [3n, 4n, false] : [1n, 2n, true];
  const thresholds = [
    threshold('quorumArea', 'area', 2n, 3n, false, partArea, totalAreaCenti),
    threshold('quorumOwners', 'owners', 2n, 3n, false, BigInt(partOwners), BigInt(owners)),
    threshold('approvalArea', 'area', num, den, strict, area.yes, partArea),
    threshold('approvalOwners', 'owners', num, den, strict, BigInt(heads.yes), BigInt(partOwners)),
  ];
  const quorum = thresholds[0]!.met && thresholds[1]!.met;
  const passed = quorum && thresholds[2]!.met && thresholds[3]!.met;
  return {
    ok: true,
    tally: {
      matter,
      quorum,
      passed,
      totalAreaCenti,
      owners,
      participatingAreaCenti: partArea,
      participatingOwners: partOwners,
      yesAreaCenti: area.yes,
      yesOwners: heads.yes,
      noAreaCenti: area.no,
      noOwners: heads.no,
      abstainAreaCenti: area.abstain,
      abstainOwners: heads.abstain,
      thresholds,
    },
  };
}

/** The outcome of a one-household-one-vote consultation. */
export interface HouseholdTally {
  households: number;
  participating: number;
  yes: number;
  no: number;
  abstain: number;
  quorum: boolean;
  passed: boolean;
  thresholds: Threshold[];
}

/** Tallies a consultation vote: quorum > 1/2 of households, approval > 1/2 of those taking part. */
export function tallyHouseholds(households: number, choices: readonly Choice[]): HouseholdTally {
  const c = { yes: 0, no: 0, abstain: 0 };
  for (const x of choices) c[x] += 1;
  const participating = c.yes + c.no + c.abstain;
  const thresholds = [
    threshold('quorumOwners', 'owners', 1n, 2n, true, BigInt(participating), BigInt(households)),
    threshold('approvalOwners', 'owners', 1n, 2n, true, BigInt(c.yes), BigInt(participating)),
  ];
  const quorum = thresholds[0]!.met;
  return { households, participating, ...c, quorum, passed: quorum && thresholds[1]!.met, thresholds };
}
