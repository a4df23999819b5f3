/** The text of the cobuild demo story (invented units and events of the demo community, labelled as demo data). */
import type { NeedSource, ResourceKind, UnitKind } from './schema.ts';

/** A demo partner unit: offset (degrees) from the community's middle, what it offers and commits. */
export interface DemoUnit {
  name: string;
  kind: UnitKind;
  contact: string;
  phone: string;
  address: string;
  dx: number;
  dy: number;
  description: string;
  commitment: string;
  targetHours: number;
  resources: { kind: ResourceKind; category: string; title: string; hours?: number; amountFen?: number }[];
}

export const UNITS: DemoUnit[] = [
  {
    name: '甘州区东湖小学',
    kind: 'school',
    contact: '李老师',
    phone: '0936-8210001',
    address: '东湖路 12 号',
    dx: 0.0021,
    dy: -0.0012,
    description: '少先队员每周三下午到社区开展志愿服务',
    commitment: '全年组织学生志愿服务 300 小时，开放操场周末供居民锻炼',
    targetHours: 300,
    resources: [
      { kind: 'hours', category: 'elderly', title: '学生陪伴老人读报、聊天', hours: 200 },
      { kind: 'venue', category: 'culture', title: '周末开放操场与礼堂' },
    ],
  },
  {
    name: '东湖社区卫生服务中心',
    kind: 'hospital',
    contact: '赵医生',
    phone: '0936-8210002',
    address: '北街 88 号',
    dx: -0.0015,
    dy: 0.0018,
    description: '家庭医生签约、上门随访',
    commitment: '每月一次义诊，独居老人每季度上门随访',
    targetHours: 240,
    resources: [
      { kind: 'skill', category: 'health', title: '义诊、测血压血糖', hours: 120 },
      { kind: 'skill', category: 'elderly', title: '失能老人上门护理指导', hours: 60 },
    ],
  },
  {
    name: '张掖丝路物流有限公司',
    kind: 'firm',
    contact: '王经理',
    phone: '0936-8210003',
    address: '工业园区 3 号',
    dx: 0.006,
    dy: 0.004,
    description: '驻区企业，党支部 23 名党员',
    commitment: '出资 2 万元改善楼院设施，派车支援社区活动',
    targetHours: 80,
    resources: [
      { kind: 'funds', category: 'repair', title: '楼院微改造资金', amountFen: 2_000_000 },
      { kind: 'goods', category: 'other', title: '活动用车与搬运', hours: 40 },
    ],
  },
  {
    name: '甘州区阳光社会工作服务中心',
    kind: 'social_org',
    contact: '陈社工',
    phone: '0936-8210004',
    address: '南街 5 号',
    dx: -0.003,
    dy: -0.002,
    description: '专业社工机构，承接一老一小服务项目',
    commitment: '开设四点半课堂，组织独居老人互助小组',
    targetHours: 400,
    resources: [
      { kind: 'skill', category: 'children', title: '四点半课堂（作业辅导）', hours: 200 },
      { kind: 'skill', category: 'elderly', title: '老人心理疏导与互助小组', hours: 100 },
    ],
  },
  {
    name: '北街派出所',
    kind: 'government',
    contact: '刘警官',
    phone: '0936-8210005',
    address: '北街 20 号',
    dx: 0.001,
    dy: 0.003,
    description: '社区民警驻点',
    commitment: '每季度一次防诈骗宣讲',
    targetHours: 40,
    resources: [{ kind: 'skill', category: 'education', title: '防诈骗、消防安全宣讲', hours: 20 }],
  },
  {
    name: '东湖幼儿园',
    kind: 'school',
    contact: '孙园长',
    phone: '0936-8210006',
    address: '东湖路 30 号',
    dx: 0.0025,
    dy: 0.0022,
    description: '普惠性幼儿园',
    commitment: '开展亲子活动，开放绘本馆',
    targetHours: 60,
    resources: [{ kind: 'venue', category: 'children', title: '绘本馆周末开放' }],
  },
  {
    name: '甘州农商银行东湖支行',
    kind: 'firm',
    contact: '周行长',
    phone: '0936-8210007',
    address: '北街 66 号',
    dx: -0.0022,
    dy: 0.0005,
    description: '金融服务进社区',
    commitment: '为老人提供上门金融服务，资助重阳节活动',
    targetHours: 50,
    resources: [
      { kind: 'funds', category: 'elderly', title: '重阳节活动资助', amountFen: 500_000 },
      { kind: 'skill', category: 'elderly', title: '上门办理社保卡、养老金业务', hours: 30 },
    ],
  },
  {
    name: '张掖市图书馆东湖分馆',
    kind: 'other',
    contact: '吴馆员',
    phone: '0936-8210008',
    address: '东湖社区党群服务中心二楼',
    dx: 0.0004,
    dy: -0.0006,
    description: '社区图书分馆',
    commitment: '每月送书上门，组织读书会',
    targetHours: 120,
    resources: [
      { kind: 'goods', category: 'culture', title: '大字版图书、报刊', hours: 0 },
      { kind: 'venue', category: 'culture', title: '阅览室' },
    ],
  },
];

/** A demo need, dated relative to the seed; `unit` indexes UNITS for the claimant. */
export interface DemoNeed {
  title: string;
  category: string;
  source: NeedSource;
  description: string;
  daysAgo: number;
  state: 'open' | 'claimed' | 'done';
  unit?: number;
  days: number;
  progressNote: string;
  summary: string;
  signer: string;
}

const need = (n: Partial<DemoNeed> & Pick<DemoNeed, 'title' | 'category' | 'daysAgo' | 'state'>): DemoNeed => ({
  source: 'resident',
  description: '',
  days: 30,
  progressNote: '已对接，首次服务完成',
  summary: '服务已完成，服务对象签字确认',
  signer: '服务对象',
  ...n,
});

export const NEEDS: DemoNeed[] = [
  need({
    title: '陪伴独居老人读报（春季）',
    category: 'elderly',
    daysAgo: 330,
    state: 'done',
    unit: 0,
    signer: '张奶奶',
    summary: '学生每周两次读报，共 24 次',
  }),
  need({
    title: '丝路嘉苑楼道扶手维修',
    category: 'repair',
    source: 'case',
    daysAgo: 300,
    state: 'done',
    unit: 2,
    signer: '李大爷',
    summary: '6 个单元扶手全部更换',
  }),
  need({
    title: '四点半课堂作业辅导',
    category: 'children',
    daysAgo: 280,
    state: 'done',
    unit: 3,
    signer: '王女士',
    summary: '每周一至周四开放，服务 26 名儿童',
  }),
  need({
    title: '独居老人上门测血压',
    category: 'health',
    daysAgo: 250,
    state: 'done',
    unit: 1,
    signer: '刘奶奶',
    summary: '为 42 位独居老人建立随访记录',
  }),
  need({
    title: '防电信诈骗宣讲',
    category: 'education',
    source: 'staff',
    daysAgo: 220,
    state: 'done',
    unit: 4,
    signer: '社区居民代表',
    summary: '宣讲 3 场，覆盖 260 人',
  }),
  need({
    title: '重阳节敬老午餐',
    category: 'elderly',
    source: 'staff',
    daysAgo: 160,
    state: 'done',
    unit: 6,
    signer: '赵大爷',
    summary: '为 80 位老人提供午餐',
  }),
  need({
    title: '送书上门（行动不便老人）',
    category: 'culture',
    daysAgo: 120,
    state: 'done',
    unit: 7,
    signer: '孙奶奶',
    summary: '每月送书 1 次',
  }),
  need({ title: '亲子绘本共读', category: 'children', daysAgo: 90, state: 'claimed', unit: 5 }),
  need({ title: '老旧小区路灯更换', category: 'repair', source: 'case', daysAgo: 60, state: 'claimed', unit: 2 }),
  need({ title: '失能老人护理培训', category: 'elderly', daysAgo: 40, state: 'claimed', unit: 1 }),
  need({ title: '为行动不便老人代办社保卡', category: 'elderly', daysAgo: 25, state: 'open' }),
  need({ title: '楼院垃圾分类宣传', category: 'environment', source: 'staff', daysAgo: 12, state: 'open' }),
  need({
    title: '陪伴独居老人读报',
    category: 'elderly',
    description: '丝路嘉苑 3 位独居老人视力不好，希望每周有人上门读报、聊天，每次约一小时',
    daysAgo: 5,
    state: 'open',
  }),
];

/** A demo activity kind (offset from the middle, hours, capacity). */
export interface DemoActivity {
  title: string;
  description: string;
  place: string;
  dx: number;
  dy: number;
  hours: number;
  capacity: number;
  skills: string[];
}

export const ACTIVITIES: DemoActivity[] = [
  {
    title: '日间照料中心陪老人读报',
    description: '为老人读报、聊天',
    place: '东湖社区日间照料中心',
    dx: 0.0003,
    dy: -0.0004,
    hours: 2,
    capacity: 8,
    skills: ['读报'],
  },
  {
    title: '楼院环境清洁',
    description: '清理楼道杂物、公共区域卫生',
    place: '丝路嘉苑',
    dx: 0,
    dy: 0,
    hours: 2,
    capacity: 15,
    skills: [],
  },
  {
    title: '义务理发',
    description: '为 70 岁以上老人义务理发',
    place: '东湖社区党群服务中心',
    dx: 0.0004,
    dy: -0.0006,
    hours: 3,
    capacity: 6,
    skills: ['理发'],
  },
  {
    title: '四点半课堂助教',
    description: '协助社工辅导作业',
    place: '东湖社区党群服务中心',
    dx: 0.0004,
    dy: -0.0006,
    hours: 2,
    capacity: 6,
    skills: ['辅导'],
  },
];
