/** The `linli` command as a user runs it: separate processes on a real data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './args.ts';
import { startServer } from '../server/main.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-cli-'));
function linli(args: string[], dataDir: string, input?: string) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  const env = { ...rest, LINLI_DATA_DIR: dataDir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
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
  }, 300_000); // six CLI processes; took 103 s with the machine at load 19

  it('admin create: says what to do without a district, creates one with the first administrator', async () => {
    const d = join(tmp, 'admin');
    const none = linli(['admin', 'create', '--username', 'chief'], d, 'Kite-river-2026\n');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('ADMIN_NO_DISTRICT');
    expect(none.stderr).toContain('--district <6-digit code> --district-name <name>');
    const weak = linli(
      ['admin', 'create', '--username', 'chief', '--district', '620702', '--district-name', '甘州区'],
      d,
      'woaini1314\n',
    );
    expect(weak.stderr).toContain('PASSWORD_TOO_COMMON');
    const ok = linli(
      [
        'admin',
        'create',
        '--username',
        'chief',
        '--name',
        '区管理员',
        '--district',
        '620702',
        '--district-name',
        '甘州区',
      ],
      d,
      'Kite-river-2026\n',
    );
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toContain('created district administrator chief for 620702 (district created)');
    const s = await startServer({ port: 0, host: '127.0.0.1', dataDir: d, env: {} });
    try {
      expect([s.demo, s.needsAdmin]).toEqual([false, false]);
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'chief', password: 'Kite-river-2026' },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().account).toMatchObject({ role: 'district_admin', mustChangePassword: false });
    } finally {
      await s.close();
    }
  }, 300_000); // three CLI processes and a server start

  it('prints help and refuses unknown commands', () => {
    expect(linli(['help'], join(tmp, 'h')).stdout).toContain('backup <file>');
    expect(linli(['frobnicate'], join(tmp, 'h')).status).toBe(2);
  });
});
