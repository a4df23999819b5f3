import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea, parseArea } from './area.ts';
import { tallyHouseholds, tallyOwners, type Choice, type Matter, type TallyBallot, type TallyUnit } from './tally.ts';

/** A brute-force oracle: exact rationals as (numerator, denominator) pairs compared by cross-multiplication. */
function oracle(matter: Matter, units: readonly TallyUnit[], ballots: readonly TallyBallot[]) {
  const owners = [...new Set(units.map((u) => u.owner))];
  const area = (o: string) => units.filter((u) => u.owner === o).reduce((s, u) => s + u.areaCenti, 0n);
  const total = units.reduce((s, u) => s + u.areaCenti, 0n);
  const part = ballots.map((b) => b.owner);
  const yes = ballots.filter((b) => b.choice === 'yes').map((b) => b.owner);
  const sum = (os: string[]) => os.reduce((s, o) => s + area(o), 0n);
  // fraction a/b ≥ p/q  ⇔  a·q ≥ p·b
  const ge = (a: bigint, b: bigint, p: bigint, q: bigint) => a * q >= p * b;
  const gt = (a: bigint, b: bigint, p: bigint, q: bigint) => a * q > p * b;
  const quorum = ge(sum(part), total, 2n, 3n) && ge(BigInt(part.length), BigInt(owners.length), 2n, 3n);
  const approve =
    matter === 'major'
      ? ge(sum(yes), sum(part), 3n, 4n) && ge(BigInt(yes.length), BigInt(part.length), 3n, 4n)
      : gt(sum(yes), sum(part), 1n, 2n) && gt(BigInt(yes.length), BigInt(part.length), 1n, 2n);
  return { quorum, passed: quorum && approve };
}

const choice = fc.constantFrom<Choice>('yes', 'no', 'abstain');
/** A roll of 1–40 units over up to 12 owners (so several units share an owner), with ballots for some owners. */
const rollArb = fc
  .record({
    units: fc.array(fc.record({ area: fc.integer({ min: 1, max: 50_000 }), owner: fc.integer({ min: 0, max: 11 }) }), {
      minLength: 1,
      maxLength: 40,
    }),
    votes: fc.array(fc.option(choice), { minLength: 12, maxLength: 12 }),
    matter: fc.constantFrom<Matter>('major', 'ordinary'),
  })
  .map(({ units, votes, matter }) => {
    const roll: TallyUnit[] = units.map((u, i) => ({
      unit: `u${i}`,
      areaCenti: BigInt(u.area),
      owner: `o${u.owner}`,
      developerUnsold: u.owner === 0,
    }));
    const present = new Set(roll.map((u) => u.owner));
    const ballots: TallyBallot[] = votes.flatMap((c, i) =>
      c && present.has(`o${i}`) ? [{ owner: `o${i}`, choice: c }] : [],
    );
    return { roll, ballots, matter };
  });

const run = (m: Matter, u: TallyUnit[], b: TallyBallot[]) => {
  const r = tallyOwners(m, u, b);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.tally;
};
const units = (...xs: [string, number, string][]): TallyUnit[] =>
  xs.map(([unit, a, owner]) => ({ unit, areaCenti: BigInt(a), owner, developerUnsold: owner === 'dev' }));

describe('art. 278 tally', () => {
  it('agrees with a brute-force rational oracle', () => {
    fc.assert(
      fc.property(rollArb, ({ roll, ballots, matter }) => {
        const t = run(matter, roll, ballots);
        expect({ quorum: t.quorum, passed: t.passed }).toEqual(oracle(matter, roll, ballots));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on the order of units or ballots', () => {
    fc.assert(
      fc.property(rollArb, fc.integer(), ({ roll, ballots, matter }, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 2654435761 + seed) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        expect(run(matter, shuffle(roll), shuffle(ballots))).toEqual(run(matter, roll, ballots));
      }),
    );
  });

  it('is monotone: turning a no or abstention into yes never turns a pass into a fail', () => {
    fc.assert(
      fc.property(rollArb, fc.nat(), ({ roll, ballots, matter }, k) => {
        const idx = ballots.findIndex((b, i) => i >= k % Math.max(ballots.length, 1) && b.choice !== 'yes');
        if (idx < 0) return;
        const more = ballots.map((b, i) => (i === idx ? { ...b, choice: 'yes' as const } : b));
        if (run(matter, roll, ballots).passed) expect(run(matter, roll, more).passed).toBe(true);
      }),
    );
  });

  it('adding a ballot never loses the quorum; a major pass is also an ordinary pass', () => {
    fc.assert(
      fc.property(rollArb, ({ roll, ballots }) => {
        const voted = new Set(ballots.map((b) => b.owner));
        const extra = roll.find((u) => !voted.has(u.owner));
        if (extra && run('major', roll, ballots).quorum) {
          expect(run('major', roll, [...ballots, { owner: extra.owner, choice: 'no' }]).quorum).toBe(true);
        }
        if (run('major', roll, ballots).passed) expect(run('ordinary', roll, ballots).passed).toBe(true);
      }),
    );
  });

  it('shows every threshold with its numbers, `required` being the least value that meets it', () => {
    fc.assert(
      fc.property(rollArb, ({ roll, ballots, matter }) => {
        for (const th of run(matter, roll, ballots).thresholds) {
          expect(th.met).toBe(th.actual >= th.required);
        }
      }),
    );
  });

  it('exactly 2/3 reaches the quorum and exactly 3/4 passes a major matter (art. 1259: 以上 includes)', () => {
    // 12 owners of 100.00 m² each: 8 take part (exactly 2/3), 6 of them say yes (exactly 3/4).
    const roll = units(...Array.from({ length: 12 }, (_, i): [string, number, string] => [`u${i}`, 10_000, `o${i}`]));
    const b = (n: number, yes: number): TallyBallot[] =>
      Array.from({ length: n }, (_, i) => ({ owner: `o${i}`, choice: i < yes ? 'yes' : 'abstain' }));
    const t = run('major', roll, b(8, 6));
    expect([t.quorum, t.passed]).toEqual([true, true]);
    expect(t.thresholds.map((x) => [x.key, x.actual, x.base, x.required])).toEqual([
      ['quorumArea', 80_000n, 120_000n, 80_000n],
      ['quorumOwners', 8n, 12n, 8n],
      ['approvalArea', 60_000n, 80_000n, 60_000n],
      ['approvalOwners', 6n, 8n, 6n],
    ]);
    expect(run('major', roll, b(8, 5)).passed).toBe(false); // 5/8 < 3/4
    expect(run('major', roll, b(7, 7)).quorum).toBe(false); // 7/12 < 2/3
  });

  it('exactly half is not "过半数": an ordinary matter needs strictly more than 1/2', () => {
    const roll = units(['a', 5_000, 'o1'], ['b', 5_000, 'o2'], ['c', 5_000, 'o3'], ['d', 5_000, 'o4']);
    const ballots = (yes: number): TallyBallot[] =>
      ['o1', 'o2', 'o3', 'o4'].map((owner, i) => ({ owner, choice: i < yes ? 'yes' : 'no' }));
    expect(run('ordinary', roll, ballots(2)).passed).toBe(false);
    expect(run('ordinary', roll, ballots(3)).passed).toBe(true);
  });

  it('needs both area and headcount: a large owner alone cannot pass, nor many small ones', () => {
    const roll = units(['big', 90_000, 'o1'], ['s1', 1_000, 'o2'], ['s2', 1_000, 'o3'], ['s3', 1_000, 'o4']);
    const all = (yes: string[]): TallyBallot[] =>
      ['o1', 'o2', 'o3', 'o4'].map((owner) => ({ owner, choice: yes.includes(owner) ? 'yes' : 'no' }));
    const big = run('ordinary', roll, all(['o1']));
    expect(big.thresholds.find((t) => t.key === 'approvalArea')!.met).toBe(true);
    expect(big.passed).toBe(false);
    const small = run('ordinary', roll, all(['o2', 'o3', 'o4']));
    expect(small.thresholds.find((t) => t.key === 'approvalOwners')!.met).toBe(true);
    expect(small.passed).toBe(false);
  });

  it('counts the developer unsold units as one owner and a buyer of several units once (SPC arts. 8–9)', () => {
    const roll = units(['1', 100, 'dev'], ['2', 100, 'dev'], ['3', 100, 'dev'], ['4', 100, 'o1'], ['5', 100, 'o1']);
    roll.push({ unit: '6', areaCenti: 100n, owner: 'o2', developerUnsold: false });
    const t = run('ordinary', roll, [{ owner: 'dev', choice: 'yes' }]);
    expect(t.owners).toBe(3);
    expect(t.participatingAreaCenti).toBe(300n);
    expect(t.participatingOwners).toBe(1);
  });

  it('abstentions take part but do not approve', () => {
    const roll = units(['a', 100, 'o1'], ['b', 100, 'o2'], ['c', 100, 'o3']);
    const t = run('ordinary', roll, [
      { owner: 'o1', choice: 'yes' },
      { owner: 'o2', choice: 'abstain' },
      { owner: 'o3', choice: 'abstain' },
    ]);
    expect([t.quorum, t.participatingOwners, t.passed]).toEqual([true, 3, false]);
  });

  it('refuses what cannot be tallied', () => {
    const roll = units(['a', 100, 'o1']);
    expect(tallyOwners('major', [], [])).toEqual({ ok: false, problem: { code: 'NO_UNITS' } });
    expect(tallyOwners('major', [...roll, ...roll], [])).toMatchObject({ problem: { code: 'DUPLICATE_UNIT' } });
    expect(tallyOwners('major', roll, [{ owner: 'x', choice: 'yes' }])).toMatchObject({
      problem: { code: 'UNKNOWN_OWNER', owner: 'x' },
    });
    const twice: TallyBallot[] = [
      { owner: 'o1', choice: 'yes' },
      { owner: 'o1', choice: 'no' },
    ];
    expect(tallyOwners('major', roll, twice)).toMatchObject({ problem: { code: 'DUPLICATE_BALLOT' } });
    const devs = roll.concat(
      { unit: 'd1', areaCenti: 1n, owner: 'd1', developerUnsold: true },
      { unit: 'd2', areaCenti: 1n, owner: 'd2', developerUnsold: true },
    );
    expect(tallyOwners('major', devs, [])).toMatchObject({ problem: { code: 'DEVELOPER_KEYS' } });
  });
});

describe('areas', () => {
  it('round-trips every centi-m² value and refuses malformed text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (c) => {
        expect(parseArea(formatArea(c))).toBe(c);
      }),
    );
    for (const bad of ['', '-1.00', '1.005', '1e3', '.5', '1.', ' 1', '+1', '1,000.00', 'NaN']) {
      expect(parseArea(bad)).toBeNull();
    }
    expect(parseArea('89.5')).toBe(8950n);
    expect(formatArea(5n)).toBe('0.05');
  });
});

describe('household tally', () => {
  it('is more than half taking part and more than half of them yes', () => {
    expect(tallyHouseholds(4, ['yes', 'yes']).quorum).toBe(false);
    expect(tallyHouseholds(4, ['yes', 'yes', 'no']).passed).toBe(true);
    expect(tallyHouseholds(4, ['yes', 'no', 'abstain']).passed).toBe(false);
    fc.assert(
      fc.property(fc.array(choice, { maxLength: 50 }), fc.nat(50), (cs, extra) => {
        const t = tallyHouseholds(cs.length + extra, cs);
        expect(t.passed).toBe(t.participating * 2 > t.households && t.yes * 2 > t.participating);
      }),
    );
  });
});
