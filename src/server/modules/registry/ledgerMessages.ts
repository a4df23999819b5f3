/** Localised texts of ledger row errors. */
import type { RowError, RowErrorCode } from './domain/ledger.ts';

const texts: Record<RowErrorCode, { zh: string; en: string }> = {
  required: { zh: '必填项为空', en: 'required value is empty' },
  bad_value: { zh: '取值无效', en: 'invalid value' },
  bad_id_number: { zh: '身份证号无效', en: 'invalid ID number' },
  id_mismatch: { zh: '与身份证号中的信息不一致', en: 'does not match the ID number' },
  duplicate_id: { zh: '身份证号在文件中重复', en: 'ID number repeated in the file' },
  unknown_building: { zh: '本社区没有这个楼栋', en: 'no such building in this community' },
  grid_mismatch: { zh: '网格编码与楼栋所在网格不符', en: 'grid code differs from the building’s grid' },
  household_conflict: {
    zh: '同一户的面积或产权人前后不一致',
    en: 'area or owner differs between rows of one household',
  },
  id_registered: { zh: '身份证号已登记', en: 'This ID number is already registered' },
  out_of_scope: { zh: '超出您的管辖范围', en: 'outside your area' },
  bad_header: { zh: '缺少列', en: 'missing column' },
};

/** "第 3 行 · 公民身份号码：身份证号无效（check_char）" in the request's language. */
export function rowErrorMessage(e: RowError, lang: 'zh-CN' | 'en'): string {
  const t = lang === 'en' ? texts[e.code].en : texts[e.code].zh;
  const where = lang === 'en' ? `Row ${e.row}` : `第 ${e.row} 行`;
  const col = e.column ? (lang === 'en' ? ` · ${e.column}: ` : ` · ${e.column}：`) : lang === 'en' ? ': ' : '：';
  return `${where}${col}${t}${e.detail ? (lang === 'en' ? ` (${e.detail})` : `（${e.detail}）`) : ''}`;
}
