/** A grid worker logs in and sees the own grid highlighted on the community map. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';

const GRID03 = '62070200400603';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('staff map', () => {
  it('grid03 sees grid 3 highlighted and opens its panel (desk)', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'grid03');
    expect(new URL(page.url()).pathname).toBe('/map');

    const mapPage = page.locator(`[data-testid=map-page][data-highlight-grid="${GRID03}"]`);
    await mapPage.waitFor();
    const legend = page.getByTestId('legend-own-grid');
    await expect(legend.textContent()).resolves.toContain('我的网格');
    expect(await legend.getAttribute('data-grid')).toBe(GRID03);
    // The map itself rendered (WebGL through SwiftShader) and labelled the own grid.
    await page.locator('.map-canvas[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await expect(page.locator(`.map-grid-label.is-own[data-grid="${GRID03}"]`).textContent()).resolves.toBe(
      '★ 第3网格',
    );
    await page.waitForTimeout(500); // let the last tiles paint before the screenshot
    await shot(page, 'map-grid03-desk');

    await page.locator(`.map-grid-label[data-grid="${GRID03}"]`).click();
    const panel = page.locator(`[data-testid=grid-panel][data-grid="${GRID03}"]`);
    await panel.waitFor();
    await panel.locator('[data-stat=households] b').waitFor();
    const households = Number((await panel.locator('[data-stat=households] b').textContent())?.replace(/,/g, ''));
    expect(households).toBeGreaterThan(0);
    await panel.locator('.ant-table-row').first().waitFor();
    await page.waitForTimeout(600); // drawer slide-in animation
    await shot(page, 'map-grid03-panel');
    await ctx.close();
  });

  it('works on a phone: drawer instead of a side panel', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'grid03');
    await page.locator('.map-canvas[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot(page, 'map-grid03-phone');
    await page.locator(`.map-chip.is-own`).click();
    await page.locator(`[data-testid=grid-panel][data-grid="${GRID03}"] [data-stat=residents]`).waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'map-grid03-phone-drawer');
    await ctx.close();
  });
});
