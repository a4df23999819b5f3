/** `linli fund export` and `linli fund verify` as a user runs them: separate processes on a real data directory. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../server/platform/db/connect.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { addBarePlace, postSample } from '../server/modules/fund/testing.ts';

const tmp = mkdtempSync(join(tmpdir(), 'linli-fund-cli-'));
const dataDir = join(tmp, 'data');
const C = '620702004093';
const file = join(tmp, 'ledger.jsonl');

function linli(args: string[]) {
  const { DATABASE_URL: _pg, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...rest, LINLI_DATA_DIR: dataDir },
    timeout: 180_000,
  });
}

/** Verifies a changed copy of the export; returns the process result. */
function verifyChanged(name: string, change: (lines: string[]) => string[]) {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const f = join(tmp, `${name}.jsonl`);
  writeFileSync(f, `${change(lines).join('\n')}\n`);
  return linli(['fund', 'verify', f]);
}
/** File line index of entry `seq` (header and one head come first). */
const at = (seq: number) => 2 + seq;

beforeAll(async () => {
  const h = await openPglite(dataDir);
  await migrateToLatest(h.db);
  await addBarePlace(h.db, C);
  await postSample(h.db, C, 20);
  await h.close();
}, 120_000);

describe('linli fund export / verify', () => {
  it('exports, verifies, and fails naming the entry after an edit, a deleted line or two swapped lines', () => {
    const ex = linli(['fund', 'export', '--community', C, '--out', file]);
    expect(ex.status, ex.stderr).toBe(0);
    expect(ex.stdout).toMatch(/20 entries, signed head 20:[0-9a-f]{64}/);
    const key = /signing key \w+: (\S+)/.exec(ex.stdout)![1]!;
    const ok = linli(['fund', 'verify', file, '--key', key]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('ledger ok');

    const edit = verifyChanged('edit', (l) =>
      l.map((x, i) => (i === at(6) ? x.replace(/"fen":"(\d)/, '"fen":"7$1') : x)),
    );
    expect(edit.status).toBe(1);
    expect(edit.stderr).toContain('first bad entry: seq 6');
    const del = verifyChanged('delete', (l) => l.filter((_, i) => i !== at(11)));
    expect(del.status).toBe(1);
    expect(del.stderr).toContain('first bad entry: seq 11');
    const swap = verifyChanged('swap', (l) => {
      const c = [...l];
      [c[at(2)], c[at(3)]] = [c[at(3)]!, c[at(2)]!];
      return c;
    });
    expect(swap.status).toBe(1);
    expect(swap.stderr).toContain('first bad entry: seq 2');
  }, 300_000);
});
