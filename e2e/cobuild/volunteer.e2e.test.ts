/**
 * A volunteer on a 375 px phone (elder mode on) signs up for today's activity, checks in with the rotating code
 * (the QR code's URL, as the camera opens it), checks out later with the next code typed in, and sees the hours.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, PHONE, shot } from '../support/browser.ts';
import { expectElderNumbers, measureElder, turnElderOn } from '../support/elder.ts';

/** Today's demo activity (日间照料中心) sits 0.0003° east and 0.0004° south of 丝路嘉苑's middle. */
const PLACE = { longitude: 100.45078895 + 0.0003, latitude: 38.9448666 - 0.0004 + 0.0002 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('cobuild: a volunteer checks in with the rotating code', () => {
  it('signs up, checks in and out on a phone, and sees the hours', async () => {
    const base = inject('baseUrl');
    const staffCtx = await newContext(browser, base);
    const staff = await staffCtx.newPage();
    await login(staff, 'dh_staff');

    // Its own activity, open now by the server's clock (other browser tests move that clock forward, so the demo's
    // "today" activity may already be over): the same title and place as the demo's, unique by the time stamp.
    const now = Date.parse(((await (await fetch(`${inject('controlUrl')}/now`)).json()) as { now: string }).now);
    const title = `日间照料中心陪老人读报 ${now}`;
    const csrf = ((await (await staff.request.get(`${base}/api/auth/me`)).json()) as { account: { csrfToken: string } })
      .account.csrfToken;
    const made = await staff.request.post(`${base}/api/cobuild/activities`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        communityCode: '620702004006',
        title,
        placeName: '东湖社区日间照料中心',
        lon: PLACE.longitude,
        lat: PLACE.latitude - 0.0002,
        radiusM: 150,
        startsAt: new Date(now - 10 * 60_000).toISOString(),
        endsAt: new Date(now + 3 * 3_600_000).toISOString(),
        capacity: 8,
        skills: ['读报'],
      },
    });
    expect(made.status(), await made.text()).toBe(201);

    const ctx = await newContext(browser, base, PHONE, PLACE);
    const page = await ctx.newPage();
    await login(page, 'resident_silu');
    await page.getByTestId('volunteer-link').click();
    await page.getByTestId('volunteer-page').waitFor();
    const become = page.getByTestId('become-volunteer');
    await page.getByTestId('balance').or(become).first().waitFor();
    if (await become.isVisible()) await become.click();
    const item = page.getByTestId('activity').filter({ hasText: title });
    await item.getByTestId('sign-up').click();
    await item.getByText('已报名').waitFor();

    // the display at the place: full-screen QR of the check-in URL with the current code
    await staff.goto('/cobuild/activities');
    await staff.getByRole('tab', { name: '志愿活动' }).click();
    await staff.getByTestId(`qr-${title}`).first().click();
    await staff.getByTestId('qr-display').waitFor();
    await expect.poll(() => staff.getByTestId('qr-code').textContent()).toMatch(/^[0-9A-Z]{8}$/);
    await shot(staff, 'cobuild-qr-display');
    const qrUrl = (await staff.getByTestId('qr-display').locator('img').getAttribute('alt'))!;
    expect(qrUrl).toContain('/me/volunteer/check?a=');

    // the phone opens the QR code's URL: the code is filled in
    await page.goto(new URL(qrUrl).pathname + new URL(qrUrl).search);
    await page.getByTestId('check-page').waitFor();
    await turnElderOn(page);
    await page.getByTestId('check-in').click();
    await page.getByTestId('check-ok').waitFor();
    await expect(page.getByTestId('check-ok').textContent()).resolves.toContain('签到成功');
    const m = await measureElder(page, '.r-main .para, .r-main h1, .r-main .btn', '.r-main .btn');
    expectElderNumbers(m, { texts: 3, targets: 2 });
    await shot(page, 'cobuild-checkin-phone', true);

    // 70 minutes later a new code is on the screen; typed in by hand for the check-out
    await fetch(`${inject('controlUrl')}/advance?ms=${70 * 60_000}`, { method: 'POST' });
    const code = (await (
      await staff.request.get(`${base}/api/cobuild/activities/${new URL(qrUrl).searchParams.get('a')}/code`)
    ).json()) as { code: string };
    await page.getByTestId('check-code').fill(code.code);
    await page.getByTestId('check-out').click();
    await expect.poll(() => page.getByTestId('check-ok').textContent()).toMatch(/签退成功，本次服务 \d+ 分钟/);

    await page.goto('/me/volunteer/hours');
    await page.getByTestId('hours-page').waitFor();
    await expect.poll(() => page.getByTestId('ledger-row').first().textContent()).toMatch(/服务 \+\d+ 分钟/);
    await page.getByTestId('certificate').first().waitFor();
    await shot(page, 'cobuild-hours-phone', true);
    await ctx.close();
    await staffCtx.close();
  }, 60_000);
});
