/**
 * A browser in New York shows Shanghai times; the staff console warns when
 * next year's holiday table is only provisional (the built-in 2027 table is).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What a clock in Shanghai shows for an instant, as the console formats it (MM/DD HH:mm, zh-CN). */
function shanghai(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

describe('time zone and calendar banner', () => {
  it('a New York browser sees Shanghai times, and the provisional-calendar banner', async () => {
    const ctx = await browser.newContext({
      baseURL: inject('baseUrl'),
      viewport: DESK,
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    await page.goto('/cases');
    await page.getByTestId('case-console').waitFor();
    const status = await (await ctx.request.get('/api/cases/calendar/status')).json();
    expect(status.warning).not.toBeNull(); // 2027 is provisional in the built-in table
    await expect(page.getByTestId('calendar-banner').textContent()).resolves.toContain(String(status.warning.year));
    const list = await (await ctx.request.get('/api/cases?pageSize=1')).json();
    const first = list.items[0] as { createdAt: string } | undefined;
    expect(first).toBeDefined();
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await expect(page.locator('.ant-table-row').first().textContent()).resolves.toContain(shanghai(first!.createdAt));
    await shot(page, 'cases-console-new-york');
    await ctx.close();
  });
});
