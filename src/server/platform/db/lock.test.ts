import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './lock.ts';

describe('data directory lock', () => {
  it('a second process gets a clear DATA_DIR_LOCKED error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-lock-'));
    const lock = lockDataDir(dir);
    const script = `import { lockDataDir } from ${JSON.stringify(join(import.meta.dirname, 'lock.ts'))};
      try { lockDataDir(${JSON.stringify(dir)}); console.log('ACQUIRED'); } catch (e) { console.log(e.code, e.message); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('DATA_DIR_LOCKED');
    expect(r.stdout).toContain(String(process.pid));
    lock.release();
    const r2 = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r2.stdout).toContain('ACQUIRED');
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-lock-'));
    writeFileSync(join(dir, 'linli.lock'), '999999');
    const lock = lockDataDir(dir);
    lock.release();
  });
});
