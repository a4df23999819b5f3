import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { COMMUNITY, SILU_GRID, SILU_POINT } from '../cases/testing/demo.ts';
import { verifyLedgerFile } from '../../../cli/fund.ts';
import { verifyInclusion } from './domain/merkle.ts';
import { demoReceipt, seedDemoFund } from './demo.ts';

let t: TestApp;
let resident: Session, worker: Session, staff: Session, m1: Session, m2: Session;
let caseId = '';
let receipt = '';
const json = { 'content-type': 'application/json' };
const key = (k: string) => ({ 'idempotency-key': k });
const bank = async (): Promise<bigint> => {
  const o = (await staff.request('GET', `/api/fund/${COMMUNITY}/overview`)).json();
  return BigInt(o.accounts.find((a: { code: string }) => a.code === 'bank').balanceFen);
};
const expense = (s: Session, body: Record<string, unknown>) =>
  s.request('POST', `/api/fund/${COMMUNITY}/expenses`, {
    purpose: '丝路嘉苑排污管道更换',
    payee: '张掖市甘州区宏达市政工程队',
    amountFen: '1280000',
    expenseAccount: 'expense:repair',
    budgetLine: '维修支出',
    quote: '三家比价，12,800 元最低',
    ...body,
  });

beforeAll(async () => {
  t = await testApp();
  await seedDemoFund(t.handle.db, t.clock.now());
  [resident, worker, staff, m1, m2] = await Promise.all([
    login(t.app, 'resident_silu'),
    login(t.app, SILU_GRID.worker.username),
    login(t.app, 'dh_staff'),
    login(t.app, 'dh_fund1'),
    login(t.app, 'dh_fund2'),
  ]);
  receipt = (await demoReceipt()).toString('base64');
  const r = await resident.request('POST', '/api/cases', {
    categoryCode: 'X01',
    description: '丝路嘉苑下水管道堵塞，污水外溢',
    location: SILU_POINT,
  });
  caseId = r.json().case.id;
  await worker.request('POST', `/api/cases/${caseId}/actions`, { action: 'accept' });
  await worker.request('POST', `/api/cases/${caseId}/actions`, {
    action: 'escalate',
    reason: 'money',
    note: '需要资金',
  });
}, 120_000);
afterAll(async () => t.close());

describe('an expense from a "needs money" case to payment', () => {
  let id = '';
  it('offers the escalated case and records the request', async () => {
    const list = (await staff.request('GET', `/api/fund/${COMMUNITY}/expenses`)).json();
    expect(list.moneyCases.map((c: { id: string }) => c.id)).toContain(caseId);
    const r = await expense(staff, { caseId });
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({ status: 'requested', amountFen: '1280000', approvalsNeeded: 2 });
  });

  it('needs two committee members who are not the requester', async () => {
    const self = await staff.request('POST', `/api/fund/expenses/${id}/approve`);
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'FUND_SELF_APPROVAL']);
    const street = await login(t.app, 'bj_street');
    const outsider = await street.request('POST', `/api/fund/expenses/${id}/approve`);
    expect([outsider.statusCode, outsider.json().error.code]).toEqual([403, 'FUND_NOT_COMMITTEE']);
    expect((await m1.request('POST', `/api/fund/expenses/${id}/approve`)).json().status).toBe('requested');
    expect((await m1.request('POST', `/api/fund/expenses/${id}/approve`)).json().error.code).toBe(
      'FUND_ALREADY_APPROVED',
    );
    expect((await m2.request('POST', `/api/fund/expenses/${id}/approve`)).json().status).toBe('approved');
  });

  it('pays once per Idempotency-Key, with invoice and receipt; the case history shows it', async () => {
    const before = await bank();
    const url = `/api/fund/expenses/${id}/pay`;
    const body = { invoiceNumber: '25622000000099990001', receiptBase64: receipt };
    expect((await staff.request('POST', url, body)).json().error.code).toBe('FUND_IDEMPOTENCY_KEY');
    const bad = await staff.request('POST', url, { ...body, receiptBase64: 'bm90IGFuIGltYWdl' }, key('pay-0001-a'));
    expect(bad.json().error.code).toBe('FUND_RECEIPT_REQUIRED');
    const a = await staff.request('POST', url, body, key('pay-0001-b'));
    expect([a.statusCode, a.json().status, a.json().replayed]).toEqual([200, 'paid', false]);
    const b = await staff.request('POST', url, body, key('pay-0001-b'));
    expect([b.json().status, b.json().replayed]).toEqual(['paid', true]);
    const other = await staff.request(
      'POST',
      url,
      { ...body, invoiceNumber: '25622000000099990002' },
      key('pay-0001-b'),
    );
    expect(other.statusCode).toBe(422);
    const again = await staff.request('POST', url, body, key('pay-0001-c'));
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'FUND_BAD_STATE']);
    expect(before - (await bank())).toBe(1_280_000n);
    const h = (await staff.request('GET', `/api/cases/${caseId}/history`)).json().events;
    expect(h.map((e: { note: string | null }) => e.note).join('\n')).toContain('paid from the community fund');
    expect((await staff.request('GET', `/api/cases/${caseId}`)).json().case.status).toBe('handling');
  });

  it('refuses a reused invoice, floats, negative amounts and unknown accounts, writing nothing', async () => {
    const before = (await staff.request('GET', `/api/fund/${COMMUNITY}/expenses`)).json().items.length;
    const reuse = await expense(staff, { projectRef: 'P-2', invoiceNumber: '25622000000099990001' });
    expect([reuse.statusCode, reuse.json().error.code]).toEqual([409, 'FUND_INVOICE_USED']);
    for (const amountFen of [12.5, -100, '1e5', 0]) {
      expect((await expense(staff, { projectRef: 'P-3', amountFen })).statusCode).toBe(400);
    }
    const acct = await expense(staff, { projectRef: 'P-4', payFrom: 'income:lottery' });
    expect(acct.json().error.code).toBe('FUND_UNKNOWN_ACCOUNT');
    const income = await staff.request(
      'POST',
      `/api/fund/${COMMUNITY}/income`,
      { kind: 'donation', amountFen: 99.5, memo: '捐赠' },
      key('income-float-1'),
    );
    expect(income.statusCode).toBe(400);
    expect((await staff.request('GET', `/api/fund/${COMMUNITY}/expenses`)).json().items.length).toBe(before);
  });
});

describe('public disclosure (no login)', () => {
  it('shows balances, the paid expense masked and its receipt, nothing of unpaid requests', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}` });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    const paid = s.expenses.find((e: { purpose: string }) => e.purpose === '丝路嘉苑排污管道更换');
    expect(paid.payee).toBe('张掖市甘州区宏达市政工程队'); // an organisation is shown as registered
    expect(s.expenses.every((e: { paidAt: string | null }) => e.paidAt !== null)).toBe(true);
    expect(r.body).not.toContain('健身器材'); // the seeded request still waiting for approval
    expect(r.body).not.toContain('王桂芳'); // donors are masked in the log
    expect(s.flow.links.some((l: { target: string }) => l.target === 'expense:repair')).toBe(true);
    const img = await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}/receipts/${paid.id}` });
    expect([img.statusCode, img.headers['content-type']]).toEqual([200, 'image/png']);
  });

  it('serves a ledger file that verifies offline, proofs, and monthly reports', async () => {
    const f = await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}/ledger.jsonl` });
    const path = join(mkdtempSync(join(tmpdir(), 'linli-fund-dl-')), 'ledger.jsonl');
    writeFileSync(path, f.body);
    const v = await verifyLedgerFile(path);
    expect(v.problem).toBeNull();
    const head = (await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}/heads` })).json().heads[0];
    const p = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/fund/${COMMUNITY}/proof/inclusion?index=3&size=${head.size}`,
      })
    ).json();
    const hx = (s: string) => Buffer.from(s, 'hex');
    expect(verifyInclusion(3, head.size, hx(p.leafHash), p.proof.map(hx), hx(head.root))).toBe(true);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}/report.pdf` });
    expect(pdf.body.slice(0, 4)).toBe('%PDF');
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/public/fund/${COMMUNITY}/report.xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const none = await t.app.inject({ method: 'GET', url: '/api/public/fund/620702004099' });
    expect(none.statusCode).toBe(404);
    expect(json).toBeTruthy();
  });
});
