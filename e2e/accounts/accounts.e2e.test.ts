/**
 * Community staff open a login for a new grid worker from the accounts page; the worker logs in, must replace the
 * password the staff member chose, and then lands on the map.
 */
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

describe('account administration', () => {
  it('creates a grid worker account bound to a grid, who then logs in', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/accounts');
    await page.getByTestId('accounts-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('account-create').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: '网格员' }).click();
    await dialog.locator('.ant-cascader').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '东湖社区' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '第5网格' }).first().click();
    await page.keyboard.press('Escape');
    await dialog.locator('input#username').fill('e2e_grid05');
    await dialog.locator('input#displayName').fill('测试网格员');
    await dialog.locator('input#password').fill('e2e-pass-2026');
    await page.getByTestId('account-submit').click();
    await page.getByTestId('accounts-table').getByText('e2e_grid05').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await shot(page, 'accounts-desk');
    const rows = await page
      .getByTestId('accounts-table')
      .locator('.ant-table-row', { hasText: 'e2e_grid05' })
      .allTextContents();
    expect(rows[0]).toContain('62070200400605');

    const ctx2 = await newContext(browser, inject('baseUrl'), DESK);
    const p2 = await ctx2.newPage();
    await login(p2, 'e2e_grid05', 'e2e-pass-2026');
    // The password was chosen by the staff member: the worker must replace it before anything else.
    const form = p2.getByTestId('pwchange-form');
    await form.waitFor();
    await form.locator('input[name=currentPassword]').fill('e2e-pass-2026');
    await form.locator('input[name=newPassword]').fill('woaini1314');
    await form.locator('input[name=confirmPassword]').fill('woaini1314');
    await form.locator('button[type=submit]').click();
    expect(await p2.getByTestId('pwchange-error').textContent()).toContain('过于常见');
    await form.locator('input[name=newPassword]').fill('Own-choice-2026');
    await form.locator('input[name=confirmPassword]').fill('Own-choice-2026');
    await shot(p2, 'accounts-first-login-password');
    await form.locator('button[type=submit]').click();
    await p2.getByTestId('worker-queue').waitFor();
    await p2.goto('/map');
    await p2.waitForSelector('[data-testid=map-page]');
    expect(await p2.getByTestId('map-page').getAttribute('data-highlight-grid')).toBe('62070200400605');
    await ctx.close();
    await ctx2.close();
  });
});
