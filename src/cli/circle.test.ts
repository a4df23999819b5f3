/** `linli circle …` as a user runs it: separate processes on a real (PGlite) data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'linli-circle-cli-'));
const dir = join(tmp, 'data');
function linli(...args: string[]) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...rest, LINLI_DATA_DIR: dir, LANG: 'C' },
    timeout: 120_000,
  });
}

describe('linli circle', () => {
  it('prints coverage and site suggestions, writes the PDF report, refuses a corrupt PBF', () => {
    expect(linli('seed-demo').status).toBe(0);
    const cov = linli('circle', 'coverage', '--profile', 'elderly');
    expect(cov.status, cov.stderr).toBe(0);
    expect(cov.stdout).toMatch(/elderly_day_care\s+1\s+300 m\s+\d+\.\d%/);
    expect(cov.stdout).toContain('nursery absent');
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
  }, 120_000);
});
