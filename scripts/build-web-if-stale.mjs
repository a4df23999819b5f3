// Builds the web app (vite) only when dist/web is missing or older than its sources, so `npm start` is quick
// on every start after the first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const out = 'dist/web/index.html';
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}
const sources = ['src/web', 'vite.config.ts', 'package-lock.json'].filter((p) => existsSync(p));
const stale = !existsSync(out) || Math.max(...sources.map(newest)) > statSync(out).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
