import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './lock.ts';

/** A script that tries to take the lock of `dir` in another process and prints the outcome. */
const tryLock = (dir: string) => `import { lockDataDir } from ${JSON.stringify(join(import.meta.dirname, 'lock.ts'))};
  try { lockDataDir(${JSON.stringify(dir)}); console.log('ACQUIRED'); }
  catch (e) { console.log(e.code, e.message); }`;

describe('data directory lock', () => {
  it('a second process gets a clear DATA_DIR_LOCKED error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-lock-'));
    const lock = lockDataDir(dir);
    const script = tryLock(dir);
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

  it('takes over a lock left by a dead process, and then holds it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-lock-'));
    // A PID that certainly belonged to a process that has exited (not a guessed number that may be alive).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const file = join(dir, 'linli.lock');
    writeFileSync(file, String(deadPid));
    const lock = lockDataDir(dir);
    expect(lock.path).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    // Taken over for real: another process is now refused, naming this one.
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', tryLock(dir)], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('DATA_DIR_LOCKED');
    expect(r.stdout).toContain(String(process.pid));
    lock.release();
    expect(existsSync(file)).toBe(false);
  });
});
