/**
 * Issue 3, "done when": (a) the whole story in the browser — a resident of 丝路嘉苑 reports a blocked sewer
 * with a photo on a phone → the grid worker's already-open page shows it without a reload → the worker accepts and
 * escalates "needs money" → community staff accept and resolve it → the resident confirms "fixed" and rates 5;
 * (b) a test clock moved past the accept-by deadline escalates a case from grid to community, seen live on the
 * staff page. Both run in this one file, in this order, because (b) moves the shared server clock forward.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';

/** Centre of 丝路嘉苑 (grid 2 of 东湖社区) in WGS-84. */
const SILU = { latitude: 38.94471, longitude: 100.45057 };
const GRID02 = '62070200400602';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A small JPEG "photo" of a blocked drain (a generated gradient; the server re-encodes it). */
async function photo(): Promise<Buffer> {
  const w = 320;
  const h = 240;
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      raw[i] = 60 + (x % 64);
      raw[i + 1] = 70 + (y % 48);
      raw[i + 2] = 50;
    }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Full-page screenshots: keep the sticky resident bar at the top and hide antd toasts. */
async function tidy(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.r-bar{position:static!important}.ant-message{display:none!important}' });
}

async function clickAction(page: Page, action: string): Promise<void> {
  await page.locator(`[data-testid=case-actions] button[data-action=${action}]`).click();
}

describe('一键式响应 in the browser', () => {
  it('report → worker sees it live → "needs money" → staff resolve → resident confirms, rates 5', async () => {
    const base = inject('baseUrl');
    const t0 = Date.now();

    // The grid worker of grid 2 has the queue open (phone) before anything happens.
    const workerCtx = await newContext(browser, base, PHONE);
    const worker = await workerCtx.newPage();
    await login(worker, 'grid02');
    await worker.goto('/cases');
    await worker.locator('[data-testid=worker-queue][data-live=live]').waitFor({ timeout: 15_000 });
    const before = await worker.getByTestId('queue-item').count();

    // The resident of 丝路嘉苑, on a 375×812 phone at the compound.
    const resCtx = await newContext(browser, base, PHONE, SILU);
    const resident = await resCtx.newPage();
    await login(resident, 'resident_silu');
    await resident.getByTestId('report-button').click();
    await resident.getByTestId('report-page').waitFor();
    await resident.locator('button.c-cat[data-code=X01]').click();
    expect(await resident.locator('button.c-cat[data-code=X01]').getAttribute('aria-pressed')).toBe('true');
    await resident.getByTestId('locate').click();
    await resident.getByTestId('location-set').waitFor();
    await resident
      .getByTestId('photo-input')
      .setInputFiles({ name: 'drain.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await resident.locator('.c-thumbs img').first().waitFor();
    await resident.getByTestId('description').fill('丝路嘉苑1号楼下水管道堵塞，污水冒到路面。');
    expect(await resident.getByTestId('hide-name').getAttribute('aria-pressed')).toBe('true');
    await tidy(resident);
    await shot(resident, 'cases-report-phone', true);
    await resident.getByTestId('submit-report').click();
    await resident.waitForURL(/\/me\/cases\/[0-9a-f-]{36}/, { timeout: 15_000 });
    const postedAt = Date.now();
    const id = new URL(resident.url()).pathname.split('/').pop()!;
    await resident.locator(`[data-testid=case-detail][data-id="${id}"]`).waitFor();
    await expect(resident.getByTestId('case-status').textContent()).resolves.toContain('已派遣');
    await resident.locator('.c-thumbs img').first().waitFor();

    // The worker's page shows it without a reload.
    const item = worker.locator(`[data-testid=queue-item][data-id="${id}"]`);
    await item.waitFor({ timeout: 5_000 });
    const seenMs = Date.now() - postedAt;
    console.log(`case visible on the worker's open page ${seenMs} ms after the report page got its answer`);
    expect(await worker.getByTestId('queue-item').count()).toBeGreaterThanOrEqual(before + 1);
    await expect(item.getByTestId('fresh-tag').count()).resolves.toBe(1);
    await tidy(worker);
    await shot(worker, 'cases-worker-queue-phone', true);

    // Accept, then escalate "needs money".
    await item.click();
    await worker.locator(`[data-testid=staff-case][data-id="${id}"]`).waitFor();
    await expect(worker.getByTestId('staff-case').getAttribute('data-level')).resolves.toBe('grid');
    await clickAction(worker, 'accept');
    await worker.locator('[data-testid=staff-case][data-status=handling]').waitFor();
    await clickAction(worker, 'escalate');
    await worker.getByTestId('form-escalate').waitFor();
    await worker.getByTestId('reason-money').click();
    await worker.getByTestId('action-note').fill('排污管道需整体更换，网格内无经费。');
    await worker.getByTestId('action-submit').click();
    await worker.locator('[data-testid=staff-case][data-level=community]').waitFor();
    await tidy(worker);
    await shot(worker, 'cases-worker-detail-phone', true);

    // Community staff (desk): accept and resolve (until the community fund exists).
    const staffCtx = await newContext(browser, base, DESK);
    const staff = await staffCtx.newPage();
    await login(staff, 'dh_staff');
    await staff.goto(`/cases/${id}`);
    await staff.locator(`[data-testid=staff-case][data-id="${id}"][data-level=community]`).waitFor();
    await staff.getByTestId('history').getByText('需要资金').waitFor();
    await clickAction(staff, 'accept');
    await staff.locator('[data-testid=staff-case][data-status=handling]').waitFor();
    await clickAction(staff, 'resolve');
    await staff.getByTestId('action-note').fill('社区协调维修队疏通并更换了堵塞的排污管道。');
    await staff.getByTestId('action-submit').click();
    await staff.locator('[data-testid=staff-case][data-status=resolved]').waitFor();
    await tidy(staff);
    await shot(staff, 'cases-staff-detail-desk', true);

    // The resident's open page asks "fixed?" (live), then the rating.
    await resident.getByTestId('confirm-panel').waitFor({ timeout: 10_000 });
    await tidy(resident);
    await shot(resident, 'cases-resident-confirm-phone', true);
    await resident.getByTestId('fixed-yes').click();
    await resident.getByTestId('rate-panel').waitFor();
    await resident.locator('.c-star[data-score="5"]').click();
    await resident.getByTestId('rate-submit').click();
    await resident.locator('[data-testid=case-detail][data-status=evaluated]').waitFor();
    await expect(resident.getByTestId('rated').textContent()).resolves.toContain('5');
    await tidy(resident);
    await shot(resident, 'cases-resident-rated-phone', true);

    // Staff see the whole history.
    await staff.reload();
    await staff.locator('[data-testid=staff-case][data-status=evaluated]').waitFor();
    for (const step of ['立案', '签收', '上报', '反馈', '居民确认', '居民评价']) {
      await staff.getByTestId('history').getByText(step, { exact: false }).first().waitFor();
    }
    console.log(`story took ${Date.now() - t0} ms`);
    await Promise.all([workerCtx.close(), resCtx.close(), staffCtx.close()]);
  });

  it('a case past its accept-by deadline escalates grid → community (test clock), live on staff page', async () => {
    const control = inject('controlUrl');
    if (!control) return; // external server: no clock to move
    const base = inject('baseUrl');

    // A fresh case in grid 2, filed through the API as the resident.
    const resCtx = await newContext(browser, base, PHONE);
    const login1 = await resCtx.request.post('/api/auth/login', {
      data: { username: 'resident_silu', password: 'linli-demo' },
    });
    const csrf = ((await login1.json()) as { account: { csrfToken: string } }).account.csrfToken;
    const made = await resCtx.request.post('/api/cases', {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `deadline-${Date.now()}` },
      data: {
        categoryCode: 'X02',
        description: '3号楼楼道灯不亮',
        location: { lon: SILU.longitude, lat: SILU.latitude, crs: 'wgs84' },
      },
    });
    expect(made.status()).toBe(201);
    const c = ((await made.json()) as { case: { id: string; level: string; gridCode: string; acceptBy: string } }).case;
    expect(c.level).toBe('grid');
    expect(c.gridCode).toBe(GRID02);

    const staffCtx = await newContext(browser, base, DESK);
    const staff = await staffCtx.newPage();
    await login(staff, 'dh_staff');
    await staff.goto(`/cases/${c.id}`);
    await staff.locator(`[data-testid=staff-case][data-id="${c.id}"][data-level=grid]`).waitFor();
    await expect(staff.getByTestId('case-level').textContent()).resolves.toContain('网格');

    // Move the server clock past accept-by (+1 minute) and run one scheduler pass.
    const now = new Date(((await (await fetch(`${control}/now`)).json()) as { now: string }).now).getTime();
    const ms = Math.max(0, new Date(c.acceptBy).getTime() - now) + 60_000;
    await fetch(`${control}/advance?ms=${ms}`, { method: 'POST' });
    const tick = (await (await fetch(`${control}/tick`, { method: 'POST' })).json()) as { escalated: number };
    expect(tick.escalated).toBeGreaterThanOrEqual(1);

    // The open staff page changes without a reload.
    await staff
      .locator(`[data-testid=staff-case][data-id="${c.id}"][data-level=community]`)
      .waitFor({ timeout: 5_000 });
    await expect(staff.getByTestId('case-level').textContent()).resolves.toContain('社区');
    await staff.getByTestId('history').getByText('超时未签收，自动上报').waitFor();
    await tidy(staff);
    await shot(staff, 'cases-deadline-escalated-desk', true);

    // And it is on the overdue/escalated list of the console.
    await staff.goto('/cases');
    await staff.getByTestId('filter-level').click();
    await staff.locator('.ant-select-item-option[title="社区"]').click();
    await staff.locator(`[data-testid=case-row][data-id="${c.id}"]`).waitFor();
    await staff.keyboard.press('Escape');
    await staff.waitForTimeout(300);
    await tidy(staff);
    await shot(staff, 'cases-console-desk');
    await Promise.all([resCtx.close(), staffCtx.close()]);
  });
});
