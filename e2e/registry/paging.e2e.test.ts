/** Lists load page after page with a cursor: the residents page shows "N of M" and appends the next page. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('cursor paging on the desk', () => {
  it('the residents list tells the total and loads more rows on demand', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/residents');
    const rows = page.locator('[data-testid=resident-results] .ant-table-row');
    const count = page.getByTestId('load-more-count');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=resident-results] .ant-table-row').length === 50,
    );
    await expect(count.textContent()).resolves.toMatch(/已显示 50 \/ 共 \d{4,} 条/);
    await page.getByTestId('load-more').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=resident-results] .ant-table-row').length === 100,
    );
    expect(await rows.count()).toBe(100);
    await expect(count.textContent()).resolves.toMatch(/已显示 100 \/ 共/);
    const names = await page
      .locator('[data-testid=resident-results] .ant-table-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key')));
    expect(new Set(names).size).toBe(100);
    await shot(page, 'residents-load-more');
    await ctx.close();
  });
});
