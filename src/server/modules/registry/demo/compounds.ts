/**
 * Compound facts for the demo. 东湖小区 (1,523 households, merged from 6 former 三无楼院) and 丝路嘉苑
 * (still without a property manager; sewer replaced with 甘州铺子's first profit) are from the 2024-10-03
 * report; the other compounds, all names of property managers and the former 楼院 names are invented.
 */

/** Static facts of one compound; geometry and grids are derived from the plan. */
export interface CompoundFacts {
  key: string;
  name: string;
  noPropertyManager: boolean;
  noResponsibleBody: boolean;
  noOwnersCommittee: boolean;
  propertyManager: string | null;
  formerSanwu: boolean;
  note?: string;
  /** Name of the developer still holding unsold units (owner key 'developer'), if any. */
  developer?: string;
}

const managed = (key: string, name: string, pm: string, noOwnersCommittee = false, note?: string): CompoundFacts => ({
  key,
  name,
  noPropertyManager: false,
  noResponsibleBody: false,
  noOwnersCommittee,
  propertyManager: pm,
  formerSanwu: false,
  ...(note === undefined ? {} : { note }),
});

const unmanaged = (key: string, name: string, noResponsibleBody: boolean, note: string): CompoundFacts => ({
  key,
  name,
  noPropertyManager: true,
  noResponsibleBody,
  noOwnersCommittee: true,
  propertyManager: null,
  formerSanwu: false,
  note,
});

/** All compounds, keyed as in plan.ts. */
export const COMPOUNDS: readonly CompoundFacts[] = [
  managed('beiyuan', '北苑小区', '北苑物业（演示）', true),
  managed('jinhu', '金湖苑', '金湖物业（演示）'),
  unmanaged('linyuan', '林苑巷楼院', false, '平房楼院，原产权单位负责日常维修，无物业、无业委会（演示）'),
  {
    key: 'donghu',
    name: '东湖小区',
    noPropertyManager: false,
    noResponsibleBody: false,
    noOwnersCommittee: false,
    propertyManager: '东湖物业（演示）',
    formerSanwu: true,
    note:
      '由6个原三无楼院拆墙并院而成（共1523户）：拆除旧楼1栋、平房20余间、车库及锅炉房19处，引入物业服务。' +
      '原楼院名称（演示虚构）：粮站家属院、二轻家属院、百货家属院、建筑公司家属院、邮电家属院、农资家属院。' +
      '小区面积较大，跨第2、3、6、7网格。',
  },
  unmanaged(
    'silu',
    '丝路嘉苑',
    true,
    '三无楼院：无物业、无主管单位、无业委会。2024年甘州铺子的“第一桶金”用于更换小区堵塞的排污管道。',
  ),
  unmanaged('gongxiao', '供销社家属院', true, '三无楼院，4层老楼，待改造（演示）'),
  managed('dianli', '电力小区', '电力物业（演示）'),
  unmanaged('nongji', '农机公司家属院', false, '楼房与平房混合的老楼院，原单位负责，无物业（演示）'),
  unmanaged('xiguan', '西关楼院', true, '三无平房楼院，待改造（演示）'),
  managed('ganquan', '甘泉苑', '甘泉物业（演示）', true),
  managed('gulou', '鼓楼北苑', '鼓楼北苑物业（演示）'),
  managed('yuanding', '园丁小区', '园丁物业（演示）'),
  unmanaged('tielu', '铁路家属院', false, '平房楼院，原铁路单位负责（演示）'),
  managed('shuiwu', '水务小区', '水务物业（演示）'),
  {
    ...managed('runze', '润泽苑', '润泽物业（演示）', true, '新建高层小区，开发商仍持有少量未售房屋（演示）'),
    developer: '润泽房地产开发有限公司（演示）',
  },
];
