/**
 * Concurrent payouts (run on PostgreSQL with DATABASE_URL, where they really run in parallel): many approved
 * expenses paid at once can never overdraw the fund, and one payment retried concurrently with the same
 * Idempotency-Key pays once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { demoReceipt, seedDemoFund } from './demo.ts';

const C = '620702004006';
let t: TestApp;
let staff: Session, m1: Session, m2: Session;
let receipt = '';
const bank = async (): Promise<bigint> => {
  const o = (await staff.request('GET', `/api/fund/${C}/overview`)).json();
  return BigInt(o.accounts.find((a: { code: string }) => a.code === 'bank').balanceFen);
};
async function approved(amountFen: bigint, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await staff.request('POST', `/api/fund/${C}/expenses`, {
      projectRef: `R-${amountFen}-${i}`,
      purpose: '并发测试',
      payee: '工程队',
      amountFen: amountFen.toString(),
      expenseAccount: 'expense:project',
      budgetLine: 'b',
      quote: 'q',
    });
    const id = r.json().id as string;
    await m1.request('POST', `/api/fund/expenses/${id}/approve`);
    await m2.request('POST', `/api/fund/expenses/${id}/approve`);
    ids.push(id);
  }
  return ids;
}
const pay = (id: string, key: string, n: number) =>
  staff.request(
    'POST',
    `/api/fund/expenses/${id}/pay`,
    { invoiceNumber: `2562200000${String(n).padStart(10, '0')}`, receiptBase64: receipt },
    { 'idempotency-key': key },
  );

beforeAll(async () => {
  t = await testApp();
  await seedDemoFund(t.handle.db, t.clock.now());
  [staff, m1, m2] = await Promise.all([login(t.app, 'dh_staff'), login(t.app, 'dh_fund1'), login(t.app, 'dh_fund2')]);
  receipt = (await demoReceipt()).toString('base64');
}, 120_000);
afterAll(async () => t.close());

describe('concurrent payouts', () => {
  it('never overdraw the fund', async () => {
    const start = await bank();
    const each = start / 8n + 1n; // 8 payments would need more than the balance
    const ids = await approved(each, 12);
    const res = await Promise.all(ids.map((id, i) => pay(id, `race-pay-${i}-xyz`, 1000 + i)));
    const ok = res.filter((r) => r.statusCode === 200).length;
    const short = res.filter((r) => r.statusCode === 409 && r.json().error.code === 'FUND_INSUFFICIENT').length;
    expect(ok + short).toBe(12);
    expect(ok).toBe(7);
    const end = await bank();
    expect(end).toBe(start - BigInt(ok) * each);
    expect(end >= 0n).toBe(true);
  }, 120_000);

  it('one payment retried at once with the same key pays once', async () => {
    const [id] = await approved(1_000n, 1);
    const before = await bank();
    const res = await Promise.all(Array.from({ length: 8 }, () => pay(id!, 'same-key-race-1', 2000)));
    expect(res.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(res.filter((r) => r.json().replayed === false).length).toBe(1);
    expect(before - (await bank())).toBe(1_000n);
  }, 120_000);
});
