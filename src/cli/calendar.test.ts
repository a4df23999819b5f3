/** `linli calendar import FILE.json --year YYYY` as a user runs it, on a real data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../server/platform/db/connect.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-cal-'));
function linli(args: string[], dataDir: string) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...rest, LINLI_DATA_DIR: dataDir },
    timeout: 120_000,
  });
}

describe('linli calendar import', () => {
  it('imports a year from a JSON file into the calendar table, and refuses a bad one', async () => {
    const dir = join(tmp, 'd');
    const file = join(tmp, '2028.json');
    writeFileSync(file, JSON.stringify({ holidays: ['2028-01-01', '2028-01-03'], workdays: ['2028-01-08'] }));
    const ok = linli(['calendar', 'import', file, '--year', '2028'], dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('"year":2028');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ holidays: ['2029-01-01'], workdays: [] }));
    const no = linli(['calendar', 'import', bad, '--year', '2028'], dir);
    expect(no.status).toBe(1);
    expect(no.stderr).toContain('CALENDAR_BAD_YEAR');
    const h = await openPglite(dir);
    try {
      const row = await h.db
        .selectFrom('calendar_years')
        .selectAll()
        .where('year', '=', 2028)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        holidays: ['2028-01-01', '2028-01-03'],
        workdays: ['2028-01-08'],
        provisional: false,
      });
    } finally {
      await h.close();
    }
  }, 240_000);
});
