/**
 * Household compositions and residents. Compositions are drawn from fixed counts (not probabilities), so
 * the demo has exactly 3,329 households and 6,570 people, 1,273 of them aged 60+ (19.4 %) and 689 under
 * 14 (10.5 %) on the reference date — close to Ganzhou's ageing profile (invented, see docs/demo-data.md).
 */
import { makeIdNumber } from '../domain/idNumber.ts';
import { givenName, surname, type PhoneBook } from './names.ts';
import type { Rng } from './rng.ts';
import type { DemoResident, Relation } from './types.ts';

/** Ages are exact on this date (the day of the news report the demo is based on). */
export const DEMO_REFERENCE_DATE = '2024-10-03';
/** Address code written into every invented ID number (甘州区). */
const DEMO_REGION = '620702';

type Gender = 'male' | 'female';
interface Member {
  relation: Relation;
  age: number;
  gender: Gender;
  surname: string;
}
/** Composition kinds; `solo_elder` households are the 独居老人, `elder_couple` the 空巢老人. */
export type Composition =
  | 'solo_elder'
  | 'solo_adult'
  | 'elder_couple'
  | 'couple'
  | 'single_parent'
  | 'elder_with_child'
  | 'couple_child'
  | 'couple_grown_child'
  | 'couple_parent'
  | 'couple_two_children'
  | 'couple_child_grandparent'
  | 'three_generations';

/** How many households of each composition (sums to 3,329 households, 6,570 people). */
const COMPOSITION_COUNTS: Readonly<Record<Composition, number>> = {
  solo_elder: 230,
  solo_adult: 920,
  elder_couple: 320,
  couple: 805,
  single_parent: 80,
  elder_with_child: 150,
  couple_child: 300,
  couple_grown_child: 200,
  couple_parent: 105,
  couple_two_children: 90,
  couple_child_grandparent: 110,
  three_generations: 19,
};

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');

/** Members of one household of the given composition (relations are to the 户主, listed first). */
function members(kind: Composition, rng: Rng): Member[] {
  const person = (relation: Relation, age: number, gender: Gender, sn = surname(rng)): Member => ({
    relation,
    age,
    gender,
    surname: sn,
  });
  const elderAge = (): number => 60 + Math.floor(30 * rng.next() ** 1.5);
  const couple = (lo: number, hi: number, min: number, max: number): [Member, Member] => {
    const head = person('户主', rng.int(lo, hi), rng.chance(0.75) ? 'male' : 'female');
    return [head, person('配偶', clamp(head.age + rng.int(-4, 4), min, max), other(head.gender))];
  };
  const fatherName = (a: Member, b: Member): string => (a.gender === 'male' ? a.surname : b.surname);
  const child = (relation: Relation, age: number, sn: string): Member =>
    person(relation, age, rng.chance(0.52) ? 'male' : 'female', sn);
  switch (kind) {
    case 'solo_elder':
      return [person('户主', 62 + Math.floor(31 * rng.next() ** 1.2), rng.chance(0.65) ? 'female' : 'male')];
    case 'solo_adult':
      return [person('户主', rng.int(20, 59), rng.chance(0.55) ? 'male' : 'female')];
    case 'elder_couple':
      return couple(60, 85, 60, 92);
    case 'couple':
      return couple(22, 59, 20, 59);
    case 'single_parent': {
      const p = person('户主', rng.int(26, 45), rng.chance(0.7) ? 'female' : 'male');
      return [p, child('子女', rng.int(0, 13), p.surname)];
    }
    case 'elder_with_child': {
      const e = person('户主', elderAge(), rng.chance(0.6) ? 'female' : 'male');
      const childAge = clamp(e.age - rng.int(24, 36), 25, 59);
      return [e, child('子女', childAge, e.gender === 'male' ? e.surname : surname(rng))];
    }
    case 'couple_child': {
      const [h, s] = couple(26, 45, 22, 47);
      return [h, s, child('子女', rng.int(0, Math.min(13, Math.min(h.age, s.age) - 21)), fatherName(h, s))];
    }
    case 'couple_grown_child': {
      const [h, s] = couple(40, 58, 38, 59);
      return [h, s, child('子女', rng.int(14, Math.min(h.age, s.age) - 22), fatherName(h, s))];
    }
    case 'couple_parent': {
      const [h, s] = couple(35, 58, 33, 59);
      const pg: Gender = rng.chance(0.6) ? 'female' : 'male';
      return [
        h,
        s,
        person('父母', clamp(h.age + rng.int(22, 32), 60, 93), pg, pg === 'male' ? h.surname : surname(rng)),
      ];
    }
    case 'couple_two_children': {
      const [h, s] = couple(28, 45, 26, 47);
      const top = Math.min(13, Math.min(h.age, s.age) - 22);
      const first = child('子女', rng.int(0, top), fatherName(h, s));
      return [h, s, first, child('子女', rng.int(0, top), fatherName(h, s))];
    }
    case 'couple_child_grandparent': {
      const [h, s] = couple(28, 45, 26, 47);
      const gp = person(
        '父母',
        clamp(Math.max(h.age, s.age) + rng.int(24, 32), 60, 90),
        rng.chance(0.6) ? 'female' : 'male',
      );
      return [h, s, child('子女', rng.int(0, Math.min(13, Math.min(h.age, s.age) - 21)), fatherName(h, s)), gp];
    }
    case 'three_generations': {
      const [g1, g2] = couple(60, 80, 60, 84);
      const sonAge = clamp(Math.min(g1.age, g2.age) - rng.int(23, 32), 28, 45);
      const son = person('子女', sonAge, 'male', fatherName(g1, g2));
      const wife = person('其他', clamp(son.age + rng.int(-3, 3), 26, 47), 'female');
      return [g1, g2, son, wife, child('孙子女', rng.int(0, Math.min(13, wife.age - 21)), son.surname)];
    }
  }
}

/** Shuffled list of compositions, one per household. */
export function compositions(rng: Rng): Composition[] {
  const list: Composition[] = [];
  for (const [kind, n] of Object.entries(COMPOSITION_COUNTS) as [Composition, number][]) {
    for (let i = 0; i < n; i++) list.push(kind);
  }
  return rng.shuffle(list);
}

/** Birth date exactly `age` whole years before the reference date. */
function birthDateFor(age: number, rng: Rng): string {
  const anniversary = Date.UTC(2024 - age, 9, 3);
  return new Date(anniversary - rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
}

/** Builds residents with unique, valid ID numbers and phone numbers. */
export class ResidentFactory {
  private readonly usedIds = new Set<string>();
  private count = 0;
  constructor(
    private readonly rng: Rng,
    private readonly phones: PhoneBook,
  ) {}

  /** Residents of one household; household-level tags (低保) are applied to every member. */
  household(householdKey: string, kind: Composition): DemoResident[] {
    const rng = this.rng;
    const dibao = rng.chance(0.025);
    return members(kind, rng).map((m) => {
      const birthDate = birthDateFor(m.age, rng);
      const tags: string[] = [];
      if (kind === 'solo_elder') tags.push('独居老人');
      if (kind === 'elder_couple') tags.push('空巢老人');
      if (m.age >= 80) tags.push('高龄老人');
      if (m.age < 14) tags.push('儿童');
      if (rng.chance(m.age >= 60 ? 0.05 : 0.012)) tags.push('残疾');
      if (dibao) tags.push('低保');
      if (m.age >= 18 && rng.chance(m.age >= 60 ? 0.12 : 0.07)) tags.push('党员');
      if (m.gender === 'male' && m.age >= 35 && rng.chance(0.03)) tags.push('退役军人');
      let phone: string | null;
      if (m.age < 14) phone = null;
      else if (m.age < 18) phone = rng.chance(0.5) ? this.phones.mobile() : null;
      else if (m.age >= 75)
        phone = rng.chance(0.25) ? null : rng.chance(0.25) ? this.phones.landline() : this.phones.mobile();
      else phone = this.phones.mobile();
      this.count++;
      return {
        key: `r-${String(this.count).padStart(5, '0')}`,
        householdKey,
        name: m.surname + givenName(rng, Number(birthDate.slice(0, 4)), m.gender),
        gender: m.gender,
        phone,
        idNumber: this.idNumber(birthDate, m.gender),
        birthDate,
        relation: m.relation,
        tags,
      };
    });
  }

  private idNumber(birthDate: string, gender: Gender): string {
    let seq = this.rng.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    while (this.usedIds.has(birthDate + seq)) seq = (seq + 2) % 1000;
    this.usedIds.add(birthDate + seq);
    return makeIdNumber(DEMO_REGION, birthDate, seq);
  }
}
