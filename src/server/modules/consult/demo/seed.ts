/**
 * The demo story (东湖小区, Ganzhou): pulling down the walls between the six former 三无楼院. Raised by the community
 * 120 days before `now`, discussed at a 议事会 with vision drawing v1; an art. 278 vote (major matter) reaches the
 * quorum but misses 3/4; the plan is changed (drawing v2, 居民代表会议) and a second, secret vote passes; 公示,
 * the project with its milestones and photos, and an open acceptance vote. Beside it, a small household vote in
 * 丝路嘉苑 still open, for resident_silu's phone. Everything goes through the module's use cases as dh_staff, except
 * the bulk of the paper/online ballots, which are inserted in bulk (deterministic, seeded PRNG) to stay fast.
 */
import type { Kysely } from 'kysely';
import { mulberry32 } from '../../../../shared/rng.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { accountIdentity } from '../../auth/index.ts';
import { communityCompounds, residentPlace, scopeRoll } from '../../registry/index.ts';
import type { VoteResult } from '../domain/ballotBox.ts';
import type { Ctx } from '../service/access.ts';
import * as delib from '../service/deliberation.ts';
import * as projects from '../service/projects.ts';
import * as topics from '../service/topics.ts';
import * as votes from '../service/votes.ts';
import { castBulk } from './ballots.ts';
import { tile, visionDrawing } from './drawings.ts';

const DAY = 86_400_000;

/** Seeds the consultation story; does nothing without the demo community's staff account. */
export async function seedDemoConsult(db: Kysely<Database>, now: Date): Promise<void> {
  const staff = await accountIdentity(db, 'dh_staff');
  if (!staff) return;
  const community = staff.scopeCode;
  const compounds = await communityCompounds(db, community);
  const donghu = compounds.find((c) => c.name === '东湖小区' && c.formerSanwu);
  const silu = compounds.find((c) => c.name === '丝路嘉苑');
  if (!donghu || !silu) return;
  const actor = {
    accountId: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    scopeCode: staff.scopeCode,
    residentId: null,
    householdId: null,
    sessionId: 'demo-seed',
    csrfToken: '',
  };
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const ctx = (daysAgo: number): Ctx => ({ db, actor, now: at(daysAgo), ip: '127.0.0.1' });
  const rng = mulberry32(20_240_611);

  const topic = await topics.createTopic(ctx(120), {
    communityCode: community,
    scope: { kind: 'compound', id: donghu.id },
    title: '拆除六个原三无楼院之间的围墙，东湖小区拆墙并院',
    body:
      '东湖小区由粮站、二轻、百货、建筑公司、邮电、农资六个原三无楼院组成，院与院之间的围墙阻断通行、消防和停车。' +
      '征集居民意见：是否拆除围墙、打通道路、统一引入物业服务。',
  });
  await delib.comment(ctx(118), topic, '欢迎各楼院居民在协商阶段提出意见，议事会将逐条回应。', null);
  await topics.advanceStage(ctx(110), topic, 'deliberate', '征集到意见 126 条');
  await delib.propose(ctx(108), topic, {
    title: '拆墙并院方案（初稿）',
    body: '拆除六个楼院之间的全部围墙和旧车库，打通环形道路。',
    alternatives: ['全部拆除围墙', '只拆除中间两道围墙', '保留围墙，开设便门'],
  });
  const units = (await scopeRoll(db, community, { kind: 'compound', id: donghu.id }))?.units ?? [];
  // attendance from the register: one household in 37 sent someone (about 41 of 1,523)
  const present = (step: number, from: number) => units.filter((_, i) => i % step === from).map((u) => u.householdId);
  await delib.recordMeeting(ctx(100), topic, {
    kind: 'council',
    heldAt: at(100),
    agenda: ['拆墙并院方案（初稿）说明', '居民提问', '下一步：业主共同决定表决'],
    households: present(37, 0),
    minutes:
      '议事会在社区党群服务中心召开。设计单位说明愿景图 v1；居民关心停车位减少、绿地被占和老人通行安全。' +
      '会议同意将初稿提交业主共同决定（改建、重建建筑物及其附属设施，《民法典》第二百七十八条第一款第七项）。',
    decisions: ['初稿提交业主表决', '设计单位统计现有停车位'],
  });
  await delib.addDrawing(ctx(99), topic, {
    title: '东湖小区愿景图',
    note: 'v1：拆除六个楼院之间的全部围墙，打通环形道路',
    data: await visionDrawing(1),
    filename: 'donghu-v1.png',
  });
  await topics.advanceStage(ctx(90), topic, 'vote', null);
  const total = units.reduce((sum, u) => sum + BigInt(u.areaCenti), 0n);
  const declared = `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
  const v1 = await votes.openVote(ctx(90), topic, {
    title: '拆墙并院方案（初稿）',
    kind: 'owners',
    matter: 'major',
    secret: false,
    closesAt: at(76),
    declaredTotalArea: declared,
  });
  await castBulk(db, v1, rng, { take: 0.8, yes: 0.64, no: 0.3, at: at(80), serial: 'DH1' });
  const r1 = await votes.closeVote(ctx(76), v1);
  if (!r1.quorum || r1.passed) throw new Error('demo story: the first vote must reach the quorum and fail');

  await delib.comment(ctx(75), topic, '第一次表决未达到四分之三，方案将根据反对意见修改后重新表决。', null);
  await delib.propose(ctx(74), topic, {
    title: '拆墙并院方案（修改稿）',
    body: '围墙全部拆除，但保留两处绿地、新增一排停车位、东西两侧保留大门并设门禁。',
    alternatives: ['修改稿', '初稿'],
  });
  await delib.recordMeeting(ctx(72), topic, {
    kind: 'representatives',
    heldAt: at(72),
    agenda: ['修改稿说明：保留绿地、新增停车位、保留大门', '表决安排'],
    households: present(61, 5),
    minutes: '居民代表会议逐条讨论第一次表决中的反对意见，同意修改稿：保留绿地两处、新增停车位 24 个、保留东西大门。',
    decisions: ['修改稿提交第二次业主表决（无记名）'],
  });
  await delib.addDrawing(ctx(71), topic, {
    title: '东湖小区愿景图',
    note: 'v2：保留绿地两处，新增停车位，东西大门保留',
    data: await visionDrawing(2),
    filename: 'donghu-v2.png',
  });
  const v2 = await votes.openVote(ctx(70), topic, {
    title: '拆墙并院方案（修改稿）',
    kind: 'owners',
    matter: 'major',
    secret: true,
    closesAt: at(56),
    declaredTotalArea: declared,
  });
  await castBulk(db, v2, rng, { take: 0.84, yes: 0.87, no: 0.09, at: at(60), serial: 'DH2' });
  const r2: VoteResult = await votes.closeVote(ctx(56), v2);
  if (!r2.passed) throw new Error('demo story: the second vote must pass');
  await topics.advanceStage(ctx(55), topic, 'publicity', '表决结果公示 7 天');
  await topics.advanceStage(ctx(48), topic, 'implement', null);

  const project = await projects.createProject(ctx(47), topic, {
    title: '东湖小区拆墙并院改造工程',
    budgetFen: 286_500_000,
    contractor: '甘州区城建工程有限公司（演示）',
    lon: 100.4555,
    lat: 38.9352,
    milestones: [
      { startsOn: day(at(47)), dueOn: day(at(35)) },
      { startsOn: day(at(35)), dueOn: day(at(12)) },
      { startsOn: day(at(12)), dueOn: day(at(-7)) },
    ],
  });
  await projects.addPhoto(ctx(46), project, 'before', await tile('#9a8f7d'), 'before.png');
  await projects.setProgress(ctx(36), project, 1, 100);
  await projects.setProgress(ctx(20), project, 2, 60);
  await projects.setProgress(ctx(11), project, 2, 100);
  await projects.addPhoto(ctx(10), project, 'after', await tile('#7cb66f'), 'after.png');
  await projects.setProgress(ctx(9), project, 3, 50);
  await topics.advanceStage(ctx(8), topic, 'acceptance', '竣工，业主验收表决');
  const v3 = await votes.openVote(ctx(7), topic, {
    title: '东湖小区拆墙并院改造工程验收',
    kind: 'households',
    matter: 'ordinary',
    secret: false,
    closesAt: new Date(now.getTime() + 7 * DAY),
    purpose: 'acceptance',
  });
  await castBulk(db, v3, rng, { take: 0.55, yes: 0.9, no: 0.06, at: at(3), serial: 'DH3' });

  await siluStory(db, ctx, community, silu.id, rng, now);
}

/** A household vote on the stairwell lights of 丝路嘉苑, open, resident_silu has not voted yet. */
async function siluStory(
  db: Kysely<Database>,
  ctx: (daysAgo: number) => Ctx,
  community: string,
  compoundId: string,
  rng: () => number,
  now: Date,
) {
  const topic = await topics.createTopic(ctx(20), {
    communityCode: community,
    scope: { kind: 'compound', id: compoundId },
    title: '丝路嘉苑楼道声控灯统一更换',
    body: '楼道灯反复损坏（近半年同类事件多次），拟用甘州铺子收益统一更换为 LED 声控灯。',
  });
  await topics.advanceStage(ctx(15), topic, 'deliberate', null);
  await topics.advanceStage(ctx(5), topic, 'vote', null);
  const v = await votes.openVote(ctx(4), topic, {
    title: '是否统一更换楼道声控灯',
    kind: 'households',
    matter: 'ordinary',
    secret: false,
    closesAt: new Date(now.getTime() + 10 * DAY),
  });
  const silu = await accountIdentity(db, 'resident_silu');
  const home = silu?.residentId ? await residentPlace(db, silu.residentId) : null;
  await castBulk(db, v, rng, { take: 0.3, yes: 0.8, no: 0.1, at: ctx(2).now, serial: 'SL1', skip: home?.householdId });
}

const day = (d: Date) => d.toISOString().slice(0, 10);
