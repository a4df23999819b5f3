/**
 * Invented Chinese names and phone numbers for demo residents. Surnames are weighted towards the most
 * common ones in Gansu; given names follow the fashions of the person's birth decade.
 */
import type { Rng } from './rng.ts';

const SURNAMES_COMMON = ['王', '张', '李', '刘', '陈', '杨', '赵', '马'] as const;
const SURNAMES_OTHER = [
  '魏',
  '何',
  '郭',
  '孙',
  '高',
  '朱',
  '徐',
  '胡',
  '周',
  '吴',
  '罗',
  '梁',
  '宋',
  '韩',
  '冯',
  '董',
  '谢',
  '曹',
  '唐',
  '许',
  '邓',
  '彭',
  '祁',
  '鲁',
  '牛',
  '侯',
  '任',
  '贾',
  '雷',
  '段',
  '姚',
  '蔡',
  '汪',
  '田',
  '苏',
  '万',
  '兰',
  '柴',
] as const;

const GIVEN = {
  old: {
    male: [
      '建国',
      '国华',
      '德明',
      '志刚',
      '建华',
      '文华',
      '振华',
      '国强',
      '玉成',
      '福顺',
      '长青',
      '永福',
      '德胜',
      '树林',
      '兴旺',
      '明',
      '海',
      '林',
    ],
    female: [
      '秀英',
      '桂英',
      '玉兰',
      '桂兰',
      '秀兰',
      '凤英',
      '淑珍',
      '玉珍',
      '兰英',
      '翠花',
      '秀珍',
      '玉梅',
      '桂芳',
      '凤兰',
      '金花',
      '英',
    ],
  },
  middle: {
    male: [
      '伟',
      '强',
      '军',
      '勇',
      '杰',
      '涛',
      '斌',
      '磊',
      '刚',
      '峰',
      '海军',
      '志勇',
      '建伟',
      '红军',
      '晓东',
      '永强',
      '文斌',
      '国栋',
    ],
    female: [
      '丽',
      '艳',
      '芳',
      '娟',
      '敏',
      '静',
      '燕',
      '霞',
      '红',
      '萍',
      '玲',
      '梅',
      '海燕',
      '晓丽',
      '丽娟',
      '春梅',
      '小红',
      '雪梅',
    ],
  },
  young: {
    male: [
      '鹏',
      '磊',
      '晨',
      '昊',
      '帅',
      '浩',
      '宇',
      '博',
      '凯',
      '文博',
      '家豪',
      '志鹏',
      '嘉伟',
      '天宇',
      '俊杰',
      '子豪',
    ],
    female: [
      '婷婷',
      '雪',
      '琳',
      '瑶',
      '倩',
      '佳',
      '晶晶',
      '欣',
      '雨婷',
      '佳琪',
      '思雨',
      '梦瑶',
      '丹丹',
      '玉洁',
      '慧敏',
      '雅琪',
    ],
  },
  child: {
    male: [
      '浩然',
      '子轩',
      '宇航',
      '梓豪',
      '浩宇',
      '博文',
      '一鸣',
      '天佑',
      '子墨',
      '宇轩',
      '奕辰',
      '皓轩',
      '明轩',
      '睿泽',
      '沐阳',
    ],
    female: [
      '欣怡',
      '梓涵',
      '诗涵',
      '雨涵',
      '子涵',
      '一诺',
      '可馨',
      '佳怡',
      '思琪',
      '雨萱',
      '若汐',
      '婉清',
      '嘉怡',
      '紫萱',
      '语桐',
    ],
  },
} as const;

/** A surname: about 60 % from the eight most common. */
export function surname(rng: Rng): string {
  return rng.chance(0.6) ? rng.pick(SURNAMES_COMMON) : rng.pick(SURNAMES_OTHER);
}

/** A given name in the fashion of the birth year. */
export function givenName(rng: Rng, birthYear: number, gender: 'male' | 'female'): string {
  const era = birthYear < 1965 ? 'old' : birthYear < 1985 ? 'middle' : birthYear < 2008 ? 'young' : 'child';
  return rng.pick(GIVEN[era][gender]);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '198',
  '199',
] as const;

/** Issues invented phone numbers, never the same one twice. */
export class PhoneBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (;;) {
      const p = make();
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }

  /** 11-digit mobile number 1[3-9]x xxxx xxxx. */
  mobile(): string {
    return this.unique(() => this.rng.pick(MOBILE_PREFIXES) + String(this.rng.int(0, 99_999_999)).padStart(8, '0'));
  }

  /** Zhangye landline (area code 0936), as older residents still give. */
  landline(): string {
    return this.unique(() => `0936-8${String(this.rng.int(0, 999_999)).padStart(6, '0')}`);
  }
}
