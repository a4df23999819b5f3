/**
 * The published tally file and its summary, shared by the `linli vote tally` command and the result download:
 * `{"matter","units":[{"unit","area":"89.50","owner","developerUnsold"}],"ballots":[{"owner","choice"}]}` in,
 * `{"quorum","passed","totalArea","owners","participatingArea","participatingOwners","yesArea","yesOwners"}` out.
 * Anyone can recompute a published result from the file without the database.
 */
import { formatArea, parseArea } from './area.ts';
import { tallyOwners, type Choice, type Matter, type OwnersTally, type TallyBallot, type TallyUnit } from './tally.ts';

/** The file as published. */
export interface TallyFile {
  matter: Matter;
  units: { unit: string; area: string; owner: string; developerUnsold: boolean }[];
  ballots: { owner: string; choice: Choice }[];
}

/** The command's output (areas as decimals with two places). */
export interface TallySummary {
  quorum: boolean;
  passed: boolean;
  totalArea: string;
  owners: number;
  participatingArea: string;
  participatingOwners: number;
  yesArea: string;
  yesOwners: number;
}

/** A file that cannot be tallied, with a message naming what is wrong and where. */
export class TallyFileError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CHOICES: readonly string[] = ['yes', 'no', 'abstain'];

function unitOf(v: unknown, i: number): TallyUnit {
  const at = `units[${i}]`;
  if (!isObj(v)) throw new TallyFileError(`${at}: expected an object {unit, area, owner, developerUnsold}`);
  const { unit, area, owner, developerUnsold } = v;
  if (typeof unit !== 'string' || unit === '') throw new TallyFileError(`${at}.unit: expected a non-empty string`);
  if (typeof area !== 'string') {
    throw new TallyFileError(`${at}.area (${unit}): expected a string such as "89.50", got ${JSON.stringify(area)}`);
  }
  const areaCenti = parseArea(area);
  if (areaCenti === null) {
    throw new TallyFileError(
      `${at}.area (${unit}): "${area}" is not a non-negative decimal with at most two places (m², e.g. "89.50")`,
    );
  }
  if (areaCenti === 0n) throw new TallyFileError(`${at}.area (${unit}): an exclusive area must be greater than 0`);
  if (typeof owner !== 'string' || owner.trim() === '') {
    throw new TallyFileError(`${at}.owner (${unit}): the unit has no owner (expected a non-empty owner key)`);
  }
  if (developerUnsold !== undefined && typeof developerUnsold !== 'boolean') {
    throw new TallyFileError(`${at}.developerUnsold (${unit}): expected true or false`);
  }
  return { unit, areaCenti, owner, developerUnsold: developerUnsold === true };
}

function ballotOf(v: unknown, i: number): TallyBallot {
  const at = `ballots[${i}]`;
  if (!isObj(v)) throw new TallyFileError(`${at}: expected an object {owner, choice}`);
  if (typeof v.owner !== 'string') throw new TallyFileError(`${at}.owner: expected a string`);
  if (typeof v.choice !== 'string' || !CHOICES.includes(v.choice)) {
    throw new TallyFileError(`${at}.choice: expected "yes", "no" or "abstain", got ${JSON.stringify(v.choice)}`);
  }
  return { owner: v.owner, choice: v.choice as Choice };
}

/** Parses and checks a tally file's text; throws {@link TallyFileError} with a precise message. */
function parseTallyFile(text: string): { matter: Matter; units: TallyUnit[]; ballots: TallyBallot[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TallyFileError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObj(json)) throw new TallyFileError('expected a JSON object {matter, units, ballots}');
  if (json.matter !== 'major' && json.matter !== 'ordinary') {
    throw new TallyFileError(`matter: expected "major" or "ordinary", got ${JSON.stringify(json.matter)}`);
  }
  if (!Array.isArray(json.units)) throw new TallyFileError('units: expected an array');
  if (!Array.isArray(json.ballots)) throw new TallyFileError('ballots: expected an array');
  return { matter: json.matter, units: json.units.map(unitOf), ballots: json.ballots.map(ballotOf) };
}

/** Tallies a file's text into the command's summary; throws {@link TallyFileError} for any problem. */
export function tallyFileText(text: string): { summary: TallySummary; tally: OwnersTally } {
  const f = parseTallyFile(text);
  const r = tallyOwners(f.matter, f.units, f.ballots);
  if (!r.ok) {
    const p = r.problem;
    const why: Record<typeof p.code, string> = {
      NO_UNITS: 'units: the roll is empty',
      DUPLICATE_UNIT: `units: unit "${'unit' in p ? p.unit : ''}" is listed twice`,
      BAD_AREA: `units: unit "${'unit' in p ? p.unit : ''}" has no positive area`,
      NO_OWNER: `units: unit "${'unit' in p ? p.unit : ''}" has no owner`,
      DEVELOPER_KEYS: `units: the developer's unsold units must share one owner key (found ${
        'owners' in p ? p.owners.join(', ') : ''
      })`,
      UNKNOWN_OWNER: `ballots: owner "${'owner' in p ? p.owner : ''}" owns no unit in the roll`,
      DUPLICATE_BALLOT: `ballots: owner "${'owner' in p ? p.owner : ''}" voted more than once`,
    };
    throw new TallyFileError(why[p.code]);
  }
  return { summary: summarize(r.tally), tally: r.tally };
}

/** The eight published numbers of a tally. */
export function summarize(t: OwnersTally): TallySummary {
  return {
    quorum: t.quorum,
    passed: t.passed,
    totalArea: formatArea(t.totalAreaCenti),
    owners: t.owners,
    participatingArea: formatArea(t.participatingAreaCenti),
    participatingOwners: t.participatingOwners,
    yesArea: formatArea(t.yesAreaCenti),
    yesOwners: t.yesOwners,
  };
}

/** Writes a roll and its ballots as the published file (ballots sorted by owner key, so no casting order leaks). */
export function toTallyFile(matter: Matter, units: readonly TallyUnit[], ballots: readonly TallyBallot[]): TallyFile {
  return {
    matter,
    units: units.map((u) => ({
      unit: u.unit,
      area: formatArea(u.areaCenti),
      owner: u.owner,
      developerUnsold: u.developerUnsold,
    })),
    ballots: [...ballots]
      .sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))
      .map((b) => ({ owner: b.owner, choice: b.choice })),
  };
}
