/** Privacy by role (domain.md §6): community staff see a phone number in full, street staff see it masked. */
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
    await shot(page2, 'residents-search-bj_street');
    await street.close();
  });
});
