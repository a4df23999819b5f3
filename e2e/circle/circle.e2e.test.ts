/**
 * Community staff open 15分钟生活圈, see the coverage, and get a suggestion for where a second 日间照料中心
 * (elderly day care) would cover the most uncovered elderly — listed with its gain and marked on the map.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectInsideViewportWidth, expectNoSidewaysScroll, expectTouchTarget } from '../support/layout.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('15-minute life circle page', () => {
  it('community staff see coverage and a suggested second elderly day-care centre on the map (desk)', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.getByRole('menuitem', { name: '15分钟生活圈' }).click();
    await page.getByTestId('circle-page').waitFor();
    const row = page.locator('[data-testid=coverage-table] tr[data-category=elderly_day_care]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/老年人日间照料中心.*\d+(\.\d)?%/);
    await expect(page.getByTestId('circle-totals').textContent()).resolves.toContain('3329 户');
    await page.locator('.circle-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(600);
    await shot(page, 'circle-desk-coverage');

    // A click on the map draws the walking area from that point (reached edges + outline).
    const box = (await page.locator('.circle-map').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
    await expect(page.getByTestId('area-info').textContent()).resolves.toMatch(
      /地图上的点：老年人.*步行 5 分钟范围（270 米）/,
    );
    await page.waitForTimeout(500);
    await shot(page, 'circle-desk-area');

    await page.getByRole('tab', { name: '选址建议' }).click();
    await page.getByTestId('suggest-sites').click();
    const first = page.getByTestId('site-name').first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toMatch(/^第 1 处：.+/);
    const gain = Number(/老人 (\d+) 人/.exec((await page.getByTestId('site-gain').first().textContent()) ?? '')?.[1]);
    expect(gain).toBeGreaterThan(10);
    await expect(page.getByTestId('site-marker').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('site-marker').first().textContent()).resolves.toBe('1');
    await page.waitForTimeout(600);
    await shot(page, 'circle-desk-sites');

    // What if the first suggestion opened: coverage of the elderly rises at once.
    await page.getByRole('button', { name: '假设新增设施' }).first().click();
    const table = page.getByTestId('whatif-table');
    await table.waitFor();
    await expect(table.textContent()).resolves.toMatch(/\+\d/);
    await page.waitForTimeout(400);
    await shot(page, 'circle-desk-whatif');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('.circle-title').textContent()).resolves.toContain(
      '15-minute life circle · Donghu Community',
    );
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await page.locator('[data-testid=coverage-table] tr[data-category=elderly_day_care]').waitFor();
    await expect(
      page.locator('[data-testid=coverage-table] tr[data-category=elderly_day_care]').textContent(),
    ).resolves.toContain('Elderly day care');
    await shot(page, 'circle-desk-en');
    await ctx.close();
  });

  it('works on a phone with the gap heat map', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/circle');
    await page.locator('[data-testid=coverage-table] tr[data-category=elderly_day_care]').waitFor();
    await page.locator('.circle-map[data-map-state=ready]').waitFor({ timeout: 30_000 });
    const toggle = page.locator('label.circle-heat');
    await expectInsideViewportWidth(page, toggle, 'the heat-map switch');
    await expectTouchTarget(toggle, 'the heat-map switch');
    await toggle.click();
    await expect(page.getByTestId('heat-toggle').isChecked()).resolves.toBe(true);
    await page.waitForTimeout(800);
    await shot(page, 'circle-phone');
    // The page reflows to the phone: no sideways scroll, the map and the coverage table fit the width.
    await expectNoSidewaysScroll(page);
    const map = await expectInsideViewportWidth(page, page.locator('.circle-map'), 'the map');
    expect(map.width).toBeGreaterThanOrEqual(PHONE.width * 0.8);
    await expectInsideViewportWidth(page, page.getByTestId('coverage-table'), 'the coverage table');
    await ctx.close();
  });
});
