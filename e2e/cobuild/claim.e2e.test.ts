/**
 * A partner school claims the need "陪伴独居老人读报" on the staff page and completes it with evidence (a photo and
 * the signature of the person served, drawn on the canvas); the public page then shows what the school did.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, newContext, shot } from '../support/browser.ts';

/** A 1×1 PNG photo (the server checks the PNG signature). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('cobuild: a partner school claims and completes a need', () => {
  it('claims 陪伴独居老人读报 for 东湖小学, records progress and evidence, completes it', async () => {
    const ctx = await newContext(browser, inject('baseUrl'));
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/cobuild');
    await page.getByTestId('cobuild-page').waitFor();
    await page.getByTestId('claim-陪伴独居老人读报').click();
    await page.locator('.ant-modal').getByTestId('claim-unit').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '东湖小学' }).click();
    await shot(page, 'cobuild-claim');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '项目清单' }).click();
    await page.getByTestId('project-陪伴独居老人读报').click();
    const drawer = page;
    await drawer.getByTestId('progress-note').waitFor();
    await expect(page.getByTestId('project-status').locator('..').textContent()).resolves.toContain('甘州区东湖小学');
    await drawer.getByTestId('progress-note').fill('学生已上门读报 2 次');
    await drawer.getByTestId('progress-save').click();
    await drawer.getByText('学生已上门读报 2 次').waitFor();
    await drawer.getByTestId('photo-input').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    await drawer.getByTestId('evidence-photo').waitFor();
    await drawer.getByTestId('signer').fill('张奶奶');
    const pad = drawer.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 60);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + 60 + (i % 2 ? 25 : -25));
    await page.mouse.up();
    await drawer.getByTestId('signature-save').click();
    await drawer.getByTestId('evidence-signature').waitFor();
    await drawer.getByTestId('summary').fill('每周两次上门读报，张奶奶签字确认');
    await drawer.getByTestId('complete').click();
    await expect.poll(() => drawer.getByTestId('project-status').textContent(), { timeout: 15_000 }).toBe('已完成');
    await shot(page, 'cobuild-project-done');
    // the volunteers and their time-bank balances are one tab away
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '志愿者与时间银行' }).click();
    await page.getByRole('cell', { name: /小时$/ }).first().waitFor();
    await ctx.close();

    const pub = await (await newContext(browser, inject('baseUrl'))).newPage();
    await pub.goto('/public/cobuild/620702004006');
    const school = pub.getByTestId('public-unit').filter({ hasText: '甘州区东湖小学' });
    await school.getByText('陪伴独居老人读报', { exact: true }).waitFor();
    expect(await pub.content()).not.toContain('张奶奶');
  }, 60_000);
});
