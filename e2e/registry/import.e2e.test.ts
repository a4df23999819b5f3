/** Community staff import a bad CSV: nothing is imported and the page lists the errors row by row. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESK, launch, login, newContext, shot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('register import', () => {
  it('shows the per-row error table for a bad CSV', async () => {
    const ctx = await newContext(browser, inject('baseUrl'), DESK);
    const page = await ctx.newPage();
    await login(page, 'dh_staff');
    await page.goto('/import');
    // Start from the server's own template header so the test follows the column names.
    const template = await (await page.request.get('/api/registry/template.csv')).text();
    const header = template.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const cols = header.split(',').length;
    const row = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, cols - cells.length)).fill('')].join(',');
    const csv = [
      header,
      // A building that does not exist, a bad area and an ID number with a wrong check character.
      row([
        '62070200400601',
        '不存在的楼',
        '1',
        '101',
        '-5',
        '不动产登记',
        '张三',
        '张三',
        '张三',
        '男',
        '620702196001010018',
        '1960-01-01',
        '户主',
        '138000',
        '',
      ]),
      row([
        '62070200400601',
        '北苑小区1号楼',
        '1',
        '999',
        '80',
        '不动产登记',
        '李四',
        '李四',
        '李四',
        '女',
        '',
        '1970-02-30',
        '户主',
        '',
        '',
      ]),
    ].join('\n');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-start').click();
    const table = page.getByTestId('import-errors');
    await table.locator('.ant-table-row').first().waitFor();
    const rows = await table.locator('.ant-table-row').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const firstCells = await table.locator('.ant-table-row').first().locator('td').allTextContents();
    expect(firstCells[0]).toBe('2');
    expect(rows.some((r) => r.startsWith('3'))).toBe(true);
    await expect(page.getByTestId('import-ok').count()).resolves.toBe(0);
    await shot(page, 'import-errors', true);
    await ctx.close();
  });
});
