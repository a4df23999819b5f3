/**
 * JavaScript a person's browser downloads, gzip-compressed (level 9, as a server would send it): the resident
 * page on a phone (login → resident home, first visit, empty cache) and the staff map page. Measured in
 * Debian chromium against the real server with the built web app. Target: resident ≤ 250 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '../src/server/main.ts';
import { launch, login, newContext, PHONE, DESK } from '../e2e/support/browser.ts';

/** Collects the URLs and gzip sizes of JS responses a page receives. */
function collectJs(page: Page): Map<string, number> {
  const js = new Map<string, number>();
  page.on('response', async (r) => {
    const url = r.url();
    if (!/\.m?js(\?|$)/.test(url) || js.has(url)) return;
    try {
      js.set(url, gzipSync(await r.body(), { level: 9 }).length);
    } catch {
      /* aborted */
    }
  });
  return js;
}
const kb = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / 1024;

/** Runs the bundle measurement; returns a markdown section. */
export async function runBundleBench(): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', seedDemo: true });
  const browser = await launch();
  try {
    const phone = await newContext(browser, server.url, PHONE);
    const p = await phone.newPage();
    const resident = collectJs(p);
    await login(p, 'resident_elder');
    await p.waitForLoadState('networkidle');
    const loginOnly = new Map([...resident].filter(([u]) => !/Resident|Home/i.test(u)));
    const desk = await newContext(browser, server.url, DESK);
    const d = await desk.newPage();
    const staff = collectJs(d);
    await login(d, 'grid03');
    await d.waitForSelector('.maplibregl-canvas', { timeout: 30_000 });
    await d.waitForLoadState('networkidle');
    return [
      '## Web app: JavaScript downloaded (gzip -9)',
      '',
      '| page | files | JS gzipped | target |',
      '|---|---:|---:|---:|',
      `| resident, phone: login page → resident home (first visit) | ${resident.size} | ` +
        `${kb(resident).toFixed(1)} KB | ≤ 250 KB |`,
      `| staff map page (grid worker), desk: login → map with MapLibre | ${staff.size} | ` +
        `${kb(staff).toFixed(1)} KB | lazy |`,
      '',
      `Resident files: ${[...resident.keys()].map((u) => new URL(u).pathname.split('/').pop()).join(', ')} ` +
        `(login chunks alone: ${kb(loginOnly).toFixed(1)} KB).`,
      '',
    ].join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runBundleBench());
