/**
 * Resident side of the cases on a 375×812 phone: (c) the report page in 长辈版 meets docs/domain.md §7 as measured in
 * the browser (text ≥ 18 px, line height ≥ 1.3, contrast ≥ 4.5:1, main targets ≥ 60×60 px) and does not load
 * MapLibre until the map is asked for; 一键求助 for a resident living alone, with a confirmation that waits;
 * a report whose answer is lost survives in the draft (photo included) and is re-sent with the same
 * Idempotency-Key, making exactly one case.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectElderNumbers, measureElder } from '../support/elder.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 200, height: 150, channels: 3, background: { r: 90, g: 120, b: 80 } } })
    .jpeg()
    .toBuffer();
}

describe('resident cases pages', () => {
  it('(c) the report page in 长辈版 meets the §7 numbers and loads no map until asked', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    await ctx.addInitScript(() => localStorage.setItem('linli_elder', '1'));
    const page = await ctx.newPage();
    const scripts: string[] = [];
    page.on('response', (r) => r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname));
    await login(page, 'resident_elder');
    await page.getByTestId('report-button').waitFor();
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-page').waitFor();
    await page.locator('button.c-cat').first().waitFor();
    await page.locator('.c-details summary').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);

    const m = await measureElder(
      page,
      '.r-main h1, .r-main h2, .r-main legend, .r-main .para, .r-main .btn, .r-main .field > span, ' +
        '.r-main input, .r-main select, .r-main textarea, .r-main summary',
      '.r-main .btn, .r-main select, .r-main input:not(.sr-only), .r-main summary',
    );
    expectElderNumbers(m, { texts: 16, targets: 11 });
    expect(
      scripts.some((s) => /maplibre|echarts|antd|StaffApp/i.test(s)),
      scripts.join(' '),
    ).toBe(false);
    await page.addStyleTag({ content: '.r-bar{position:static!important}' });
    await shot(page, 'cases-report-elder-phone', true);

    // The map comes on demand (its own chunk).
    await page.getByTestId('toggle-map').click();
    await page.locator('[data-testid=pick-map] [data-map-state=ready]').waitFor({ timeout: 30_000 });
    expect(scripts.some((s) => /maplibre/i.test(s))).toBe(true);
    const box = await page.locator('[data-testid=pick-map] canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('location-set').textContent()).resolves.toContain('地图点选');
    await ctx.close();
  });

  it('一键求助: only for a resident living alone; confirmation waits; a press opens an urgent case', async () => {
    const base = inject('baseUrl');
    const other = await newContext(browser, base, PHONE);
    const op = await other.newPage();
    await login(op, 'resident_silu');
    await op.getByTestId('report-button').waitFor();
    await op.getByTestId('my-cases-link').waitFor();
    expect(await op.getByTestId('help-card').count()).toBe(0);
    await other.close();

    const ctx = await newContext(browser, base, PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_elder');
    await page.getByTestId('help-button').waitFor();
    await page.getByTestId('grid-worker-card').waitFor();
    await page.addStyleTag({ content: '.r-bar{position:static!important}' });
    await shot(page, 'cases-resident-home-phone', true);
    await page.getByTestId('help-button').click();
    await page.getByTestId('help-confirm').waitFor();
    await page.waitForTimeout(3_000); // nothing times out while the resident decides
    expect(await page.getByTestId('help-confirm').isVisible()).toBe(true);
    // Who will hear it, and 120 and the grid worker one tap away before anything is sent.
    await expect(page.locator('#help-q').textContent()).resolves.toMatch(/您的网格员.+和社区会马上收到/);
    expect(await page.getByTestId('help-call-120').getAttribute('href')).toBe('tel:120');
    expect(await page.getByTestId('help-call-worker').getAttribute('href')).toMatch(/^tel:\+?\d{5,15}$/);
    await shot(page, 'cases-help-confirm-phone');
    await page.getByTestId('help-confirm').click();
    const done = page.getByTestId('help-done');
    await done.waitFor();
    // Who comes, and by when.
    await expect(done.textContent()).resolves.toMatch(/网格员.+会在 .*\d{2}:\d{2} 前联系您或上门/);
    expect(await done.getByTestId('help-call-worker').count()).toBe(1);
    await shot(page, 'cases-help-done-phone');
    await page.getByTestId('help-follow').click();
    await page.getByTestId('case-detail').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toContain('养老求助');
    await ctx.close();
  });

  it('a report whose answer was lost stays a draft (with its photo), re-sent once with the same key', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE, { latitude: 38.9449, longitude: 100.4508 });
    const page = await ctx.newPage();
    await login(page, 'resident_silu');
    await page.goto('/me/report');
    await page.locator('button.c-cat[data-code=X03]').click();
    await page.getByTestId('locate').click();
    await page.getByTestId('location-set').waitFor();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'noise.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
    const text = `夜间装修噪音 ${Date.now()}`;
    await page.getByTestId('description').fill(text);

    // The POST reaches the server, but the answer is lost on the way back.
    let keys: string[] = [];
    await page.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('submit-report').click();
    await page.getByTestId('report-message').waitFor();
    await expect(page.getByTestId('report-message').textContent()).resolves.toContain('草稿');
    await page.unroute('**/api/cases');

    // Close the page; a new one restores the draft (photo included) and re-sends it with the same key.
    await page.close();
    const again = await ctx.newPage();
    again.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/cases')
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await again.goto('/me/report');
    await again.waitForURL(/\/me\/cases\/[0-9a-f-]{36}/, { timeout: 15_000 });
    await again.getByTestId('case-detail').waitFor();
    expect(keys.length).toBe(2);
    expect(keys[0]).toBe(keys[1]);
    await again.locator('.c-thumbs img').first().waitFor();

    const mine = (await (await ctx.request.get('/api/cases/mine')).json()) as { items: { description: string }[] };
    expect(mine.items.filter((c) => c.description === text).length).toBe(1);
    keys = [];
    await ctx.close();
  });

  it('duplicates within 50 m are offered before submitting; "me too" supports instead of a new case', async () => {
    const base = inject('baseUrl');
    const at = { latitude: 38.9436, longitude: 100.4489 };
    const rc = await newContext(browser, base, PHONE);
    const l = await rc.request.post('/api/auth/login', { data: { username: 'resident_silu', password: 'linli-demo' } });
    const csrf = ((await l.json()) as { account: { csrfToken: string } }).account.csrfToken;
    const made = await rc.request.post('/api/cases', {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `dup-${Date.now()}` },
      data: { categoryCode: 'X06', description: '停水了', location: { lon: at.longitude, lat: at.latitude } },
    });
    expect(made.status()).toBe(201);
    const id = ((await made.json()) as { case: { id: string } }).case.id;
    await rc.close();

    const ctx = await newContext(browser, base, PHONE, { latitude: at.latitude + 0.0001, longitude: at.longitude });
    const page = await ctx.newPage();
    await login(page, 'resident_elder');
    await page.goto('/me/report');
    await page.locator('button.c-cat[data-code=X06]').click();
    await page.getByTestId('locate').click();
    await page.getByTestId('duplicates').waitFor();
    await expect(page.getByTestId('submit-report').textContent()).resolves.toContain('不是同一件事');
    await page.addStyleTag({ content: '.r-bar{position:static!important}' });
    await shot(page, 'cases-duplicates-phone', true);
    await page.getByTestId('me-too').first().click();
    await page.waitForURL(`**/me/cases/${id}?supported=1`);
    await page.getByTestId('case-detail').waitFor();
    const mine = (await (await ctx.request.get('/api/cases/mine')).json()) as {
      items: { id: string; supporters: number }[];
    };
    expect(mine.items.find((c) => c.id === id)?.supporters).toBe(1);
    await ctx.close();
  });
});
