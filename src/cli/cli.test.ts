/** The `linli` command as a user runs it: separate processes on a real data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/main.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-cli-'));
function linli(args: string[], dataDir: string, input?: string) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  const env = { ...rest, LINLI_DATA_DIR: dataDir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env,
    timeout: 180_000,
    ...(input === undefined ? {} : { input }),
  });
}

describe('linli CLI', () => {
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

  it('prints help and refuses unknown commands and options (exit 2); --help prints a command usage', () => {
    const h = join(tmp, 'h');
    expect(linli(['help'], h).stdout).toContain('backup <file>');
    expect(linli(['frobnicate'], h).status).toBe(2);
    const bogus = linli(['circle', 'coverage', '--bogus'], h);
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('linli circle coverage: unknown option --bogus');
    expect(bogus.stderr).toContain('  circle coverage [--community <code>]');
    // --help is answered before the command runs: admin create would otherwise wait for a password on stdin
    const help = linli(['admin', 'create', '--help'], h);
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^ {2}admin create --username <name>/);
  }, 240_000); // four process starts that never open a database
});
