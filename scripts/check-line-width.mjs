// Fails when a source line is longer than 120 characters. Biome's formatter keeps code within 120 columns but
// leaves long strings, template literals and comments alone, so this check covers what it cannot wrap.
// Counts characters, not bytes, so a line of Chinese text is measured as it reads.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const MAX = 120;
const EXTENSIONS = /\.(ts|tsx|mjs|js|css)$/;
// Existing migrations are never edited (a changed migration would differ from what databases already ran), so the
// two that predate this check keep their long lines.
const SKIPPED = new Set([
  'src/server/platform/db/migrations/0001_foundation.ts',
  'src/server/platform/db/migrations/0002_cases.ts',
]);

const files = execFileSync('git', ['ls-files', '-z', '--', 'src', 'e2e', 'bench', 'scripts'], { encoding: 'utf8' })
  .split('\0')
  .filter((f) => EXTENSIONS.test(f) && !SKIPPED.has(f) && existsSync(f));

let long = 0;
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    const n = [...line].length;
    if (n > MAX) {
      console.log(`${file}:${i + 1}: ${n} characters`);
      long++;
    }
  });
}
if (long > 0) {
  console.log(`${long} line(s) over ${MAX} characters: wrap them (split strings with +, rewrap comments).`);
  process.exit(1);
}
