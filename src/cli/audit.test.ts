/** `linli audit verify` as a user runs it: separate processes on a real (PGlite) data directory. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPglite } from '../server/platform/db/connect.ts';
import { audit } from '../server/platform/audit.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-audit-cli-'));
const dir = join(tmp, 'data');
function linli(...args: string[]) {
  const { DATABASE_URL: _pg, DATABASE_OWNER_URL: _o, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...rest, LINLI_DATA_DIR: dir, LANG: 'C' },
    timeout: 120_000,
  });
}

/** Works on the data directory between CLI runs, holding its lock like any other opener. */
async function onData(fn: (db: Awaited<ReturnType<typeof openPglite>>['db']) => Promise<void>): Promise<void> {
  const h = await openPglite(dir);
  try {
    await fn(h.db);
  } finally {
    await h.close();
  }
}

describe('linli audit verify', () => {
  it('prints the head, checks it later, checks a backup file, and names the row an owner changed', async () => {
    expect(linli('migrate').status).toBe(0);
    await onData(async (db) => {
      for (let i = 1; i <= 5; i++)
        await audit(db, null, { action: `act.${i}`, entity: 'case', entityId: String(i), scopeCode: null });
    });
    const ok = linli('audit', 'verify');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('audit chain ok: 5 rows');
    const head = /head (5:[0-9a-f]{64})/.exec(ok.stdout)?.[1];
    expect(head).toBeTruthy();
    const file = join(tmp, 'b.linli.gz');
    expect(linli('backup', file).status).toBe(0);
    const fromFile = linli('audit', 'verify', '--file', file, '--expect', head!);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain(`head ${head}`);
    await onData(async (db) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
      await sql`UPDATE audit_log SET action = 'act.nothing' WHERE seq = 3`.execute(db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
    });
    const bad = linli('audit', 'verify', '--expect', head!);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/audit chain BROKEN at seq 3 \(audit_log id \d+\): .*changed/);
    expect(linli('audit', 'verify', '--expect', '5:nothex').stderr).toContain('want <seq>:<64 hex digits>');
    expect(linli('audit', 'frobnicate').status).toBe(1);
  }, 300_000);
});
