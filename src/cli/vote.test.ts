/** `linli vote tally` as a user runs it: a separate process, no database. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'linli-vote-'));
const dataDir = join(tmp, 'never-created');

/** Runs the CLI with a data directory that must stay absent and a database URL that cannot be reached. */
function tally(content: string) {
  const file = join(tmp, `f${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  const env = { ...process.env, LINLI_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'vote', 'tally', file], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
}

const unit = (u: string, area: string, owner: string, developerUnsold = false) => ({
  unit: u,
  area,
  owner,
  developerUnsold,
});

describe('linli vote tally', () => {
  it('prints the published numbers: quorum reached, 3/4 missed; then passed; no database touched', () => {
    const units = [
      unit('3-1-101', '89.50', 'o1'),
      unit('3-1-102', '60.25', 'o2'),
      unit('3-1-201', '89.50', 'o3'),
      unit('3-1-202', '60.25', 'o3'),
      unit('3-2-101', '50.00', 'dev', true),
      unit('3-2-102', '50.00', 'dev', true),
    ];
    const ballots = [
      { owner: 'o1', choice: 'yes' },
      { owner: 'o2', choice: 'yes' },
      { owner: 'o3', choice: 'no' },
    ];
    const r = tally(JSON.stringify({ matter: 'major', units, ballots }));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      quorum: true,
      passed: false,
      totalArea: '399.50',
      owners: 4,
      participatingArea: '299.50',
      participatingOwners: 3,
      yesArea: '149.75',
      yesOwners: 2,
    });
    const ok = tally(JSON.stringify({ matter: 'ordinary', units, ballots }));
    expect(JSON.parse(ok.stdout)).toMatchObject({ quorum: true, passed: false }); // 149.75 of 299.50 is not > 1/2
    const yes = ballots.map((b) => ({ ...b, choice: 'yes' }));
    expect(JSON.parse(tally(JSON.stringify({ matter: 'major', units, ballots: yes })).stdout)).toMatchObject({
      passed: true,
      yesArea: '299.50',
    });
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('refuses malformed files with a clear message and a non-zero exit', () => {
    const units = [unit('1-101', '80.00', 'o1')];
    const cases: [string, string][] = [
      ['{not json', 'not valid JSON'],
      [JSON.stringify({ matter: 'major', units: [unit('1-101', '80.005', 'o1')], ballots: [] }), '"80.005"'],
      [JSON.stringify({ matter: 'major', units: [unit('1-101', '-3.00', 'o1')], ballots: [] }), '"-3.00"'],
      [JSON.stringify({ matter: 'major', units: [{ ...units[0], area: 80 }], ballots: [] }), 'units[0].area'],
      [JSON.stringify({ matter: 'major', units, ballots: [{ owner: 'zz', choice: 'yes' }] }), 'owner "zz"'],
      [
        JSON.stringify({
          matter: 'major',
          units,
          ballots: [
            { owner: 'o1', choice: 'yes' },
            { owner: 'o1', choice: 'no' },
          ],
        }),
        'voted more than once',
      ],
      [JSON.stringify({ matter: 'huge', units, ballots: [] }), 'matter'],
      [JSON.stringify({ matter: 'major', units, ballots: [{ owner: 'o1', choice: 'maybe' }] }), 'choice'],
    ];
    for (const [content, needle] of cases) {
      const r = tally(content);
      expect(r.status, content).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(needle);
    }
    expect(existsSync(dataDir)).toBe(false);
  }, 240_000);
});
