/** Report text in both languages (the PDF follows the request's language). */
export const REPORT_LABELS = {
  'zh-CN': {
    title: '{name} 15分钟生活圈 · 一老一小步行可达报告',
    generated: '生成时间：{at}　路网：{network}　测算：{homes} 栋楼（其中 {estimated} 栋按建筑面积估算）',
    totals: '常住 {households} 户 · {people} 人 · 60岁以上老人 {elderly} 人 · 14岁以下儿童 {children} 人',
    elderlyTitle: '一老：老年人步行可达（老年人步速 0.9 m/s，台阶加权）',
    childrenTitle: '一小：儿童家庭步行可达（标准步速 1.2 m/s）',
    category: '设施类别', count: '现有', gb: 'GB 距离', within: 'GB 内覆盖', m5: '5 分钟', m10: '10 分钟', m15: '15 分钟',
    gapsTitle: '对照 GB 50180-2018 的缺口', gapAbsent: '{cat}（{level}）：社区内没有', gapPartial: '{cat}（{level}）：仅 {share} 的家庭在 {metres} 米内',
    noGaps: '各项必配设施均达到目标覆盖率。',
    sitesTitle: '建议选址：新增{cat}可覆盖最多尚未覆盖的老人',
    site: '第 {rank} 处：{name}（{kind}）——新增覆盖老人 {elderly} 人、{households} 户',
    greedyGap: '贪心算法与精确最优解（HiGHS）的差距：{gap}%',
    mapTitle: '地图：{cat}步行距离（老年人步速）', legendIn: '≤ GB 距离', legendOut: '超出', legendNone: '不可达', facility: '现有设施', suggested: '建议选址',
    kinds: { freed: '腾退空间', vacant: '空置建筑', any: '建筑' },
    levels: { block: '居住街坊', '5min': '5分钟', '10min': '10分钟', '15min': '15分钟' },
    note: '说明：距离为沿步行路网的实际距离；覆盖率按户数与人数统计，不按楼栋统计。',
    demo: '演示数据：东湖社区部分编码与人员信息为虚构。',
    page: '第 {n} 页',
  },
  en: {
    title: '{name} — 15-minute life circle: walking access for the elderly and children',
    generated: 'Generated {at} · network: {network} · {homes} buildings ({estimated} estimated from floor area)',
    totals: '{households} households · {people} people · {elderly} aged 60+ · {children} under 14',
    elderlyTitle: 'Elderly: walking access at elderly pace (0.9 m/s, steps penalised)',
    childrenTitle: 'Children: walking access at standard pace (1.2 m/s)',
    category: 'Category', count: 'Now', gb: 'GB distance', within: 'Within GB', m5: '5 min', m10: '10 min', m15: '15 min',
    gapsTitle: 'Gaps against GB 50180-2018', gapAbsent: '{cat} ({level}): none in the community', gapPartial: '{cat} ({level}): only {share} of households within {metres} m',
    noGaps: 'Every required facility reaches its target coverage.',
    sitesTitle: 'Suggested sites: a new {cat} covering the most uncovered elderly',
    site: 'Site {rank}: {name} ({kind}) — covers {elderly} more elderly, {households} households',
    greedyGap: 'Greedy vs exact optimum (HiGHS): gap {gap}%',
    mapTitle: 'Map: walking distance to {cat} (elderly pace)', legendIn: '≤ GB distance', legendOut: 'beyond', legendNone: 'unreachable', facility: 'existing', suggested: 'suggested',
    kinds: { freed: 'freed space', vacant: 'vacant building', any: 'building' },
    levels: { block: 'block', '5min': '5-min', '10min': '10-min', '15min': '15-min' },
    note: 'Distances are along the walking network; coverage counts households and people, not buildings.',
    demo: 'Demo data: some codes and people of Donghu Community are invented.',
    page: 'Page {n}',
  },
} as const;

/** Fill `{name}` placeholders. */
export function fill(t: string, p: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? `{${k}}`));
}
