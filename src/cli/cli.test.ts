/** The `linli` command as a user runs it: separate processes on a real data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './args.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-cli-'));
function linli(args: string[], dataDir: string) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  const env = { ...rest, LINLI_DATA_DIR: dataDir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env,
    timeout: 180_000,
  });
}

describe('linli CLI', () => {
  it('parses flags and positionals', () => {
    expect(parseArgs(['import', 'ledger', 'a.csv', '--community', '620702004006', '--kind=grids'])).toEqual({
      positional: ['import', 'ledger', 'a.csv'],
      flags: { community: '620702004006', kind: 'grids' },
    });
  });

  it('seeds, exports, refuses a bad import with row errors, backs up and restores into an empty directory', () => {
    const a = join(tmp, 'a');
    expect(linli(['seed-demo'], a).stdout).toContain('6570 residents');
    const csv = join(tmp, 'ledger.csv');
    const ex = linli(['export', 'ledger', csv, '--community', '620702004006'], a);
    expect(ex.status).toBe(0);
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, '\ufeff网格编码,楼栋\r\n1,2\r\n');
    const im = linli(['import', 'ledger', bad, '--community', '620702004006'], a);
    expect(im.status).toBe(1);
    expect(im.stderr).toContain('IMPORT_FAILED');
    const backupFile = join(tmp, 'b.gz');
    expect(linli(['backup', backupFile], a).status).toBe(0);
    const b = join(tmp, 'b');
    const r = linli(['restore', backupFile], b);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('residents 6570');
    const again = linli(['restore', backupFile], b);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('RESTORE_TARGET_NOT_EMPTY');
    // the restored audit log is the same chain: same head as the original
    const [va, vb] = [linli(['audit', 'verify'], a), linli(['audit', 'verify'], b)];
    expect(vb.status, vb.stderr).toBe(0);
    expect(vb.stdout).toMatch(/head \d+:[0-9a-f]{64}/);
    expect(vb.stdout).toBe(va.stdout);
  }, 360_000); // measured 103 s (83 s without the two verify runs) at load 18 on the shared 2-core machine

  it('prints help and refuses unknown commands', () => {
    expect(linli(['help'], join(tmp, 'h')).stdout).toContain('backup <file>');
    expect(linli(['frobnicate'], join(tmp, 'h')).status).toBe(2);
  }, 120_000); // two process starts, 8.5 s measured under load
});
