/**
 * Extra questions some services ask (GeoReport v2 service definitions, `metadata=true`) and the check of the
 * `attribute[code]` values a client sends with a request. Pure: the catalogue is data, the check returns values
 * or throws a 400 naming the attribute.
 */
import { AppError } from '../../../platform/errors.ts';

/** One attribute of a service definition, in the spec's field names. */
export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

type Lang = 'zh-CN' | 'en';
const tr = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** The attributes of each service code that asks for any (others have none). */
const CATALOGUE: Record<string, (lang: Lang) => ServiceAttribute[]> = {
  // 楼道照明: which floor's light is out, so the electrician brings the right ladder to the right landing.
  X02: (lang) => [
    {
      variable: true,
      code: 'floor',
      datatype: 'number',
      required: true,
      datatype_description: tr(
        lang,
        '整数 -3 到 40（地下层为负数）',
        'A whole number from -3 to 40 (basements negative)',
      ),
      order: 1,
      description: tr(lang, '哪一层的灯不亮？', 'On which floor is the light out?'),
    },
  ],
  // 下水管道堵塞: overflowing sewage is a health hazard and changes who is sent first.
  X01: (lang) => [
    {
      variable: true,
      code: 'overflow',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: tr(lang, '从列表中选一项', 'Pick one of the values'),
      order: 1,
      description: tr(lang, '污水是否已经外溢？', 'Is sewage overflowing?'),
      values: [
        { key: 'yes', name: tr(lang, '是，已外溢', 'Yes, overflowing') },
        { key: 'no', name: tr(lang, '否，只是排水慢', 'No, only draining slowly') },
      ],
    },
  ],
};

/** The attributes of a service (empty when it asks for none). */
export function attributesOf(code: string, lang: Lang): ServiceAttribute[] {
  return CATALOGUE[code]?.(lang) ?? [];
}

/** Values given for a request: attribute code → one value, or several for a multivaluelist. */
export type AttributeValues = Record<string, string | string[]>;

const bad = (code: string) => new AppError('OPEN311_ATTRIBUTE_INVALID', { params: { code: code.slice(0, 40) } });

/**
 * Checks the values sent as `attribute[code]` against the service's definition: every required attribute
 * present (else OPEN311_ATTRIBUTE_REQUIRED naming them all), numbers numeric and in range, list values among
 * the listed keys. Unknown attribute codes are ignored, as the spec leaves them to the server.
 */
export function checkAttributes(serviceCode: string, given: AttributeValues): AttributeValues {
  const defs = attributesOf(serviceCode, 'en');
  const present = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : Boolean(v?.trim()));
  const missing = defs.filter((d) => d.required && !present(given[d.code])).map((d) => d.code);
  if (missing.length) throw new AppError('OPEN311_ATTRIBUTE_REQUIRED', { params: { codes: missing.join(', ') } });
  const out: AttributeValues = {};
  for (const d of defs) {
    const v = given[d.code];
    if (!present(v)) continue;
    const list = (Array.isArray(v) ? v : [v!]).map((x) => x.trim());
    if (d.datatype !== 'multivaluelist' && list.length > 1) throw bad(d.code);
    if (d.datatype === 'number') {
      const n = Number(list[0]);
      if (!/^-?\d+$/.test(list[0]!) || n < -3 || n > 40) throw bad(d.code);
    }
    if (d.values && list.some((x) => !d.values!.some((k) => k.key === x))) throw bad(d.code);
    if (list.some((x) => x.length > 200)) throw bad(d.code);
    out[d.code] = d.datatype === 'multivaluelist' ? list : list[0]!;
  }
  return out;
}
