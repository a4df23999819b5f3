/**
 * From a vote's frozen roll and its ballots to the tally and the published tally file (pure).
 *
 * The published file uses pseudonyms (units U0001…, owners O0001…) so it carries no address or name, yet
 * `linli vote tally` reproduces the result exactly. For a secret vote the ballots hold no owner: each ballot becomes
 * one pseudo-owner B0001… holding the ballot's area (its owner's whole exclusive area), and the owners who did not
 * vote keep their units, so the totals, the headcounts and every threshold are the same as on the real roll.
 * Secret ballots are numbered in (choice, area) order, so neither the casting order nor the roll order shows.
 */
import { formatArea } from './area.ts';
import {
  tallyHouseholds,
  tallyOwners,
  type Choice,
  type HouseholdTally,
  type Matter,
  type OwnersTally,
  type TallyBallot,
  type TallyUnit,
} from './tally.ts';
import { summarize, toTallyFile, type TallyFile, type TallySummary } from './tallyFile.ts';

/** A unit of the frozen roll as stored. */
export interface RollEntry {
  householdId: string;
  label: string;
  areaCenti: number;
  ownerKey: string;
  developerUnsold: boolean;
}

/** A stored ballot: the voter key is null in a secret vote. */
export interface StoredBallot {
  voterKey: string | null;
  choice: Choice;
  weightCenti: bigint;
}

const pad = (p: string, i: number) => `${p}${String(i + 1).padStart(4, '0')}`;

/** The pseudonymous roll and ballots whose tally equals the vote's (see the file comment). */
function publicRoll(
  roll: readonly RollEntry[],
  ballots: readonly StoredBallot[],
  participantKeys: ReadonlySet<string>,
  secret: boolean,
): { units: TallyUnit[]; ballots: TallyBallot[] } {
  const ownerName = new Map<string, string>();
  const nameOf = (k: string) => {
    if (!ownerName.has(k)) ownerName.set(k, pad('O', ownerName.size));
    return ownerName.get(k)!;
  };
  const kept = secret ? roll.filter((u) => !participantKeys.has(u.ownerKey)) : roll;
  const units: TallyUnit[] = kept.map((u, i) => ({
    unit: pad('U', i),
    areaCenti: BigInt(u.areaCenti),
    owner: nameOf(u.ownerKey),
    developerUnsold: u.developerUnsold,
  }));
  if (!secret) {
    return {
      units,
      ballots: ballots.map((b) => ({ owner: nameOf(b.voterKey ?? ''), choice: b.choice })),
    };
  }
  const order: Record<Choice, number> = { yes: 0, no: 1, abstain: 2 };
  const sorted = [...ballots].sort(
    (a, b) =>
      order[a.choice] - order[b.choice] || (a.weightCenti < b.weightCenti ? -1 : a.weightCenti > b.weightCenti ? 1 : 0),
  );
  // The developer's ballot stays one owner; its units were merged into one weight when it was cast.
  for (const [i, b] of sorted.entries()) {
    units.push({ unit: pad('B', i), areaCenti: b.weightCenti, owner: pad('B', i), developerUnsold: false });
  }
  return { units, ballots: sorted.map((_, i) => ({ owner: pad('B', i), choice: sorted[i]!.choice })) };
}

/** The outcome of a vote: owners' (art. 278) with its published file, or households'. */
export type VoteOutcome =
  | { kind: 'owners'; tally: OwnersTally; summary: TallySummary; file: TallyFile }
  | { kind: 'households'; tally: HouseholdTally };

/** Tallies a vote from its roll and ballots. Throws when the stored data cannot be tallied (never expected). */
export function outcomeOf(
  v: { kind: 'owners' | 'households'; matter: Matter; secret: boolean; roll: readonly RollEntry[] },
  ballots: readonly StoredBallot[],
  participantKeys: ReadonlySet<string>,
): VoteOutcome {
  if (v.kind === 'households') {
    return {
      kind: 'households',
      tally: tallyHouseholds(
        v.roll.length,
        ballots.map((b) => b.choice),
      ),
    };
  }
  const p = publicRoll(v.roll, ballots, participantKeys, v.secret);
  const r = tallyOwners(v.matter, p.units, p.ballots);
  if (!r.ok) throw new Error(`vote cannot be tallied: ${JSON.stringify(r.problem)}`);
  return {
    kind: 'owners',
    tally: r.tally,
    summary: summarize(r.tally),
    file: toTallyFile(v.matter, p.units, p.ballots),
  };
}

/** One threshold as shown to people: numbers as text (areas with two decimals), the rule as "≥ 2/3" or "> 1/2". */
interface ShownThreshold {
  key: string;
  unit: 'area' | 'owners';
  rule: string;
  actual: string;
  base: string;
  required: string;
  met: boolean;
}

/** The stored and shown result of a vote. */
export interface VoteResult {
  kind: 'owners' | 'households';
  quorum: boolean;
  passed: boolean;
  summary: TallySummary | null;
  counts: { yes: string; no: string; abstain: string; yesVoters: number; noVoters: number; abstainVoters: number };
  thresholds: ShownThreshold[];
}

/** Formats an outcome for storage and display. */
export function resultOf(o: VoteOutcome): VoteResult {
  const t = o.tally;
  const shown = t.thresholds.map((x) => {
    const f = (n: bigint) => (x.unit === 'area' ? formatArea(n) : n.toString());
    return {
      key: x.key,
      unit: x.unit,
      rule: `${x.strict ? '>' : '≥'} ${x.num}/${x.den}`,
      actual: f(x.actual),
      base: f(x.base),
      required: f(x.required),
      met: x.met,
    };
  });
  if (o.kind === 'households') {
    const h = o.tally;
    const c = { yes: String(h.yes), no: String(h.no), abstain: String(h.abstain) };
    return {
      kind: 'households',
      quorum: h.quorum,
      passed: h.passed,
      summary: null,
      counts: { ...c, yesVoters: h.yes, noVoters: h.no, abstainVoters: h.abstain },
      thresholds: shown,
    };
  }
  const w = o.tally;
  return {
    kind: 'owners',
    quorum: w.quorum,
    passed: w.passed,
    summary: o.summary,
    counts: {
      yes: formatArea(w.yesAreaCenti),
      no: formatArea(w.noAreaCenti),
      abstain: formatArea(w.abstainAreaCenti),
      yesVoters: w.yesOwners,
      noVoters: w.noOwners,
      abstainVoters: w.abstainOwners,
    },
    thresholds: shown,
  };
}
