/**
 * `npm start` → first answered request, on a new and on an existing data directory (PGlite), measured by
 * spawning the real command and polling /healthz. Target (issue 2): ≤ 3 s on an existing data directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

async function waitHealthy(url: string, deadlineMs: number): Promise<void> {
  while (Date.now() < deadlineMs) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(20);
  }
  throw new Error(`no answer from ${url}`);
}

/** Starts `cmd` in its own process group, returns ms until /healthz answers, then stops the group. */
async function timeStart(cmd: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const t0 = performance.now();
  const { DATABASE_URL: _pg, ...base } = process.env; // this measures the embedded database
  const child = spawn(cmd[0]!, cmd.slice(1), {
    env: { ...base, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    detached: true,
    stdio: 'ignore',
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, Date.now() + 120_000);
    return performance.now() - t0;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the start-up benchmark; returns a markdown section. */
export async function runStartupBench(runs = 5): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-start-'));
  const env = { LINLI_DATA_DIR: dir };
  const port = 18000 + Math.floor(Math.random() * 1000);
  try {
    const first = await timeStart(['npm', 'start', '--silent'], env, port);
    const viaNpm: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < runs; i++) viaNpm.push(await timeStart(['npm', 'start', '--silent'], env, port));
    for (let i = 0; i < runs; i++)
      direct.push(await timeStart([process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'serve'], env, port));
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      '## Start-up (PGlite, demo community)',
      '',
      '| what | median | min | max | target |',
      '|---|---:|---:|---:|---:|',
      `| first \`npm start\` (creates the database, migrates, seeds 6,570 residents) | ${f(first)} | | | |`,
      `| \`npm start\` on the existing data directory (${runs} runs) | ${f(median(viaNpm))} | ` +
        `${f(Math.min(...viaNpm))} | ${f(Math.max(...viaNpm))} | ≤ 3 s |`,
      `| \`linli serve\` (node directly, ${runs} runs) | ${f(median(direct))} | ${f(Math.min(...direct))} | ` +
        `${f(Math.max(...direct))} | |`,
      '',
      'Measured from spawning the command to the first 200 from `/healthz` (polled every 20 ms).',
      '',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runStartupBench());
}
