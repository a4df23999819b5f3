/**
 * Resident on a phone: 长辈版 meets docs/domain.md §7 as measured in the browser (font size, line height,
 * paragraph spacing, touch targets, contrast), persists across reloads; and the resident route's first-load
 * JavaScript stays under 250 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectElderNumbers, measureElder } from '../support/elder.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('resident, elder mode (长辈版)', () => {
  it('is on at the first sign-in of the 84-year-old living alone, meets the 适老化 numbers, and follows her', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_elder');
    expect(new URL(page.url()).pathname).toBe('/me');
    await page.getByTestId('grid-worker-card').waitFor();
    await expect(page.locator('a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    // Elder mode is on without her doing anything (aged 60+, living alone), and she is asked once.
    await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
    const ask = page.getByTestId('elder-ask');
    await expect(ask.textContent()).resolves.toContain('已为您打开长辈版');
    await shot(page, 'resident-elder-ask-phone', true);
    await page.getByTestId('elder-ask-keep').click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    const toggle = page.getByTestId('elder-toggle').first();
    await expect(toggle.textContent()).resolves.toContain('长辈版');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Services near home, walked at the elderly pace, minutes with metres and the GB distance said in words.
    const nearby = page.getByTestId('nearby-card');
    await nearby.waitFor();
    const dayCareWalk = /老年人日间照料中心.*步行约 \d+ 分钟（\d+ 米）/;
    await expect(nearby.textContent()).resolves.toMatch(dayCareWalk);
    await expect(nearby.textContent()).resolves.toContain('老年人步速');

    const m = await measureElder(
      page,
      '.r-main .para, .r-main .r-member, .r-main h2, .r-main .btn',
      '.r-main .btn, .r-main a.btn, [data-testid=elder-toggle]',
    );
    expectElderNumbers(m, { texts: 6, targets: 2 });
    await shot(page, 'resident-elder-phone', true);

    // Persisted: still on after a reload; reachable from settings too.
    await page.reload();
    await page.getByTestId('grid-worker-card').waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    await page.getByTestId('settings-link').click();
    await page.waitForURL('**/me/settings');
    const settingsToggle = page.getByTestId('elder-toggle');
    expect(await settingsToggle.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'resident-settings-elder-phone', true);
    await ctx.close();

    // Her daughter's phone, never used by her before: elder mode on at sign-in, and no question again.
    const other = await newContext(browser, inject('baseUrl'), PHONE);
    const p2 = await other.newPage();
    await login(p2, 'resident_elder');
    await p2.getByTestId('grid-worker-card').waitFor();
    expect(await p2.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
    expect(await p2.getByTestId('elder-ask').count()).toBe(0);
    await other.close();
  });

  it('is never asked of a younger resident, whose page follows her own setting', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_silu');
    await page.getByTestId('resident-home').waitFor();
    await page.getByTestId('grid-worker-card').waitFor();
    // other browser tests may have switched her to elder mode (it is hers, kept with the account): the page shows
    // what the account says, and she is never asked
    const me = (await (await ctx.request.get('/api/auth/me')).json()) as { account: { elderMode: boolean } };
    const shown = await page.evaluate(() => document.documentElement.classList.contains('elder'));
    expect(shown).toBe(me.account.elderMode);
    expect(await page.getByTestId('elder-ask').count()).toBe(0);
    await ctx.close();
  });

  it('loads at most 250 KB of gzipped JavaScript on the first visit to the resident home', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const login = await ctx.request.post('/api/auth/login', {
      data: { username: 'resident_silu', password: 'linli-demo' },
    });
    expect(login.ok()).toBe(true);
    const page = await ctx.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' || r.url().endsWith('.js') || r.url().endsWith('.mjs')) {
        scripts.set(r.url(), r.body());
      }
    });
    await page.goto('/me');
    await page.getByTestId('resident-home').waitFor();
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(
      [...scripts].map(async ([url, body]) => {
        const b = await body;
        return { file: new URL(url).pathname, raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
      }),
    );
    const total = sizes.reduce((s, x) => s + x.gzip, 0);
    writeFileSync(
      'e2e/screenshots/resident-first-load.json',
      JSON.stringify({ totalGzipBytes: total, sizes }, null, 2),
    );
    console.log(`resident first-load JS: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} files`);
    expect(sizes.some((s) => /maplibre|echarts|StaffApp|table/.test(s.file))).toBe(false);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await ctx.close();
  });
});
