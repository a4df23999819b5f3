/** `linli circle …` as a user runs it: separate processes on a real (PGlite) data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../server/modules/circle/fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-circle-cli-'));
const dir = join(tmp, 'data');
function run(dataDir: string, args: string[]) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...rest, LINLI_DATA_DIR: dataDir, LANG: 'C' },
    timeout: 120_000,
  });
}
const linli = (...args: string[]) => run(dir, args);

describe('linli circle', () => {
  it('prints coverage and site suggestions, writes the PDF report, refuses a corrupt PBF', () => {
    expect(linli('seed-demo').status).toBe(0);
    const cov = linli('circle', 'coverage', '--profile', 'elderly');
    expect(cov.status, cov.stderr).toBe(0);
    expect(cov.stdout).toMatch(/elderly_day_care\s+1\s+300 m\s+\d+\.\d%/);
    expect(cov.stdout).toContain('nursery absent');
    const json = linli('circle', 'coverage', '--json', '--community', '620702004006');
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ homes: expect.any(Number), categories: expect.any(Array) });
    const sites = linli('circle', 'sites', '--category', '日间照料中心', '--for', 'elderly', '--k', '2');
    expect(sites.status, sites.stderr).toBe(0);
    expect(sites.stdout).toMatch(/#1 .+ \+\d+ households, \+\d+ elderly/);
    expect(sites.stdout).toMatch(/exact optimum .+ gap \d/);
    const pdf = join(tmp, 'r.pdf');
    expect(linli('circle', 'report', pdf, '--lang', 'en').status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = join(tmp, 'bad.osm.pbf');
    writeFileSync(bad, 'definitely not a protocol buffer');
    const imp = linli('circle', 'import', bad, '--name', 'bad');
    expect(imp.status).toBe(1);
    expect(imp.stderr).toContain('OSM_CORRUPT');
  }, 240_000); // seven CLI processes; measured 67 s on the busy shared 2-core machine

  it('on a fresh data directory every README command works or says exactly what to run first', () => {
    const fresh = join(tmp, 'fresh');
    const f = (...args: string[]) => run(fresh, args);
    const monaco = fixturePath('osm/monaco.osm.pbf');
    for (const args of [
      ['circle', 'import', monaco, '--name', 'monaco'],
      ['circle', 'sites', '--category', 'elderly_day_care', '--for', 'elderly', '--k', '3'],
      ['import', 'ledger', join(tmp, 'none.xlsx'), '--community', '620702004006'],
      ['import', 'geojson', join(tmp, 'none.json'), '--community', '620702004006', '--kind', 'grids'],
    ]) {
      const r = f(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain('CLI_NO_COMMUNITY');
      expect(r.stderr).toContain('npx linli seed-demo');
      expect(r.stderr).not.toContain('several');
      expect(r.stderr).not.toContain('FORBIDDEN');
    }
    // (Checked by hand on a fresh directory as well: help, migrate, backup and restore work as they are.)
    expect(f('seed-demo').status).toBe(0);
    // `--json` is a boolean: it must not swallow `--community` (it did, and 999 went unnoticed)
    const unknown = f('circle', 'coverage', '--json', '--community', '999');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('CLI_UNKNOWN_COMMUNITY');
    expect(unknown.stderr).toMatch(/there are: \d{12}/);
    const noUser = f('export', 'ledger', join(tmp, 'out.csv'), '--community', '620702004006', '--user', 'nobody');
    expect(noUser.stderr).toContain('CLI_UNKNOWN_USER');
    // After the seed, the README's circle import works on the repository's fixture.
    const imp = f('circle', 'import', monaco, '--name', 'monaco');
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/network monaco: \d+ vertices/);
    expect(imp.stdout).toContain('© OpenStreetMap contributors');
  }, 300_000);
});
