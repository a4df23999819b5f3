import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `fixtures/` folder (found from this file, so it works from any working directory). */
const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures');

/** Absolute path of a fixture, e.g. `fixturePath('osm/monaco.osm.pbf')`. */
export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

/**
 * Read a fixture from the repository. A missing fixture is an error, never a skipped test: a test that
 * silently skips proves nothing (fixtures/osm/NOTICE.md lists what belongs there).
 */
export function readFixture(name: string): Buffer {
  const p = fixturePath(name);
  if (!existsSync(p)) throw new Error(`fixture missing: ${p} (it belongs to the repository; see fixtures/)`);
  return readFileSync(p);
}
