/**
 * Resident on a phone: 长辈版 meets domain.md §7 as measured in the browser (font size, line height,
 * paragraph spacing, touch targets, contrast), persists across reloads; and the resident route's first-load
 * JavaScript stays under 250 KB gzipped.
 */
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, newContext, PHONE, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Measure {
  text: { sel: string; fontPx: number; lineRatio: number; contrast: number; marginPx: number; linePx: number }[];
  targets: { label: string; w: number; h: number }[];
}

/** Runs in the page: computed styles of the main text and the size of the main buttons. */
async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
      return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.99) return c;
      }
      return [255, 255, 255, 1];
    };
    const contrast = (el: Element) => {
      const a = lum(parse(getComputedStyle(el).color));
      const b = lum(background(el));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    const text = [...document.querySelectorAll('.r-main .para, .r-main .r-member, .r-main h2, .r-main .btn')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent?.trim())
      .map((el) => {
        const cs = getComputedStyle(el);
        const fontPx = parseFloat(cs.fontSize);
        const linePx = cs.lineHeight === 'normal' ? fontPx * 1.2 : parseFloat(cs.lineHeight);
        return {
          sel: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${el.textContent?.trim().slice(0, 12)}`,
          fontPx,
          lineRatio: linePx / fontPx,
          contrast: contrast(el),
          marginPx: el.classList.contains('para') && el.nextElementSibling ? parseFloat(cs.marginBottom) : -1,
          linePx,
        };
      });
    const targets = [...document.querySelectorAll('.r-main .btn, .r-main a.btn, [data-testid=elder-toggle]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { label: el.textContent?.trim().slice(0, 16) ?? '', w: r.width, h: r.height };
      });
    return { text, targets };
  });
}

describe('resident, elder mode (长辈版)', () => {
  it('meets the 适老化 numbers on a 375×812 phone and survives a reload', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_elder');
    expect(new URL(page.url()).pathname).toBe('/me');
    await page.getByTestId('grid-worker-card').waitFor();
    await expect(page.locator('a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'resident-home-phone', true);

    const toggle = page.getByTestId('elder-toggle').first();
    await expect(toggle.textContent()).resolves.toContain('长辈版');
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
    await page.getByTestId('grid-worker-card').waitFor();

    const m = await measure(page);
    expect(m.text.length).toBeGreaterThan(5);
    for (const x of m.text) {
      expect.soft(x.fontPx, x.sel).toBeGreaterThanOrEqual(18);
      expect.soft(x.lineRatio, x.sel).toBeGreaterThanOrEqual(1.3);
      expect.soft(x.contrast, x.sel).toBeGreaterThanOrEqual(4.5);
      if (x.marginPx >= 0) expect.soft(x.marginPx, `paragraph spacing ${x.sel}`).toBeGreaterThanOrEqual(1.3 * x.linePx);
    }
    expect(m.targets.length).toBeGreaterThanOrEqual(2);
    for (const b of m.targets) {
      expect.soft(b.w, `width of ${b.label}`).toBeGreaterThanOrEqual(60);
      expect.soft(b.h, `height of ${b.label}`).toBeGreaterThanOrEqual(60);
    }
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
  });

  it('loads at most 250 KB of gzipped JavaScript on the first visit to the resident home', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const login = await ctx.request.post('/api/auth/login', { data: { username: 'resident_silu', password: 'linli-demo' } });
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
    writeFileSync('e2e/screenshots/resident-first-load.json', JSON.stringify({ totalGzipBytes: total, sizes }, null, 2));
    console.log(`resident first-load JS: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} files`);
    expect(sizes.some((s) => /maplibre|echarts|StaffApp|table/.test(s.file))).toBe(false);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await ctx.close();
  });
});
