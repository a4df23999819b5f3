/**
 * Privacy by role (docs/security.md): community staff see a phone number in full, street staff see it masked and
 * the ID number as its last 4 only; the auditor's page lists the reads of personal data apart from changes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESK, launch, login, newContext, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Search by `name` on the residents page and return the phone cells shown. */
async function searchPhones(page: Page, name: string): Promise<string[]> {
  await page.goto('/residents');
  await page.getByTestId('search-q').fill(name);
  await page.getByTestId('search-submit').click();
  const cell = page.locator('.ant-table-row [data-testid=cell-phone]');
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.ant-table-row')].some((r) => r.textContent?.includes(n)),
    name,
  );
  await cell.first().waitFor();
  return (await cell.allTextContents()).filter(Boolean);
}

describe('resident search and masking', () => {
  it('dh_staff sees the full phone number, bj_street a masked one', async () => {
    const base = inject('baseUrl');
    const staff = await newContext(browser, base, DESK);
    const page = await staff.newPage();
    await login(page, 'dh_staff');
    // Pick a person with a phone through the API the page itself uses (same session).
    const res = await page.request.get('/api/residents?tag=%E7%8B%AC%E5%B1%85%E8%80%81%E4%BA%BA&pageSize=50');
    const { items } = (await res.json()) as { items: { name: string; phone: string | null }[] };
    const target = items.find((r) => r.phone && /^1\d{10}$/.test(r.phone));
    expect(target, 'a living-alone resident with a phone').toBeDefined();
    const name = target?.name ?? '';

    const full = await searchPhones(page, name);
    expect(full.some((p) => /^1\d{10}$/.test(p))).toBe(true);
    expect(full).toContain(target?.phone);
    await shot(page, 'residents-search-dh_staff');
    await staff.close();

    const street = await newContext(browser, base, DESK);
    const page2 = await street.newPage();
    await login(page2, 'bj_street');
    const masked = await searchPhones(page2, name);
    expect(masked.length).toBeGreaterThan(0);
    for (const p of masked) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(masked).not.toContain(target?.phone);
    const ids = (await page2.locator('.ant-table-row [data-testid=cell-id]').allTextContents()).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\*{14}[\dX]{4}$/);
    await shot(page2, 'residents-search-bj_street');
    await street.close();
  });
});

describe('audit page', () => {
  it('the auditor filters the reads of personal data', async () => {
    const base = inject('baseUrl');
    const ctx = await newContext(browser, base, DESK);
    const staff = await ctx.newPage();
    await login(staff, 'dh_staff');
    // An unmasked resident page is a read of personal data, recorded for the auditor.
    expect((await staff.request.get('/api/residents?pageSize=5')).ok()).toBe(true);
    await ctx.close();

    const actx = await newContext(browser, base, DESK);
    const page = await actx.newPage();
    await login(page, 'auditor');
    await page.goto('/audit');
    await page.getByTestId('audit-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '个人信息查阅' }).click();
    await page.getByRole('button', { name: '筛选' }).click();
    const rows = page.locator('[data-testid=audit-table] .ant-table-row');
    await page.waitForFunction(() => {
      const rs = [...document.querySelectorAll('[data-testid=audit-table] .ant-table-row')];
      return rs.length > 0 && rs.every((r) => r.textContent?.includes('查阅个人信息'));
    });
    expect(await rows.count()).toBeGreaterThan(0);
    await shot(page, 'audit-reads');
    await actx.close();
  });
});
