/**
 * Care and notices, as people do it: a grid worker on a 375 px phone sees their overdue visits, records a visit
 * (GPS from the phone) that finds a broken water heater and turns it into a case in one tap; the case page links
 * back to the visit. The same worker opens the demo's urgent notice, walks the unread households and marks one
 * "told in person". A resident reads notices in elder mode. The secretary's overview shows all of it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectElderNumbers, measureElder, turnElderOn } from '../support/elder.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const HERE = { latitude: 38.9302, longitude: 100.4521 };

describe('care for 一老一小 and notices', () => {
  it('a grid worker: overdue visits, a visit finds a broken water heater, one tap makes it a case', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE, HERE);
    const page = await ctx.newPage();
    await login(page, 'grid03');
    await page.goto('/care');
    const first = page.getByTestId('care-item').first();
    await first.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('overdue-total').textContent()).resolves.toMatch(/逾期 [1-9]\d* 人/);
    await expect(first.textContent()).resolves.toContain('逾期');
    await shot(page, 'care-overdue-phone');
    await first.click();
    await page.getByTestId('visit-form').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=gps-state]')?.textContent?.includes('已定位'),
    );
    await page.getByTestId('visit-found').fill('热水器坏了，老人无法洗澡');
    await page.getByTestId('visit-problem').click();
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('care-visit').waitFor();
    await expect(page.getByTestId('visit-found-text').textContent()).resolves.toBe('热水器坏了，老人无法洗澡');
    await page.getByTestId('to-case').click();
    const link = page.getByTestId('visit-case-link');
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await page.getByTestId('staff-case').waitFor();
    const carers = page.getByTestId('case-carers');
    await carers.waitFor();
    await expect(carers.textContent()).resolves.toContain('来自走访');
    await shot(page, 'care-case-from-visit-phone');
    await ctx.close();
  });

  it('an urgent notice: the worker walks the unread households and marks one told in person', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'grid03');
    await page.goto('/notices');
    await page.getByTestId('notice-item').filter({ hasText: '寒潮' }).first().click();
    await page.getByTestId('walk-open').click();
    const items = page.getByTestId('walk-item');
    await items.first().waitFor();
    const untold = page.locator('[data-testid=walk-item][data-told=no]').first();
    const household = await untold.getAttribute('data-household');
    await untold.getByTestId('tell').click();
    await page.locator(`[data-testid=walk-item][data-household="${household}"][data-told=yes]`).waitFor();
    await shot(page, 'notice-walk-phone');
    await ctx.close();
  });

  it('a resident reads the notices in elder mode; opening one marks it read', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_silu');
    await turnElderOn(page);
    await page.getByTestId('notices-link').click();
    const urgent = page.getByTestId('my-notice').filter({ hasText: '寒潮' }).first();
    await urgent.waitFor();
    await urgent.locator('button').click();
    await urgent.getByTestId('my-notice-body').waitFor();
    const m = await measureElder(page, '.r-main .para, .r-main h1, .r-main .btn', '.r-main .btn');
    expectElderNumbers(m, { texts: 3, targets: 1 });
    await shot(page, 'notices-resident-elder');
    await page.reload();
    await page.getByTestId('my-notice').filter({ hasText: '寒潮' }).first().waitFor();
    expect(await page.getByTestId('my-notice').filter({ hasText: '寒潮' }).first().getAttribute('data-read')).toBe(
      'yes',
    );
    await ctx.close();
  });

  it("the secretary's overview shows cases, care visits and the unread urgent notice, each a link", async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/overview');
    await page.getByTestId('overview').waitFor();
    const value = async (key: string) =>
      Number(await page.locator(`[data-testid=tile][data-key="${key}"] [data-testid=tile-value]`).textContent());
    expect(await value('care.overdue')).toBeGreaterThan(0);
    expect(await value('cases.open')).toBeGreaterThan(0);
    expect(await value('notices.urgentUnread')).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=tile][data-key="cases.response"]').textContent()).resolves.toMatch(/%|—/);
    await shot(page, 'overview-desk');
    await page.locator('[data-testid=tile][data-key="care.overdue"]').click();
    await page.getByTestId('care-item').first().waitFor();
    await ctx.close();
  });
});
