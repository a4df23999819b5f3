/**
 * The fund's part of the Ganzhou demo story (DEMO ONLY), told through the real use cases on a clock set to
 * historical times: three committee members (demo staff accounts of 东湖社区), a year of grants, donations and
 * partner contributions, budgets, the 丝路嘉苑 sewer expense requested from its "needs money" case, approved by
 * two members and paid with a receipt (the case's history records it), one request still waiting, and signed
 * tree heads. The shop's profit share arrives from the shop's own demo story. Deterministic amounts (mulberry32).
 */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { accountByUsername, ensureDemoAccount } from '../auth/index.ts';
import { casesNeedingMoney } from '../cases/index.ts';
import { addCommitteeMember, recordIncome, setBudget } from './admin.ts';
import { publishHead, signingKey } from './log.ts';
import { approveExpense, DEFAULT_FUND_OPTIONS, payExpense, requestExpense, type Ctx } from './service.ts';

const COMMUNITY = '620702004006';
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The committee's demo accounts (community staff, password linli-demo). */
const DEMO_COMMITTEE = [
  { username: 'dh_fund1', name: '马建国', title: '社区基金管理委员会主任' },
  { username: 'dh_fund2', name: '李秀兰', title: '居民代表委员' },
  { username: 'dh_fund3', name: '赵志强', title: '共建单位代表委员' },
] as const;

async function actorOf(db: Kysely<Database>, username: string): Promise<Actor> {
  const a = await accountByUsername(db, username);
  if (!a) throw new Error(`demo account ${username} missing`);
  return {
    accountId: a.id,
    username,
    displayName: a.displayName,
    role: a.role,
    scopeCode: a.scopeCode,
    residentId: null,
    householdId: null,
    sessionId: 'seed',
    csrfToken: 'seed',
  };
}

/** A small receipt picture (PNG) for the demo payment. */
export async function demoReceipt(title = '收据 RECEIPT ¥12,800.00'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="220">
    <rect width="360" height="220" fill="#fffdf5" stroke="#c0392b" stroke-width="4"/>
    <text x="20" y="50" font-size="22" fill="#c0392b">${title}</text>
    <line x1="20" y1="90" x2="340" y2="90" stroke="#999"/><line x1="20" y1="130" x2="340" y2="130" stroke="#999"/>
    <circle cx="290" cy="170" r="34" fill="none" stroke="#c0392b" stroke-width="3"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Seeds the fund story of the demo community (no-op when its ledger already has entries). */
export async function seedDemoFund(db: Kysely<Database>, now: Date): Promise<void> {
  const staff = await actorOf(db, 'dh_staff').catch(() => null);
  if (!staff) return; // no demo community
  // told already when the committee exists (the ledger alone is no sign: the shop's settlement may come first)
  if (await accountByUsername(db, 'dh_fund1')) return;
  const rnd = mulberry32(20240801);
  const members: Actor[] = [];
  for (const m of DEMO_COMMITTEE) {
    await ensureDemoAccount(db, {
      username: m.username,
      displayName: m.name,
      role: 'community_staff',
      scopeCode: COMMUNITY,
      password: 'linli-demo',
      now,
    });
    members.push(await actorOf(db, m.username));
  }
  const at = (t: Date): Ctx => ({ db, actor: staff, now: t, ip: 'seed' });
  const start = new Date(now.getTime() - 300 * DAY);
  for (const m of DEMO_COMMITTEE) await addCommitteeMember(at(start), COMMUNITY, m.username, m.title);
  const key = await signingKey(db, start);
  const year = Number(now.toISOString().slice(0, 4));
  await setBudget(at(start), COMMUNITY, year, 'expense:repair', 6_000_000n);
  await setBudget(at(start), COMMUNITY, year, 'expense:project', 3_000_000n);

  const incomes: { day: number; kind: 'donation' | 'grant' | 'partner'; fen: bigint; memo: string; party?: string }[] =
    [
      { day: 280, kind: 'grant', fen: 5_000_000n, memo: '北街街道社区公益金拨款（年度）' },
      { day: 240, kind: 'partner', fen: 2_000_000n, memo: '共建单位出资：社区微更新', party: '甘州农商银行北街支行' },
      { day: 150, kind: 'grant', fen: 1_500_000n, memo: '甘州区老旧小区改造配套补助' },
      { day: 60, kind: 'partner', fen: 800_000n, memo: '共建单位出资：一老一小服务', party: '张掖市第二中学' },
    ];
  for (let i = 0; i < 9; i++) {
    incomes.push({
      day: 290 - i * 30 - Math.floor(rnd() * 10),
      kind: 'donation',
      fen: BigInt(5_000 + Math.floor(rnd() * 95) * 1_000),
      memo: '居民爱心捐赠',
      party: ['王桂芳', '陈志明', '刘淑珍', '杨建华', '周玉兰', '孙国强', '吴秀英', '郑海燕', '冯德胜'][i]!,
    });
  }
  incomes.sort((a, b) => b.day - a.day);
  let mid = false;
  for (const [i, inc] of incomes.entries()) {
    const t = new Date(now.getTime() - inc.day * DAY);
    await recordIncome(at(t), COMMUNITY, `demo-income-${i}`, {
      kind: inc.kind,
      amountFen: inc.fen,
      memo: inc.memo,
      party: inc.party,
      occurredAt: t,
    });
    if (!mid && inc.day < 150) {
      await publishHead(db, COMMUNITY, key, t);
      mid = true;
    }
  }

  const sewer = (await casesNeedingMoney(db, COMMUNITY)).find((c) => c.description.includes('丝路嘉苑排污'));
  if (sewer) {
    const t0 = new Date(new Date(sewer.escalatedAt).getTime() + 2 * HOUR);
    const e = await requestExpense(
      at(t0),
      COMMUNITY,
      {
        caseId: sewer.id,
        purpose: '丝路嘉苑排污管道整体更换（1号楼前检查井至市政管网，DN300 HDPE 管 42 米）',
        payee: '张掖市甘州区宏达市政工程队',
        amountFen: 1_280_000n,
        payFrom: 'bank',
        expenseAccount: 'expense:repair',
        budgetLine: '2026 年度维修支出：三无楼院公共设施',
        quote: '报价单：管材 6,300 元，人工及机械 5,200 元，路面恢复 1,300 元，合计 12,800 元（三家比价最低）',
      },
      DEFAULT_FUND_OPTIONS,
    );
    await approveExpense({ db, actor: members[0]!, now: new Date(t0.getTime() + 3 * HOUR), ip: 'seed' }, e.id);
    await approveExpense({ db, actor: members[1]!, now: new Date(t0.getTime() + 5 * HOUR), ip: 'seed' }, e.id);
    await payExpense(at(new Date(t0.getTime() + 26 * HOUR)), e.id, 'demo-pay-silu-sewer', {
      invoiceCode: null,
      invoiceNumber: '25622000000012345678',
      receipt: await demoReceipt(),
      receiptType: 'image/png',
    });
  }
  const t1 = new Date(now.getTime() - 3 * DAY);
  const pending = await requestExpense(
    at(t1),
    COMMUNITY,
    {
      projectRef: 'DH-2026-07',
      purpose: '东湖小区健身器材维修与适老化扶手加装',
      payee: '张掖市康体设施服务部',
      amountFen: 468_000n,
      payFrom: 'bank',
      expenseAccount: 'expense:project',
      budgetLine: '2026 年度项目支出：一老一小',
      quote: '报价单：器材维修 2,880 元，扶手 12 米 1,800 元，合计 4,680 元',
    },
    DEFAULT_FUND_OPTIONS,
  );
  await approveExpense({ db, actor: members[0]!, now: new Date(t1.getTime() + 4 * HOUR), ip: 'seed' }, pending.id);
  await publishHead(db, COMMUNITY, key, now);
}
