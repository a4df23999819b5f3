/**
 * 甘州铺子 in the browser: shop01 sells at the till with a barcode scanner (keyboard input + Enter), prints the
 * 58 mm receipt, takes one item back; imports a live stream's GBK order export twice (the second time creates
 * nothing); the community staff settle the day once it has closed, and the share goes to the community fund.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESK, launch, login, newContext, shot } from '../support/browser.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', 'src/server/modules/shop/fixtures/douyin-2026-08-16.gbk.csv');
const XIAOMI = '6971234500014';
const DATES = '6971234500021';
const CHILI = '6971234500045';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

async function scan(page: Page, code: string): Promise<void> {
  const input = page.getByTestId('scan');
  // a scanner types the digits and presses Enter
  await input.pressSequentially(code, { delay: 5 });
  await input.press('Enter');
}

describe('the shop story', () => {
  it('sells at the till, refunds, imports a live export twice and settles the day into the fund', async () => {
    const base = inject('baseUrl');
    const control = inject('controlUrl');
    const ctx = await newContext(browser, base, DESK);
    const page = await ctx.newPage();
    await login(page, 'shop01');
    await page.waitForURL('**/shop/till');

    // Sale 1: 2 × 小米 (scanned twice), 1 × 小枣, 1 × 辣椒酱, cash ¥200.
    for (const c of [XIAOMI, XIAOMI, DATES, CHILI]) await scan(page, c);
    await page.getByTestId('till-total').filter({ hasText: '138.40' }).waitFor();
    await page.getByTestId('method').getByText('现金').click();
    await page.locator('input[data-testid=cash], [data-testid=cash] input').fill('200');
    await page.getByTestId('checkout').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await page.getByTestId('receipt-total').filter({ hasText: '¥138.40' }).waitFor();
    await expect(receipt.textContent()).resolves.toContain('找零61.60');
    const box = await receipt.boundingBox();
    expect(Math.round(box!.width)).toBe(219); // 58 mm at 96 dpi
    await receipt.screenshot({ path: 'e2e/screenshots/shop-receipt-58mm.png' });

    // Take one 小米 back (the first line), onto the shelf.
    await page.locator('input[data-testid=refund-qty-1], [data-testid=refund-qty-1] input').fill('1');
    await page.getByTestId('refund-reason').fill('顾客买多了');
    await page.getByTestId('refund-submit').click();
    await page.getByTestId('receipt-refunded').filter({ hasText: '45.80' }).waitFor();

    // Sale 2 by WeChat Pay.
    await scan(page, CHILI);
    await page.getByTestId('till-total').filter({ hasText: '18.80' }).waitFor();
    await page.getByTestId('method').getByText('微信支付').click();
    await page.getByTestId('checkout').click();
    await page.getByTestId('receipt-total').filter({ hasText: '¥18.80' }).waitFor();
    await shot(page, 'shop-till-desk');

    // A live stream today: its export (GBK, 抖音's columns), imported twice.
    const now = new Date(((await (await fetch(`${control}/now`)).json()) as { now: string }).now).getTime();
    const today = shanghaiDay(now);
    const text = iconv
      .decode(readFileSync(FIXTURE), 'gbk')
      .replaceAll('2026-08-16 ', `${today} `)
      .replace(/69258410700/g, '69258419900');
    const file = { name: 'douyin-orders.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'gbk') };
    await page.goto('/shop/live');
    await page.getByText('新建场次').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('input#title').fill('今日助农直播');
    await dialog.locator('input#host').fill('小马');
    await dialog.locator('input#starts').fill(`${today}T00:05`);
    await dialog.locator('input#ends').fill(`${today}T23:55`);
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('新增 38 单');
    await page.getByTestId('import-file').setInputFiles([]);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-result').getByText('重复 38 单').waitFor();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('新增 0 单');
    await page.getByTestId('board-orders').filter({ hasText: /^38$/ }).waitFor();
    await shot(page, 'shop-live-board-desk');

    // The next day the community staff settle today: the share moves to the fund, once.
    if (!control) return;
    await fetch(`${control}/advance?ms=${86_400_000}`, { method: 'POST' });
    const staffCtx = await newContext(browser, base, DESK);
    const staff = await staffCtx.newPage();
    await login(staff, 'dh_staff');
    await staff.goto('/shop/settlement');
    await staff.getByTestId('period-from').fill(today);
    await staff.getByTestId('period-to').fill(today);
    await staff.getByTestId('share').waitFor();
    const share = ((await staff.getByTestId('share').textContent()) ?? '').replace(/.*¥/, '');
    expect(Number(share)).toBeGreaterThan(0);
    await staff.getByTestId('settle').click();
    await expect(staff.getByTestId('settled').textContent()).resolves.toContain(`¥${share}`);
    await staff.getByText(`${today} – ${today}`).waitFor();
    const row = await staff.locator('.ant-table-row', { hasText: `${today} – ${today}` }).textContent();
    expect(row).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // the fund entry's id
    await staff.getByTestId('settle').click(); // again: nothing moves twice
    const list = (await staff.evaluate(() => fetch('/api/shop/settlements').then((r) => r.json()))) as {
      items: { from: string; fundTransactionId: string | null }[];
    };
    expect(list.items.filter((s) => s.from === today)).toHaveLength(1);
    await shot(staff, 'shop-settlement-desk', true);
    await ctx.close();
    await staffCtx.close();
  });
});
