/**
 * Scope of the fund routes (the registry's scope test skips /api/fund/ and /api/public/): every route of the
 * module is listed here; each staff route is sent, by users of the demo community, at another community's real
 * fund objects and must answer 403/404 with nothing written or leaked; the public routes show only published,
 * masked fields and nothing of an unpaid expense.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login, testApp, type Session, type TestApp } from '../../testing/harness.ts';
import { addOtherCommunity, OTHER_COMMUNITY } from '../../testing/fixtures.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { accountByUsername, ensureDemoAccount } from '../auth/index.ts';
import { addCommitteeMember, recordIncome } from './admin.ts';
import { approveExpense, DEFAULT_FUND_OPTIONS, payExpense, requestExpense, type Ctx } from './service.ts';
import { demoReceipt } from './demo.ts';

let t: TestApp;
const sessions: Record<string, Session> = {};
let paidId = '';
let openId = '';
const SECRET = 'OTHER-SECRET-用途';

async function actor(username: string): Promise<Actor> {
  const a = (await accountByUsername(t.handle.db, username))!;
  return {
    accountId: a.id,
    username,
    displayName: a.displayName,
    role: a.role,
    scopeCode: a.scopeCode,
    residentId: null,
    householdId: null,
    sessionId: 's',
    csrfToken: 'c',
  };
}

/** Every fund route, with a request aimed at the other community's objects. */
const routes: Record<string, () => { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown }> = {
  'GET /api/fund/:code/overview': () => ({ method: 'GET', url: `/api/fund/${OTHER_COMMUNITY}/overview` }),
  'GET /api/fund/:code/expenses': () => ({ method: 'GET', url: `/api/fund/${OTHER_COMMUNITY}/expenses` }),
  'POST /api/fund/:code/expenses': () => ({
    method: 'POST',
    url: `/api/fund/${OTHER_COMMUNITY}/expenses`,
    body: {
      projectRef: 'X',
      purpose: 'x',
      payee: 'x',
      amountFen: '100',
      expenseAccount: 'expense:project',
      budgetLine: 'x',
      quote: 'x',
    },
  }),
  'POST /api/fund/expenses/:id/approve': () => ({ method: 'POST', url: `/api/fund/expenses/${openId}/approve` }),
  'POST /api/fund/expenses/:id/pay': () => ({
    method: 'POST',
    url: `/api/fund/expenses/${openId}/pay`,
    body: { invoiceNumber: '25622000000077770001', receiptBase64: '/9j/4AAQSkZJRgABAQ==' },
  }),
  'GET /api/fund/expenses/:id/receipt': () => ({ method: 'GET', url: `/api/fund/expenses/${paidId}/receipt` }),
  'POST /api/fund/:code/income': () => ({
    method: 'POST',
    url: `/api/fund/${OTHER_COMMUNITY}/income`,
    body: { kind: 'donation', amountFen: '100', memo: 'x' },
  }),
  'GET /api/fund/:code/committee': () => ({ method: 'GET', url: `/api/fund/${OTHER_COMMUNITY}/committee` }),
  'POST /api/fund/:code/committee': () => ({
    method: 'POST',
    url: `/api/fund/${OTHER_COMMUNITY}/committee`,
    body: { username: 'dh_staff', title: 'x' },
  }),
  'PUT /api/fund/:code/budgets/:year': () => ({
    method: 'PUT',
    url: `/api/fund/${OTHER_COMMUNITY}/budgets/2026`,
    body: { account: 'expense:repair', amountFen: '100' },
  }),
  'POST /api/fund/:code/periods/:period/close': () => ({
    method: 'POST',
    url: `/api/fund/${OTHER_COMMUNITY}/periods/2026-01/close`,
  }),
};
/** Public routes (no login): checked for published, masked fields below. */
const publicRoutes = [
  'GET /api/public/fund/:code',
  'GET /api/public/fund/:code/heads',
  'GET /api/public/fund/:code/proof/inclusion',
  'GET /api/public/fund/:code/proof/consistency',
  'GET /api/public/fund/:code/ledger.jsonl',
  'GET /api/public/fund/:code/report.:format',
  'GET /api/public/fund/:code/receipts/:id',
];

const counts = async (): Promise<string> => {
  const r = await sql<{ n: string }>`SELECT concat_ws(',',
      (SELECT count(*) FROM fund_transactions), (SELECT count(*) FROM fund_expenses),
      (SELECT count(*) FROM fund_approvals), (SELECT count(*) FROM fund_committee),
      (SELECT count(*) FROM fund_budgets), (SELECT count(*) FROM fund_periods),
      (SELECT count(*) FROM fund_idempotency),
      (SELECT count(*) FROM fund_expenses WHERE status = 'paid')) AS n`.execute(t.handle.db);
  return r.rows[0]!.n;
};

beforeAll(async () => {
  t = await testApp();
  await addOtherCommunity(t.handle.db);
  const now = t.clock.now();
  for (const u of ['other_staff', 'other_fund1', 'other_fund2']) {
    await ensureDemoAccount(t.handle.db, {
      username: u,
      displayName: '测试委员',
      role: 'community_staff',
      scopeCode: OTHER_COMMUNITY,
      password: 'linli-demo',
      now,
    });
  }
  const ctx = async (u: string): Promise<Ctx> => ({ db: t.handle.db, actor: await actor(u), now, ip: 't' });
  const staff = await ctx('other_staff');
  for (const u of ['other_fund1', 'other_fund2']) await addCommitteeMember(staff, OTHER_COMMUNITY, u, '委员');
  await recordIncome(staff, OTHER_COMMUNITY, 'other-income-1', {
    kind: 'donation',
    amountFen: 900_000n,
    memo: '捐赠',
    party: '欧阳娜娜',
  });
  const base = {
    payee: '某工程队',
    payFrom: 'bank',
    expenseAccount: 'expense:project' as const,
    budgetLine: 'b',
    quote: 'q',
  };
  const paid = await requestExpense(
    staff,
    OTHER_COMMUNITY,
    { ...base, projectRef: 'P', purpose: '已付项目', amountFen: 1000n },
    DEFAULT_FUND_OPTIONS,
  );
  const open = await requestExpense(
    staff,
    OTHER_COMMUNITY,
    { ...base, projectRef: 'Q', purpose: SECRET, amountFen: 2000n },
    DEFAULT_FUND_OPTIONS,
  );
  for (const id of [paid.id, open.id]) {
    await approveExpense(await ctx('other_fund1'), id);
    await approveExpense(await ctx('other_fund2'), id);
  }
  await payExpense(staff, paid.id, 'other-pay-1', {
    invoiceCode: null,
    invoiceNumber: '25622000000066660001',
    receipt: await demoReceipt('R'),
    receiptType: 'image/png',
  });
  paidId = paid.id;
  openId = open.id;
  for (const u of ['grid03', 'dh_staff', 'resident_silu', 'shop01', 'bj_street']) sessions[u] = await login(t.app, u);
}, 120_000);
afterAll(async () => t.close());

describe('fund routes are scoped', () => {
  it('lists every route of /api/fund/ and /api/public/fund/', () => {
    const mine = t.app.routeList
      .filter((r) => r.url.startsWith('/api/fund/') || r.url.startsWith('/api/public/fund/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(mine.filter((k) => !(k in routes) && !publicRoutes.includes(k))).toEqual([]);
    expect(mine.length).toBe(Object.keys(routes).length + publicRoutes.length);
  });

  for (const user of ['grid03', 'dh_staff', 'resident_silu', 'shop01']) {
    it(`${user}: every staff route at the other community answers 403/404, writes and leaks nothing`, async () => {
      const before = await counts();
      for (const [name, make] of Object.entries(routes)) {
        const r = make();
        const res = await sessions[user]!.request(r.method, r.url, r.body, { 'idempotency-key': `scope-${user}-1` });
        expect([403, 404], `${user} ${name}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(res.body).not.toContain(SECRET);
      }
      expect(await counts()).toBe(before);
    });
  }

  it('bj_street (the street above both) may read but not approve without a seat', async () => {
    const s = sessions.bj_street!;
    expect((await s.request('GET', `/api/fund/${OTHER_COMMUNITY}/overview`)).statusCode).toBe(200);
    const r = await s.request('POST', `/api/fund/expenses/${openId}/approve`);
    expect([r.statusCode, r.json().error.code]).toEqual([409, 'FUND_BAD_STATE']);
  });
});

describe('public fund routes show only what is published, masked', () => {
  it('the summary carries the public fields only and nothing of an unpaid expense', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/public/fund/${OTHER_COMMUNITY}` });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(Object.keys(s).sort()).toEqual(['accounts', 'community', 'entries', 'expenses', 'flow', 'heads', 'keys']);
    expect(Object.keys(s.expenses[0]).sort()).toEqual(
      [
        'amountFen',
        'expenseAccount',
        'forCase',
        'hasReceipt',
        'id',
        'invoiceNumber',
        'paidAt',
        'payFrom',
        'payee',
        'projectRef',
        'purpose',
      ].sort(),
    );
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('欧阳娜娜');
    expect(r.body).toContain('欧***');
    const ledger = await t.app.inject({ method: 'GET', url: `/api/public/fund/${OTHER_COMMUNITY}/ledger.jsonl` });
    expect(ledger.body).not.toContain(SECRET);
    expect(ledger.body).not.toContain('欧阳娜娜');
  });

  it('receipts: only of a paid expense, only under its own community', async () => {
    const get = (code: string, id: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/fund/${code}/receipts/${id}` });
    expect((await get(OTHER_COMMUNITY, paidId)).statusCode).toBe(200);
    expect((await get(OTHER_COMMUNITY, openId)).statusCode).toBe(404);
    expect((await get('620702004006', paidId)).statusCode).toBe(404);
  });
});
