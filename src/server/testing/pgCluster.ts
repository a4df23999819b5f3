/**
 * A throwaway PostgreSQL 15 cluster for tests that must stop the database (outage tests): initdb in a fresh
 * directory, started on a spare loopback port, stopped with any shutdown mode, removed afterwards. Runs the
 * binaries as user `postgres` when the tests run as root (as CI does; PostgreSQL refuses to run as root), the
 * same way .ci/start-postgres.sh does. Never touches the shared test server.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's postgresql-15 package puts the server binaries. */
const PG15_BIN = '/usr/lib/postgresql/15/bin';

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A cluster of our own. */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** The superuser URL of the cluster's `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Creates (initdb) and starts a cluster on a free port. */
  static async create(): Promise<PgCluster> {
    if (!existsSync(join(PG15_BIN, 'initdb'))) throw new Error(`PostgreSQL 15 binaries not found in ${PG15_BIN}`);
    const dir = mkdtempSync(join(tmpdir(), 'linli-pgc-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const c = new PgCluster(dir, await freePort());
    c.run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    c.start();
    return c;
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    const opts = `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dir, '-l', join(this.dir, 'server.log'), '-o', opts, '-w', '-t', '120', 'start']);
  }

  /** Stops the server: 'immediate' kills every backend at once, like a crash or a failover. */
  stop(mode: 'immediate' | 'fast' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dir, '-m', mode, '-w', '-t', '120', 'stop']);
  }

  /** Stops the server if it runs and deletes the directory. */
  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      /* not running */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(bin: string, args: string[]): void {
    const cmd = join(PG15_BIN, bin);
    if (process.getuid?.() === 0) {
      const line = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-c', line], { stdio: 'pipe' });
    } else execFileSync(cmd, args, { stdio: 'pipe' });
  }
}
