/**
 * Staff and grid-worker pages of the cases module: the console's map of cases (MapLibre clusters / heat) and the
 * metrics page (ECharts only in its own lazy chunk, definitions shown, xlsx export answers), and a grid worker's
 * patrol with a GPS track on a phone. Read-mostly, so it can run beside the story test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('cases: staff console, metrics, patrol', () => {
  it('community staff: map of cases and the indicators with definitions, chart and xlsx', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    const scripts: string[] = [];
    page.on('response', (r) => r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname));
    await login(page, 'dh_staff');
    // A case to show, filed through the API by a resident.
    const rc = await newContext(browser, inject('baseUrl'), DESK);
    const l = await rc.request.post('/api/auth/login', { data: { username: 'resident_silu', password: 'linli-demo' } });
    const csrf = ((await l.json()) as { account: { csrfToken: string } }).account.csrfToken;
    const made = await rc.request.post('/api/cases', {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `staff-map-${Date.now()}` },
      data: {
        categoryCode: 'X04',
        description: '邻里因停车位发生纠纷',
        location: { lon: 100.4512, lat: 38.9452 },
      },
    });
    expect(made.ok()).toBe(true);
    await rc.close();

    await page.goto('/cases?tab=map');
    await page.locator('[data-testid=cases-map] [data-map-state=ready]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await expect(page.getByTestId('cases-map').textContent()).resolves.toMatch(/共 \d+ 件/);
    await shot(page, 'cases-map-desk');
    expect(scripts.some((s) => /echarts|MetricsChart/i.test(s))).toBe(false);

    await page.goto('/cases/metrics');
    await page.getByTestId('metrics-page').waitFor();
    await page.locator('[data-testid=metrics-chart] svg').waitFor({ timeout: 15_000 });
    expect(scripts.some((s) => /MetricsChart/.test(s))).toBe(true);
    const defs = await page.getByTestId('metrics-definitions').textContent();
    for (const k of ['响应率', '解决率', '满意率', '结案率', '按期结案率', '返工率', '延期率'])
      expect(defs).toContain(k);
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'cases-metrics-desk', true);
    const href = await page.getByTestId('metrics-xlsx').getAttribute('href');
    const xlsx = await ctx.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await ctx.close();
  });

  it('community staff: a progress note stays internal unless marked as a reply to the public', async () => {
    const rc = await newContext(browser, inject('baseUrl'), DESK);
    const l = await rc.request.post('/api/auth/login', { data: { username: 'resident_silu', password: 'linli-demo' } });
    const csrf = ((await l.json()) as { account: { csrfToken: string } }).account.csrfToken;
    const made = await rc.request.post('/api/cases', {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `staff-note-${Date.now()}` },
      data: { categoryCode: 'X02', description: '3单元楼道灯不亮', location: { lon: 100.4512, lat: 38.9452 } },
    });
    const id = ((await made.json()) as { case: { id: string } }).case.id;
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto(`/cases/${id}`);
    await page.locator(`[data-testid=staff-case][data-id="${id}"]`).waitFor();
    await page.getByTestId('progress-note').fill('内部：住户电话13700001111');
    await page.getByRole('button', { name: '添加记录' }).click();
    await page.getByTestId('history').getByText('内部：住户电话13700001111').waitFor();
    await page.getByTestId('progress-note').fill('电工明天上午到场');
    await page.getByTestId('progress-note-public').check();
    await page.getByRole('button', { name: '添加记录' }).click();
    await page.getByTestId('history').getByText('公开答复').waitFor();
    await shot(page, 'cases-staff-public-reply-desk', true);
    // What the reporter gets: the public reply, never the internal note.
    const mine = (await (await rc.request.get(`/api/cases/${id}`)).json()) as { case: { lastNote: string } };
    expect(mine.case.lastNote).toBe('电工明天上午到场');
    const history = await (await rc.request.get(`/api/cases/${id}/history`)).text();
    expect(history).not.toContain('13700001111');
    await rc.close();
    await ctx.close();
  });

  it('grid worker: patrol start → GPS track → stop shows the summary (phone)', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE, { latitude: 38.9447, longitude: 100.4505 });
    const page = await ctx.newPage();
    await login(page, 'grid02');
    await page.goto('/cases');
    await page.getByTestId('worker-queue').waitFor();
    await page.getByTestId('patrol-start').click();
    await page.getByTestId('patrol-stop').waitFor();
    await ctx.setGeolocation({ latitude: 38.9452, longitude: 100.4511, accuracy: 5 });
    await page.waitForTimeout(500);
    await page.getByTestId('patrol-stop').click();
    await page.getByTestId('patrol-start').waitFor();
    await expect(page.getByTestId('patrol').textContent()).resolves.toMatch(/上次巡查/);
    await ctx.close();
  });
});
