/** The English switch changes visible labels, server error messages follow it, and it persists. */
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

describe('language switch', () => {
  it('switches the login page, the server messages and the staff pages to English', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await page.goto('/login');
    await expect(page.locator('form h2').textContent()).resolves.toBe('登录');

    // A wrong password is refused in Chinese first …
    await page.locator('input[name=username]').fill('dh_staff');
    await page.locator('input[name=password]').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toBe('用户名或密码错误');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('form h2').textContent()).resolves.toBe('Log in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // … and in English once the cookie says so.
    await page.locator('form button[type=submit]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=login-error]')?.textContent === 'Wrong username or password',
    );
    await shot(page, 'login-en');

    await login(page, 'dh_staff');
    await page.locator('.s-menu').waitFor();
    const menu = await page.locator('.s-menu').textContent();
    expect(menu).toContain('Grid map');
    expect(menu).toContain('Residents');
    expect(menu).not.toContain('网格地图');
    await page.locator('.map-canvas[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await expect(page.locator('.map-legend summary').textContent()).resolves.toBe('Legend');

    // Persisted across a reload; and back to Chinese.
    await page.reload();
    await page.locator('.s-menu').waitFor();
    await expect(page.locator('.s-menu').textContent()).resolves.toContain('Grid map');
    await page.locator('.map-canvas[data-map-state=ready]').waitFor({ timeout: 30_000 });
    await expect(page.locator('.map-grid-label').first().textContent()).resolves.toMatch(/^Grid \d$/);
    await page.waitForTimeout(300);
    await shot(page, 'map-dh_staff-en');
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('.s-menu').textContent()).resolves.toContain('网格地图');
    await ctx.close();
  });
});
