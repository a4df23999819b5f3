/**
 * PGlite does not lock its data directory, and a second process opening it loses committed rows.
 * This lock file makes a second opener fail with a clear message instead.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/** A held lock; `release()` is idempotent. */
export interface DirLock {
  path: string;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/linli.lock` exclusively (O_EXCL). A lock left by a dead process is taken over;
 * one held by a live process throws `DATA_DIR_LOCKED` naming the directory and PID.
 */
export function lockDataDir(dir: string): DirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'linli.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) {
        throw new AppError('DATA_DIR_LOCKED', { params: { dir, pid } });
      }
      if (pid === process.pid) throw new AppError('DATA_DIR_LOCKED', { params: { dir, pid } });
      rmSync(path, { force: true }); // stale lock from a dead process
    }
  }
  throw new AppError('DATA_DIR_LOCKED', { params: { dir, pid: '?' } });
}
