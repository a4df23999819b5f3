/**
 * Demo cases for 东湖社区 (DEMO ONLY): ~50 cases over the 45 days before `now`, in every grid, status, source and
 * a realistic mix of classes — so the case console, map, overdue list and metrics have something to show.
 *
 * Every case is made by the real use cases (`report`, `help`, `act`, `addNote`) on a clock set to historical
 * times, so history events, escalation jobs, notifications and audit rows are the ones the app itself writes.
 * Each case's life is first planned against the pure state machine (`decide`, the working calendar), with staff
 * steps kept before the live deadline; deadlines the plan lets pass are escalated by the real
 * {@link EscalationScheduler}, run at each due time in between the steps. All steps of all cases are replayed in
 * time order, and the scheduler catches up to `now` at the end: every job due by `now` is done (escalated once,
 * at its historical time), so the app's scheduler starts with nothing overdue to escalate — no storm — and
 * escalates later deadlines as they pass.
 *
 * Deterministic for a given `now` (mulberry32, no Math.random, no Date.now): the same cases, classes, places,
 * times and statuses. Record ids (and therefore the random tail of case numbers) come from `uuidv7`, which is
 * random by design.
 *
 * Includes the 丝路嘉苑 story (docs/domain.md §1): the blocked sewer reported by a resident, escalated "needs money",
 * replaced with 甘州铺子's first profit, confirmed and rated 5.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { LocalBus } from '../../platform/events/bus.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { defaultCasesOptions, type CasesOptions } from './config.ts';
import { addWorkingMinutes, isWorkingTime, type Limit } from './domain/calendar.ts';
import { DEFAULT_ACCEPT, findCategory, HELP_CATEGORY } from './domain/categories.ts';
import {
  decide,
  dueEscalation,
  openCase,
  type Action,
  type CaseState,
  type EscalationReason,
} from './domain/workflow.ts';
import { makeModule, type CasesModule, type Who } from './module.ts';
import { EscalationScheduler } from './scheduler.ts';
import { DEMO_OPEN311_KEY } from './seed.ts';
import * as service from './service.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { accountActors } from '../../platform/http/actor.ts';
import { demoBuildings, demoContacts, residentHome } from '../registry/index.ts';
import { earliestDueJob, handlerCodeOf, statusesOf } from './repository/demo.ts';
import { setOpen311Token } from './repository/open311.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TZ = 8 * HOUR;

/** What {@link seedDemoCases} made. */
export interface DemoCasesReport {
  cases: number;
  /** Case key → status after seeding. */
  statuses: Record<string, string>;
  /** Escalations the scheduler made while replaying history. */
  autoEscalations: number;
}

/** Who files a demo case. */
type Source = 'silu' | 'elder' | 'help' | 'patrol' | 'hotline' | 'open311';
/** Who takes a step: the current holder, the staff above the holder, named accounts, or the reporter. */
type By = 'holder' | 'above' | 'reporter' | 'dh_staff' | 'bj_street';

interface Step {
  at: Date;
  by: By;
  kind: 'act' | 'note';
  action?: Action;
  note: string | null;
  comment?: string;
  intoKey?: string;
}

/** One case's plan: where, what, who, and its steps in time. */
interface Plan {
  key: string;
  cat: string;
  grid: number | 'silu';
  source: Source;
  reportAt: Date;
  description: string;
  steps: Step[];
}

/** Plans one case's life on the pure state machine so every staff step happens before the live deadline. */
class Script {
  state: CaseState;
  t: Date;
  stopped = false;
  readonly steps: Step[] = [];
  private readonly accept: Limit;
  private readonly resolveL: Limit;

  constructor(
    private readonly o: CasesOptions,
    private readonly now: Date,
    private readonly rnd: () => number,
    cat: string,
    gridCode: string,
    community: string,
    reportAt: Date,
  ) {
    const c = findCategory(o.categories, cat);
    if (!c) throw new Error(`demo case: unknown class ${cat}`);
    this.accept = c.acceptLimit ?? DEFAULT_ACCEPT;
    this.resolveL = c.resolveLimit;
    this.t = reportAt;
    this.state = openCase(this.ctx(reportAt), gridCode, community);
    if (reportAt.getTime() >= now.getTime()) this.stopped = true;
  }

  private ctx(now: Date) {
    return { now, cal: this.o.calendar, acceptLimit: this.accept, resolveLimit: this.resolveL };
  }
  private get natural(): boolean {
    return this.resolveL.unit === 'hours';
  }
  private r(a: number, b: number): number {
    return a + Math.floor(this.rnd() * (b - a + 1));
  }

  /** The deadline the scheduler would act on now (none at the district level). */
  private live(): Date | null {
    const s = this.state;
    if (s.level === 'district') return null;
    if ((s.status === 'registered' || s.status === 'dispatched') && s.acceptBy) return s.acceptBy;
    if (s.status === 'handling') return s.resolveBy;
    return null;
  }

  /**
   * Moves the plan's time forward: working minutes for staff, natural minutes otherwise; kept before the live
   * deadline.
   */
  private advance(minutes: number, natural: boolean): Date | null {
    if (this.stopped) return null;
    let t =
      natural || this.natural
        ? new Date(this.t.getTime() + minutes * MIN)
        : addWorkingMinutes(this.o.calendar, this.t, Math.max(1, minutes));
    const d = this.live();
    if (d && t.getTime() >= d.getTime() - MIN) {
      t = new Date(d.getTime() - 2 * MIN);
      if (t.getTime() <= this.t.getTime()) throw new Error('demo case: no time left before the deadline');
    }
    if (t.getTime() >= this.now.getTime()) {
      this.stopped = true;
      return null;
    }
    this.t = t;
    return t;
  }

  private push(
    by: By,
    action: Action,
    note: string | null,
    minutes: number,
    natural = false,
    extra: Partial<Step> = {},
  ): this {
    const at = this.advance(minutes, natural);
    if (!at) return this;
    const d = decide(this.state, action, this.ctx(at));
    if (!d.ok) throw new Error(`demo case: ${action.type} refused (${d.code}) from ${this.state.status}`);
    this.state = d.state;
    this.steps.push({ at, by, kind: 'act', action, note, ...extra });
    // A deadline already past (e.g. a rework after the resolve-by) is escalated by the scheduler's next pass.
    const live = this.live();
    const reason = live && live.getTime() <= at.getTime() ? dueEscalation(this.state, at) : null;
    if (reason) {
      const e = decide(this.state, { type: 'escalate', reason }, this.ctx(at));
      if (e.ok) this.state = e.state;
    }
    return this;
  }

  /** Working minutes left until the live deadline (5-minute resolution). */
  private workLeft(): number {
    const d = this.live();
    if (!d) return 5 * 420;
    if (this.natural) return Math.floor((d.getTime() - this.t.getTime()) / MIN);
    let n = 0;
    for (let t = this.t.getTime(); t < d.getTime(); t += 5 * MIN)
      if (isWorkingTime(this.o.calendar, new Date(t))) n += 5;
    return n;
  }

  acceptIt(min?: number): this {
    return this.push('holder', { type: 'accept' }, null, min ?? (this.natural ? this.r(3, 12) : this.r(5, 45)));
  }
  note(text: string, min?: number): this {
    const at = this.advance(min ?? (this.natural ? this.r(5, 15) : this.r(20, 120)), false);
    if (at) this.steps.push({ at, by: 'holder', kind: 'note', note: text });
    return this;
  }
  /** Resolves at a fraction of the working time left before the deadline (on time). */
  resolve(text: string, frac?: number): this {
    if (this.state.status === 'dispatched' || this.state.status === 'registered') this.acceptIt();
    const f = frac ?? 0.15 + this.rnd() * 0.6;
    return this.push('holder', { type: 'resolve' }, text, Math.max(5, Math.floor(this.workLeft() * f)));
  }
  confirm(fixed: boolean, note: string | null = null, hours?: number): this {
    return this.push('reporter', { type: 'confirm', fixed }, note, (hours ?? this.r(2, 26)) * 60 + this.r(0, 59), true);
  }
  verify(ok: boolean, text: string, min?: number): this {
    return this.push('dh_staff', { type: 'verify', ok }, text, min ?? this.r(30, 400));
  }
  rate(score: number, comment: string, min?: number): this {
    return this.push('reporter', { type: 'rate', score }, null, min ?? this.r(1, 40), true, { comment });
  }
  escalate(reason: 'coordination' | 'money', text: string, min?: number): this {
    return this.push('holder', { type: 'escalate', reason }, text, min ?? this.r(30, 180));
  }
  extend(amount: number, reason: string, approve = true): this {
    this.push('holder', { type: 'request_extension', amount, unit: 'work_days', reason }, reason, this.r(20, 200));
    return this.push(
      'above',
      { type: approve ? 'approve_extension' : 'reject_extension' },
      approve ? '同意延期' : '不同意延期，请按期办结',
      this.r(10, 90),
    );
  }
  requestExtension(amount: number, reason: string): this {
    return this.push(
      'holder',
      { type: 'request_extension', amount, unit: 'work_days', reason },
      reason,
      this.r(20, 120),
    );
  }
  supervise(text: string, by: By = 'bj_street'): this {
    return this.push(by, { type: 'supervise' }, text, this.r(10, 120));
  }
  sendBack(reason: string): this {
    return this.push('holder', { type: 'send_back', reason }, reason, this.r(5, 30));
  }
  dispatch(handlerCode: string, text: string): this {
    return this.push('dh_staff', { type: 'dispatch', handlerCode }, text, this.r(5, 40));
  }
  cancel(reason: string): this {
    return this.push('dh_staff', { type: 'cancel', reason }, reason, this.r(10, 120));
  }
  merge(intoKey: string, text: string): this {
    return this.push('dh_staff', { type: 'merge', intoId: `key:${intoKey}` }, text, this.r(10, 60), false, { intoKey });
  }

  /** Nobody acts: the live deadline passes and the scheduler escalates (overdue). Stops when that is after `now`. */
  late(): this {
    if (this.stopped) return this;
    const d = this.live();
    const reason: EscalationReason | null = d ? dueEscalation(this.state, d) : null;
    if (!d || !reason) throw new Error('demo case: nothing to be late for');
    if (d.getTime() > this.now.getTime() - MIN) {
      this.stopped = true;
      return this;
    }
    const r = decide(this.state, { type: 'escalate', reason }, this.ctx(d));
    if (!r.ok) throw new Error('demo case: escalation refused');
    this.state = r.state;
    this.t = d;
    return this;
  }
}

/** Loads the actors of the demo accounts. */
async function actors(db: Kysely<Database>): Promise<Map<string, Actor>> {
  return new Map((await accountActors(db, {}, 'demo-seed')).map((a) => [a.username, a]));
}

/**
 * Creates the demo cases of the demo community (which must already be seeded, see registry `seedDemo`).
 * Not for real deployments. `opts` must match the app's cases options (default: the defaults).
 */
export async function seedDemoCases(
  db: Kysely<Database>,
  now: Date,
  opts: Partial<CasesOptions> = {},
): Promise<DemoCasesReport> {
  const o: CasesOptions = {
    ...defaultCasesOptions(),
    ...opts,
    ratePerAccount: Number.MAX_SAFE_INTEGER,
    ratePerIp: Number.MAX_SAFE_INTEGER,
  };
  let clockT = now;
  const m: CasesModule = makeModule(db, o, () => new Date(clockT), new LocalBus());
  const scheduler = new EscalationScheduler(m);
  const rnd = mulberry32(20241003 ^ 0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  const acts = await actors(db);
  const need = (u: string) => {
    const a = acts.get(u);
    if (!a) throw new Error(`demo cases need the demo account ${u}`);
    return a;
  };
  const community = need('dh_staff').scopeCode;
  // The street account acts in the replay (supervision); fail early, before any case is written, if it is missing.
  need('bj_street');
  const gridCode = (seq: number) => `${community}${String(seq).padStart(2, '0')}`;

  // Places: residential buildings per grid (ordered by name, so picks do not depend on random ids), 丝路嘉苑.
  const buildings = await demoBuildings(db, community);
  const byGrid = new Map<string, typeof buildings>();
  for (const b of buildings)
    if (b.grid_code && b.lon !== null && b.lat !== null)
      byGrid.set(b.grid_code, [...(byGrid.get(b.grid_code) ?? []), b]);
  const silu = buildings.filter((b) => b.compound === '丝路嘉苑');
  if (!silu.length || byGrid.size < 8)
    throw new Error('demo cases need the demo community (run the registry demo seed first)');
  const siluGrid = silu[0]!.grid_code!;
  // Contacts of hotline / Open311 callers: generated residents (ordered by name and phone, not by random id).
  const people = await demoContacts(db, community, '2006-01-01', 400);

  // ---------- the plan ----------
  const localMidnight = Math.floor((now.getTime() + TZ) / DAY) * DAY - TZ;
  /** `days` days before today's local date, at hh:mm Asia/Shanghai. */
  const dayAt = (days: number, hh: number, mm = rnd() * 60) =>
    new Date(localMidnight - days * DAY + hh * HOUR + Math.floor(mm) * MIN);
  /** The instant `minutes` working minutes before now. */
  const workBack = (minutes: number) => {
    let t = now.getTime();
    let left = minutes;
    while (left > 0) {
      t -= MIN;
      if (isWorkingTime(o.calendar, new Date(t))) left--;
    }
    return new Date(t);
  };
  const plans: Plan[] = [];
  const script = (
    key: string,
    cat: string,
    grid: number | 'silu',
    source: Source,
    reportAt: Date,
    description: string,
    life: (s: Script) => unknown,
  ) => {
    const g = grid === 'silu' ? siluGrid : gridCode(grid);
    const s = new Script(o, now, rnd, cat, g, community, reportAt);
    life(s);
    plans.push({ key, cat, grid, source, reportAt, description, steps: s.steps });
  };
  const r = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));

  // 丝路嘉苑 (docs/domain.md §1): the sewer nobody had money for, paid from 甘州铺子's first profit.
  script(
    'silu-sewer',
    'X01',
    'silu',
    'silu',
    dayAt(33, 19, 40),
    '丝路嘉苑排污管道堵塞，污水从1号楼前的检查井冒出来，漫到路面，气味很大，已经好几天了。',
    (s) =>
      s
        .acceptIt(15)
        .note('现场查看：排污主管老化破裂、淤堵严重，疏通只能管几天，需整体更换。')
        .escalate(
          'money',
          '丝路嘉苑是三无楼院，无物业、无维修资金，排污管道需整体更换，网格内无经费，上报社区协调资金。',
          40,
        )
        .acceptIt(20)
        .extend(5, '更换排污管道需落实经费（甘州铺子首笔利润）并采购管材，申请延期5个工作日。')
        .resolve('社区用甘州铺子的第一笔利润（“第一桶金”）更换了丝路嘉苑堵塞的排污管道，已通水试验，路面已清理。', 0.6)
        .confirm(true, '修好了，下水通畅。', 20)
        .rate(5, '困扰多年的下水道终于修好了，感谢社区和甘州铺子！'),
  );

  // Evaluated: resident reports, handled on time, confirmed and rated.
  script(
    'silu-light',
    'X02',
    'silu',
    'silu',
    dayAt(41, 20, 10),
    '丝路嘉苑2号楼2单元楼道灯不亮，晚上上下楼看不见。',
    (s) => s.acceptIt().resolve('已更换2单元3处声控灯。').confirm(true).rate(5, '修得很快。'),
  );
  script('silu-noise', 'X03', 'silu', 'silu', dayAt(22, 9, 20), '楼下商铺装修电钻声太大，中午也不停。', (s) =>
    s
      .acceptIt()
      .note('已上门提醒商铺按时段施工。')
      .resolve('商铺承诺12:00—14:30不施工，已调整。')
      .confirm(true)
      .rate(4, '现在好多了。'),
  );
  script('silu-dispute', 'X04', 'silu', 'silu', dayAt(14, 10, 5), '邻居在公共楼道堆放杂物，协商不成，引发争吵。', (s) =>
    s
      .acceptIt()
      .note('网格员上门了解情况，约双方到社区调解。')
      .escalate('coordination', '双方意见分歧较大，需社区调解委员会出面。')
      .acceptIt()
      .resolve('社区人民调解委员会调解，双方达成协议，杂物已清走。')
      .confirm(true)
      .rate(4, '调解员很耐心。'),
  );
  script('elder-light', 'X02', 3, 'elder', dayAt(38, 18, 30), '我住的单元门口路灯坏了，晚上出门不方便。', (s) =>
    s.acceptIt().resolve('已报修更换单元门口照明灯。').confirm(true).rate(5, '谢谢网格员。'),
  );
  script('elder-help-1', HELP_CATEGORY, 3, 'help', dayAt(27, 7, 10), '一键求助：独居老人需要帮助', (s) =>
    s
      .acceptIt(4)
      .note('网格员已到老人家中，老人头晕，已联系子女。', 10)
      .resolve('陪同老人到社区卫生服务站就诊，子女已赶到。', 0.5)
      .confirm(true, null, 3)
      .rate(5, '网格员来得很快，谢谢！'),
  );
  script('elder-help-2', HELP_CATEGORY, 3, 'help', dayAt(9, 16, 45), '家里水龙头坏了关不上，我一个人弄不了。', (s) =>
    s.acceptIt(6).resolve('网格员联系志愿者上门更换了水龙头。', 0.6).confirm(true, null, 2).rate(5, '很及时。'),
  );

  // Hotline 12345 (entered by community staff; the callback 回访 records the caller's rating).
  const hotline: [string, string, number, number, string, string, number, string][] = [
    [
      'hot-rubbish',
      'E0101',
      1,
      36,
      '群众来电：北苑巷路口垃圾桶旁堆放大量生活垃圾无人清运。',
      '已协调环卫清运，周边已冲洗。',
      4,
      '处理及时。',
    ],
    [
      'hot-parking',
      'E0403',
      4,
      31,
      '群众来电：东湖东路人行道上长期乱停车，行人只能走机动车道。',
      '已联系交警劝离车辆并设置隔离桩。',
      3,
      '解决了一部分，还有车停。',
    ],
    [
      'hot-vending',
      'E0401',
      7,
      28,
      '群众来电：东湖步行街口早市占道经营，早高峰堵路。',
      '已引导摊贩进入规定区域经营。',
      4,
      '早上通畅多了。',
    ],
    [
      'hot-ads',
      'E0201',
      5,
      24,
      '群众来电：小区楼道和电线杆上贴满小广告。',
      '已组织清理小广告并张贴提示。',
      5,
      '干净了。',
    ],
    [
      'hot-heating',
      'X06',
      8,
      19,
      '群众来电：楼里暖气不热，屋里只有十几度，家里有老人。',
      '已协调供热公司排气调压，室温恢复到20度以上。',
      2,
      '等了一整天，太慢了。',
    ],
    [
      'hot-water',
      'E0502',
      6,
      16,
      '群众来电：小区主干道旁水管爆裂，水漫到路面。',
      '已关阀抢修，管道已更换，路面恢复。',
      5,
      '抢修很快。',
    ],
    [
      'hot-construction',
      'E0301',
      2,
      12,
      '群众来电：晚上九点以后还有工地施工，噪声很大。',
      '已联系施工单位，夜间停止高噪声作业。',
      1,
      '第二天晚上还在施工，不满意。',
    ],
  ];
  for (const [key, cat, grid, days, desc, fix, score, comment] of hotline) {
    script(key, cat, grid, 'hotline', dayAt(days, r(8, 20)), desc, (s) =>
      s.acceptIt().resolve(fix).confirm(true, '12345回访：来电人确认已解决。').rate(score, `12345回访：${comment}`),
    );
  }

  // Patrol-found cases: verified by community staff and closed (no rating: nobody to ask).
  const patrol: [string, string, number, number, string, string][] = [
    ['pat-manhole', 'C0101', 1, 44, '巡查发现：北苑巷井盖破损下沉，有安全隐患。', '已设置警示并更换井盖。'],
    ['pat-lamp', 'C0102', 2, 40, '巡查发现：东湖小区内两盏路灯不亮。', '已报修，路灯已修复。'],
    ['pat-bin', 'C0302', 3, 35, '巡查发现：垃圾箱破损，垃圾外溢。', '已更换垃圾箱。'],
    ['pat-tree', 'C0401', 4, 30, '巡查发现：行道树枝干折断，悬在人行道上方。', '已联系园林部门修剪清理。'],
    ['pat-pile', 'E0104', 5, 26, '巡查发现：楼侧空地乱堆建筑材料。', '已督促业主清运。'],
    ['pat-dirty', 'E0103', 6, 21, '巡查发现：路面油污，行人易滑倒。', '已协调环卫清洗路面。'],
    ['pat-burn', 'E0105', 7, 17, '巡查发现：有人在绿地边焚烧落叶垃圾。', '已制止并清理现场，进行了宣传。'],
    ['pat-rail', 'C0202', 8, 13, '巡查发现：小区出入口护栏松动倾斜。', '已加固护栏。'],
    ['pat-green', 'C0402', 3, 11, '巡查发现：绿地被踩踏出一条小路，黄土裸露。', '已补种草皮并设置提示牌。'],
    ['pat-hawker', 'E0402', 2, 7, '巡查发现：无照游商在学校门口摆摊。', '已劝离并告知规定经营区域。'],
  ];
  for (const [key, cat, grid, days, desc, fix] of patrol) {
    script(key, cat, grid, 'patrol', dayAt(days, r(9, 17)), desc, (s) =>
      s.acceptIt(r(1, 5)).resolve(fix).verify(true, '核查属实，已处置到位，结案。'),
    );
  }

  // Open311 (a third-party app filing through the GeoReport API): verified and closed by staff.
  const open311: [string, string, number, number, string, string][] = [
    ['o311-rubbish', 'E0102', 4, 43, '小区围墙外积存垃圾渣土。', '已清运渣土。'],
    ['o311-sign', 'C0201', 6, 34, '路口交通标志牌被撞歪。', '已协调交管部门扶正加固。'],
    ['o311-toilet', 'C0301', 7, 25, '公厕冲水坏了，气味很大。', '已维修冲水设备并保洁。'],
    ['o311-facade', 'C0501', 1, 20, '老楼外墙瓷砖脱落，楼下有人经过。', '已拉警戒线并清除松动瓷砖。'],
  ];
  for (const [key, cat, grid, days, desc, fix] of open311) {
    script(key, cat, grid, 'open311', dayAt(days, r(7, 22)), desc, (s) =>
      s.acceptIt().resolve(fix).verify(true, '现场核查已处置，结案。'),
    );
  }

  // Rework (返工): the resident or the verifier says it is not fixed.
  script('rework-sewer', 'X01', 5, 'hotline', dayAt(29, 11), '群众来电：5号楼下水道堵塞，一楼卫生间返水。', (s) =>
    s
      .acceptIt()
      .resolve('已疏通。')
      .confirm(false, '12345回访：来电人反映第二天又堵了。', 20)
      .resolve('更换了堵塞的支管并清掏化粪池。')
      .confirm(true, '12345回访：已通畅。')
      .rate(3, '12345回访：来回修了两次。'),
  );
  script('rework-lamp', 'C0102', 8, 'patrol', dayAt(23, 15), '巡查发现：路灯夜间闪烁。', (s) =>
    s
      .acceptIt(3)
      .resolve('已检修路灯。')
      .verify(false, '夜间复查仍然闪烁，返工。')
      .resolve('更换了镇流器和灯具。')
      .verify(true, '复查正常，结案。'),
  );
  script('rework-light', 'X02', 'silu', 'silu', dayAt(18, 20, 30), '丝路嘉苑3号楼楼道灯换了又坏。', (s) =>
    s
      .acceptIt()
      .resolve('已更换灯泡。')
      .confirm(false, '还是不亮，应该是线路问题。', 30)
      .resolve('电工排查并更换了老化线路。')
      .confirm(true)
      .rate(4, '第二次修好了。'),
  );

  // Extensions (延期): approved, rejected, and one waiting for approval.
  script('ext-garage', 'E0104', 6, 'hotline', dayAt(26, 10), '群众来电：拆除后的车库旧址堆放建筑垃圾。', (s) =>
    s
      .acceptIt()
      .extend(3, '建筑垃圾量大，需协调渣土车，申请延期3个工作日。')
      .resolve('建筑垃圾已清运完毕。')
      .confirm(true, '12345回访：已清理。')
      .rate(4, '12345回访：满意。'),
  );
  script('ext-facade', 'C0501', 7, 'patrol', dayAt(15, 9), '巡查发现：临街楼房外立面空调支架锈蚀松动。', (s) =>
    s
      .acceptIt(4)
      .extend(2, '需联系产权单位和高空作业队伍，申请延期2个工作日。')
      .resolve('产权单位已更换支架。')
      .verify(true, '核查已整改，结案。'),
  );
  script('ext-rejected', 'E0202', 2, 'open311', dayAt(20, 14), '沿街商铺违规设置大型落地广告牌。', (s) =>
    s
      .acceptIt()
      .extend(5, '商户不配合，申请延期5个工作日。', false)
      .resolve('经执法队约谈，商户已自行拆除广告牌。')
      .verify(true, '核查已拆除，结案。'),
  );
  script('ext-pending', 'X07', 5, 'hotline', workBack(900), '群众来电：小区单元门禁损坏，陌生人随意进出。', (s) =>
    s.acceptIt().note('已联系门禁维保单位，等待配件。').requestExtension(3, '门禁主板需厂家寄送，申请延期3个工作日。'),
  );

  // Escalated by hand (coordination) and handled by the community / street; supervised (督办).
  script('esc-street', 'E0401', 8, 'hotline', dayAt(37, 9), '群众来电：菜市场外占道经营严重，消防通道被堵。', (s) =>
    s
      .acceptIt()
      .escalate('coordination', '涉及市场监管和城管执法，网格无法协调。')
      .acceptIt()
      .escalate('coordination', '需街道综合执法队联合整治。')
      .acceptIt()
      .supervise('街道督办：限期清理消防通道。', 'bj_street')
      .resolve('街道综合执法队联合整治，消防通道已打通，摊位入市经营。')
      .verify(true, '复查通道畅通，结案。'),
  );
  script('esc-timeout', 'X04', 4, 'silu', dayAt(11, 17, 40), '邻居家狗每天夜里叫，沟通无果。', (s) =>
    s.late().acceptIt().resolve('社区约谈养犬人，签订文明养犬承诺书。').confirm(true).rate(3, '处理得有点慢。'),
  );
  script('esc-late-resolve', 'E0102', 1, 'open311', dayAt(8, 10), '小区后巷积存垃圾多日无人清运。', (s) =>
    s.acceptIt().late().acceptIt().resolve('社区协调环卫所清运。').verify(true, '已清运，结案。'),
  );

  // Overdue now: long-standing cases that climbed to the district and are past their deadlines.
  script('od-illegal', 'E0302', 7, 'patrol', dayAt(42, 10), '巡查发现：楼顶私搭乱建彩钢房。', (s) =>
    s
      .acceptIt(2)
      .note('已下发整改告知书，业主拒不整改。')
      .escalate('coordination', '违法建设需执法部门依法处置。')
      .acceptIt()
      .escalate('coordination', '需街道综合执法。')
      .acceptIt()
      .escalate('coordination', '需区住建、自然资源部门联合认定处置。')
      .acceptIt()
      .supervise('街道督办：违法建设限期处置。', 'bj_street'),
  );
  script('od-vending', 'E0401', 6, 'hotline', dayAt(10, 8), '群众来电：夜市摊点占道，烧烤油烟扰民。', (s) =>
    s
      .acceptIt()
      .escalate('coordination', '夜间经营需执法力量。')
      .acceptIt()
      .escalate('coordination', '涉及多部门，上报街道。')
      .acceptIt()
      .escalate('coordination', '需区级部门统筹。')
      .supervise('街道督办：请区级部门尽快处置。', 'bj_street'),
  );
  script('od-ads', 'E0202', 8, 'open311', workBack(8 * 60), '道路边新立了一块违规户外广告牌。', (s) =>
    s.late().late().late(),
  );

  // Cancelled and merged.
  script('cancel-dup', 'X03', 1, 'hotline', dayAt(32, 21), '群众来电：广场舞音响声音太大。', (s) =>
    s.cancel('来电人撤回：已与广场舞队协商解决。'),
  );
  script('cancel-scope', 'E0301', 5, 'open311', dayAt(6, 15), '反映小区外的地铁工地夜间施工。', (s) =>
    s.cancel('不属于本社区辖区，已转相关街道。'),
  );
  script('merge-target', 'E0101', 3, 'hotline', dayAt(16, 9, 5), '群众来电：3号楼后面垃圾堆积，有异味。', (s) =>
    s.acceptIt().resolve('已清运并消杀。').confirm(true, '12345回访：已清理。').rate(5, '12345回访：很满意。'),
  );
  script('merge-dup', 'E0101', 3, 'open311', dayAt(16, 9, 40), '3号楼后垃圾很多，臭。', (s) =>
    s.merge('merge-target', '同一地点同一问题，合并到先报的案件。'),
  );
  script('merge-dup-2', 'X03', 'silu', 'silu', dayAt(22, 9, 50), '装修噪音太大了！', (s) =>
    s.merge('silu-noise', '与同一商铺装修噪音案件合并。'),
  );

  // Closed, not yet rated (resident confirmed).
  script('closed-unrated', 'X02', 'silu', 'silu', dayAt(5, 19), '丝路嘉苑1号楼楼道灯晚上不亮。', (s) =>
    s.acceptIt().resolve('已更换声控开关。').confirm(true),
  );
  script('closed-elder', 'X07', 3, 'elder', dayAt(4, 10), '单元门口台阶有一块松了，怕老人绊倒。', (s) =>
    s.acceptIt().resolve('已修补台阶。').confirm(true),
  );

  // Open now: fresh, handling, resolved (waiting for the resident), sent back to the community inbox.
  script('open-fresh-1', 'E0101', 5, 'hotline', workBack(25), '群众来电：5号网格小区门口垃圾桶满溢。', () => undefined);
  script('open-fresh-2', 'C0102', 7, 'open311', workBack(40), '路灯白天一直亮着。', () => undefined);
  script('open-fresh-3', 'E0403', 4, 'patrol', workBack(15), '巡查发现：消防通道被私家车占用。', () => undefined);
  script('open-handling-1', 'X04', 6, 'hotline', workBack(700), '群众来电：楼上漏水到楼下，两家协商不成。', (s) =>
    s.acceptIt().note('已约双方和物业现场查看漏水点。'),
  );
  script('open-handling-2', 'C0401', 8, 'patrol', workBack(500), '巡查发现：行道树根系拱起人行道砖。', (s) =>
    s.acceptIt(3).supervise('社区督办：雨季前完成。', 'dh_staff'),
  );
  script('open-handling-3', 'E0302', 1, 'hotline', dayAt(19, 10), '群众来电：底商私自扩建门脸，占用公共通道。', (s) =>
    s.acceptIt().note('已下发限期整改通知。').escalate('coordination', '商户拒不整改，需社区协调执法。').acceptIt(),
  );
  script('open-resolved-1', 'X02', 3, 'elder', workBack(800), '楼道灯一直不亮。', (s) =>
    s.acceptIt().resolve('已更换楼道灯。', 0.5),
  );
  script('open-resolved-2', 'E0104', 4, 'open311', workBack(1000), '单元门口堆了旧家具。', (s) =>
    s.acceptIt().resolve('已通知住户清走旧家具。', 0.4),
  );
  script('open-registered', 'E0403', 2, 'hotline', workBack(45), '群众来电：路口乱停车，堵住了公交站。', (s) =>
    s.sendBack('位置在网格交界处路口，属交警路段，退回社区重新派遣。'),
  );
  script('open-redispatched', 'C0601', 2, 'open311', workBack(1200), '小区健身器材的扶手断了。', (s) =>
    s.sendBack('该健身点不在本网格。').dispatch(gridCode(6), '改派6号网格。').acceptIt().note('已报修，等待厂家配件。'),
  );

  // ---------- replay ----------
  type Item = { at: Date; plan: Plan; i: number; order: number };
  const items: Item[] = [];
  plans.forEach((p, n) => {
    items.push({ at: p.reportAt, plan: p, i: -1, order: n * 100 });
    p.steps.forEach((s, i) => {
      items.push({ at: s.at, plan: p, i, order: n * 100 + i + 1 });
    });
  });
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  const ids = new Map<string, string>();
  const reporterOf = new Map<string, Actor | null>();
  const who = (actor: Actor | null): Who => ({ actor, lang: 'zh-CN', ip: 'demo-seed' });
  const holderOf = async (id: string, above: boolean): Promise<Actor> => {
    const row = await handlerCodeOf(db, id);
    const code = above ? row.slice(0, row.length === 14 ? 12 : row.length === 12 ? 9 : 6) : row;
    const role = (
      { 14: 'grid_worker', 12: 'community_staff', 9: 'street_staff', 6: 'district_admin' } as Record<number, string>
    )[code.length];
    const a = [...acts.values()]
      .filter((x) => x.role === role && x.scopeCode === code)
      .sort((x, y) => x.username.localeCompare(y.username))[0];
    if (!a) throw new Error(`demo cases: nobody holds ${code}`);
    return a;
  };
  let auto = 0;
  let floor = new Date(0);
  /** Runs the scheduler at each due time up to `t` (what the app's timer would have done then). */
  const catchUp = async (t: Date) => {
    for (;;) {
      const due = await earliestDueJob(db, t);
      if (!due) return;
      // Never before the last replayed step (a deadline already past when a step re-armed it fires right after it).
      clockT = new Date(Math.max(new Date(due).getTime(), floor.getTime()));
      auto += await scheduler.tick();
    }
  };

  for (const it of items) {
    await catchUp(it.at);
    clockT = it.at;
    floor = it.at;
    const p = it.plan;
    if (it.i < 0) {
      const building = p.grid === 'silu' ? pick(silu) : pick(byGrid.get(gridCode(p.grid))!);
      const jitter = () => (rnd() - 0.5) * 0.00008;
      const location = { lon: building.lon! + jitter(), lat: building.lat! + jitter() };
      const compound = building.compound && !building.name.startsWith(building.compound) ? building.compound : '';
      const address = `${compound}${building.name}`;
      const input = { categoryCode: p.cat, description: p.description, location, address, hideName: true };
      const gridPeople = people.filter((x) => x.grid_code === (p.grid === 'silu' ? siluGrid : gridCode(p.grid)));
      const caller = pick(gridPeople.length ? gridPeople : people);
      let id: string;
      let reporter: Actor | null;
      switch (p.source) {
        case 'silu':
        case 'elder': {
          reporter = need(p.source === 'silu' ? 'resident_silu' : 'resident_elder');
          const elderHome = p.source === 'elder';
          id = (
            await service.report(
              m,
              { who: who(reporter) },
              elderHome ? { ...input, ...(await homeOf(db, reporter)) } : input,
              [],
              null,
            )
          ).row.id;
          break;
        }
        case 'help':
          reporter = need('resident_elder');
          id = (await service.help(m, who(reporter), p.description)).row.id;
          break;
        case 'patrol':
          reporter = need(`grid0${p.grid === 'silu' ? Number(siluGrid.slice(-2)) : p.grid}`);
          id = (
            await service.report(m, { who: who(reporter) }, { ...input, hideName: false, source: 'patrol' }, [], null)
          ).row.id;
          break;
        case 'hotline':
          reporter = need('dh_staff');
          id = (
            await service.report(
              m,
              { who: who(reporter), contact: { name: caller.name, phone: caller.phone } },
              { ...input, source: 'hotline', address: `${address}（12345热线）` },
              [],
              null,
            )
          ).row.id;
          break;
        case 'open311': {
          reporter = null;
          id = (
            await service.report(
              m,
              {
                who: who(null),
                apiKey: { name: DEMO_OPEN311_KEY, communityCode: community },
                contact: { name: rnd() < 0.5 ? caller.name : null, phone: caller.phone },
              },
              input,
              [],
              null,
            )
          ).row.id;
          // As POST /open311/v2/requests does: a token to follow the request.
          await setOpen311Token(db, id, uuidv7(it.at.getTime()));
          break;
        }
      }
      ids.set(p.key, id);
      reporterOf.set(p.key, reporter);
      continue;
    }
    const s = p.steps[it.i]!;
    const id = ids.get(p.key)!;
    const actor =
      s.by === 'holder'
        ? await holderOf(id, false)
        : s.by === 'above'
          ? await holderOf(id, true)
          : s.by === 'reporter'
            ? (reporterOf.get(p.key) ?? null)
            : need(s.by);
    if (!actor) throw new Error(`demo case ${p.key}: no actor for ${s.action?.type}`);
    if (s.kind === 'note') await service.addNote(m, who(actor), id, s.note!, []);
    else {
      const action: Action = s.action!.type === 'merge' ? { type: 'merge', intoId: ids.get(s.intoKey!)! } : s.action!;
      await service.act(m, who(actor), id, action, { note: s.note, ...(s.comment ? { comment: s.comment } : {}) });
    }
  }
  await catchUp(now);
  clockT = now;

  const rows = await statusesOf(db, [...ids.values()]);
  const status = new Map(rows.map((x) => [x.id, x.status]));
  return {
    cases: ids.size,
    statuses: Object.fromEntries([...ids].map(([k, id]) => [k, status.get(id)!])),
    autoEscalations: auto,
  };
}

/** The location of a resident account's home building (reports "at home"). */
async function homeOf(
  db: Kysely<Database>,
  a: Actor,
): Promise<{ location: { lon: number; lat: number }; address: string }> {
  const r = a.residentId ? await residentHome(db, a.residentId) : undefined;
  if (!r || r.lon === null || r.lat === null || r.building === null)
    throw new Error('demo cases: the elderly demo resident has no home building');
  return { location: { lon: r.lon + 0.00003, lat: r.lat - 0.00002 }, address: `${r.building} ${r.unit}单元` };
}
