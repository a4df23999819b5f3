/**
 * The 东湖小区 story in the browser: a resident votes on the phone, staff see the tally with both thresholds and
 * their numbers, the public page shows the drawings and the results, and the downloaded tally file gives the same
 * numbers with `linli vote tally`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESK, launch, login, newContext, PHONE, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('consult story', () => {
  it('a resident of 丝路嘉苑 votes on the stairwell lights on the phone, once', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), PHONE);
    const page = await ctx.newPage();
    await login(page, 'resident_silu');
    await page.getByTestId('consult-link').click();
    await page.getByTestId('consult-list').waitFor();
    await page.getByTestId('topic-link').filter({ hasText: '声控灯' }).click();
    await page.getByTestId('consult-topic').waitFor();
    await page.getByTestId('vote-yes').click();
    await page.getByTestId('voted').waitFor();
    await expect(page.getByTestId('vote-message').textContent()).resolves.toContain('投票已记录');
    await expect(page.getByTestId('vote-yes').count()).resolves.toBe(0);
    await shot(page, 'consult-resident-voted');
    await ctx.close();
  }, 60_000);

  it('staff see each vote with both thresholds and their numbers', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto(`${inject('baseUrl')}/consult`);
    await page.getByTestId('staff-consult').waitFor();
    await page.getByTestId('staff-topic').filter({ hasText: '拆除六个原三无楼院' }).getByRole('button').click();
    const tallies = page.getByTestId('staff-tally');
    await tallies.nth(2).waitFor(); // the three tallies load one by one
    await expect(tallies.count()).resolves.toBe(3);
    const first = tallies.nth(0);
    await expect(first.getByTestId('tally').getAttribute('data-quorum')).resolves.toBe('true');
    await expect(first.getByTestId('tally').getAttribute('data-passed')).resolves.toBe('false');
    const met = await first
      .getByTestId('threshold')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-met')]));
    expect(met).toEqual([
      ['quorumArea', 'true'],
      ['quorumOwners', 'true'],
      ['approvalArea', 'false'],
      ['approvalOwners', 'false'],
    ]);
    await expect(first.textContent()).resolves.toMatch(/≥ 3\/4/);
    await expect(tallies.nth(1).getByTestId('tally').getAttribute('data-passed')).resolves.toBe('true');
    await shot(page, 'consult-staff-tally');
    await ctx.close();
  }, 60_000);

  it('the public page shows drawings v1 → v2 and the results; the downloaded file reproduces them', async () => {
    const base = inject('baseUrl');
    const ctx = await newContext(browser, base, PHONE);
    const page = await ctx.newPage();
    const list = (await (await page.request.get(`${base}/api/public/consult/620702004006/topics`)).json()) as {
      items: { id: string; title: string }[];
    };
    const topic = list.items.find((i) => i.title.includes('拆除六个原三无楼院'))!;
    await page.goto(`${base}/public/consult/${topic.id}`);
    await page.getByTestId('public-topic').waitFor();
    await expect(
      page.getByTestId('drawing').evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))),
    ).resolves.toEqual(['1', '2']);
    await expect(page.getByTestId('minutes').count()).resolves.toBe(2);
    const votes = page.getByTestId('vote');
    await expect(votes.count()).resolves.toBe(2);
    await shot(page, 'consult-public', true);
    const api = (await (await page.request.get(`${base}/api/public/consult/topics/${topic.id}`)).json()) as {
      votes: { id: string; result: { summary: unknown } }[];
    };
    for (const [i, v] of api.votes.entries()) {
      const href = await votes.nth(i).getByTestId('tally-download').getAttribute('href');
      const body = await (await page.request.get(`${base}${href}`)).text();
      const file = join(mkdtempSync(join(tmpdir(), 'linli-e2e-tally-')), 'tally.json');
      writeFileSync(file, body);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'vote', 'tally', file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual(v.result.summary);
    }
    await ctx.close();
  }, 90_000);
});
