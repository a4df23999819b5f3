/** A grid worker logs in and sees the own grid highlighted on the community map. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectInsideViewportWidth, expectNoSidewaysScroll, expectTouchTarget } from '../support/layout.ts';

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
    // A grid worker's day starts on the own queue (我的待办); the map is one tap away.
    expect(new URL(page.url()).pathname).toBe('/cases');
    await page.getByTestId('worker-queue').waitFor();
    await page.goto('/map');

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
    await page.goto('/map');
    await page.locator('.map-canvas[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot(page, 'map-grid03-phone');
    // The map fills the phone's width, nothing scrolls sideways, and the own-grid chip is a finger-sized target.
    await expectNoSidewaysScroll(page);
    const canvas = await expectInsideViewportWidth(page, page.locator('.map-canvas'), 'the map');
    expect(canvas.width).toBeGreaterThanOrEqual(PHONE.width - 2);
    const chip = page.locator('.map-chip.is-own');
    await expectInsideViewportWidth(page, chip, 'the own-grid chip');
    await expectTouchTarget(chip, 'the own-grid chip', 32);
    await chip.click();
    const panel = page.locator(`[data-testid=grid-panel][data-grid="${GRID03}"]`);
    await panel.locator('[data-stat=residents]').waitFor();
    await page.waitForTimeout(600);
    await shot(page, 'map-grid03-phone-drawer');
    // On a phone the panel is a bottom drawer across the full width, not a side panel cut off at the edge.
    const drawer = await expectInsideViewportWidth(page, page.locator('.ant-drawer-content-wrapper'), 'the drawer');
    expect(drawer.width).toBeGreaterThanOrEqual(PHONE.width - 2);
    expect(drawer.y).toBeGreaterThan(PHONE.height * 0.1);
    expect(drawer.y + drawer.height).toBeLessThanOrEqual(PHONE.height + 1);
    await expectInsideViewportWidth(page, panel.locator('[data-stat=residents]'), 'the residents count');
    await expectNoSidewaysScroll(page);
    await ctx.close();
  });
});
