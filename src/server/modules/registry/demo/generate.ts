/**
 * Deterministic generator of the demo 东湖社区 (北街街道, 甘州区, 张掖).
 * Pure: same seed → identical output.
 * Real: names and codes of district/street, community area (1.35 km²), 3,329 households, 6,570 people,
 * 8 grids, 东湖小区 (1,523 households, ex-三无), 丝路嘉苑, the day-care centre. Invented: everything else
 * (placement, shapes, buildings, people). See docs/demo-data.md.
 */
import { COMPOUNDS } from './compounds.ts';
import type { Polygon } from 'geojson';
import { polygonAreaM2, rectPolygon } from './geo.ts';
import { buildLayout } from './layout.ts';
import { PhoneBook, givenName, surname } from './names.ts';
import { ResidentFactory, compositions } from './people.ts';
import { createRng } from './rng.ts';
import { pickRooms } from './rooms.ts';
import { SETBACK, XS, YS } from './plan.ts';
import type { DemoCommunity, DemoCompound, DemoGrid, DemoHousehold, DemoResident } from './types.ts';

/** Invented 12-digit code of 东湖社区 (the real one is not public; 004 = 北街街道). */
export const DEMO_COMMUNITY_CODE = '620702004006';
/** Default seed: the date of the report the demo follows. */
const DEFAULT_SEED = 20241003;

/** Shown wherever demo data is displayed. */
const DEMO_NOTICE =
  '演示数据说明：东湖社区的面积（1.35平方公里）、户数（3329户）、' +
  '人口（6570人）、8个网格、东湖小区（1523户，由6个三无楼院改造）、' +
  '丝路嘉苑排污管道由甘州铺子“第一桶金”更换、日间照料中心等情况' +
  '来自2024年10月3日中国新闻网报道；社区编码、边界与位置（近似）、' +
  '道路名称、楼栋、设施、住户、居民姓名、身份证号、电话号码等' +
  '均为程序生成的虚构演示数据，如有雷同纯属巧合，请勿用于任何实际用途。';

/** Generate the whole demo community. */
export function generateDemoCommunity(seed: number = DEFAULT_SEED): DemoCommunity {
  const rng = createRng(seed);
  const layout = buildLayout();
  const phones = new PhoneBook(rng);

  const grids: DemoGrid[] = layout.gridBoundaries.map(({ seq, boundary }) => {
    const sn = surname(rng);
    const female = rng.chance(0.6);
    return {
      code: DEMO_COMMUNITY_CODE + String(seq).padStart(2, '0'),
      seq,
      name: `东湖社区第${seq}网格`,
      boundary,
      worker: {
        name: sn + givenName(rng, rng.int(1985, 1998), female ? 'female' : 'male'),
        phone: phones.mobile(),
        username: `grid${String(seq).padStart(2, '0')}`,
      },
    };
  });

  const compounds: DemoCompound[] = COMPOUNDS.map((facts) => {
    const blocks = layout.blockTargets.filter((b) => b.compound === facts.key);
    const perGrid = new Map<number, number>();
    for (const b of blocks) perGrid.set(b.gridSeq, (perGrid.get(b.gridSeq) ?? 0) + b.households);
    const gridSeqs = [...perGrid.keys()].sort((a, b) => a - b);
    const gridSeq = gridSeqs.reduce(
      (best, g) => ((perGrid.get(g) ?? 0) > (perGrid.get(best) ?? 0) ? g : best),
      gridSeqs[0] ?? 0,
    );
    const footprints = layout.buildings.filter((b) => b.compoundKey === facts.key);
    if (footprints.length === 0) throw new Error(`compound ${facts.key} has no buildings`);
    const { developer: _developer, ...rest } = facts;
    return { ...rest, gridSeq, gridSeqs, boundary: compoundBoundary(blocks) };
  });

  const rooms = pickRooms(layout, rng);
  const kinds = compositions(rng);
  if (kinds.length !== rooms.length) throw new Error(`compositions ${kinds.length} ≠ households ${rooms.length}`);
  const factory = new ResidentFactory(rng, phones);
  const households: DemoHousehold[] = [];
  const residents: DemoResident[] = [];
  const owners = new OwnerRegistry(rng);
  rooms.forEach((room, i) => {
    const key = `h-${String(i + 1).padStart(4, '0')}`;
    const people = factory.household(key, kinds[i] ?? 'solo_adult');
    residents.push(...people);
    const head = people[0];
    if (!head) throw new Error('empty household');
    const owner = owners.ownerFor(room.compoundKey, head.name);
    const areaSource = room.bungalow ? 'survey' : owner.contract ? 'contract' : 'register';
    households.push({
      key,
      buildingKey: room.buildingKey,
      unit: room.unit,
      room: room.room,
      areaCentiM2: room.areaCentiM2,
      areaSource,
      ownerName: owner.name,
      ownerKey: owner.key,
    });
  });

  return {
    district: { code: '620702', name: '甘州区', nameEn: 'Ganzhou District' },
    street: { code: '620702004', name: '北街街道', nameEn: 'Beijie Subdistrict' },
    community: {
      code: DEMO_COMMUNITY_CODE,
      name: '东湖社区',
      nameEn: 'Donghu Community',
      boundary: layout.communityBoundary,
      areaKm2: Math.round(polygonAreaM2(layout.communityBoundary) / 1e3) / 1e3,
    },
    grids,
    compounds,
    buildings: layout.buildings,
    households,
    residents,
    facilities: layout.facilities,
    roads: layout.roads,
    freedSpaces: layout.freedSpaces,
    demoNotice: DEMO_NOTICE,
  };
}

/** Bounding rectangle of a compound's blocks, inset from the street centre lines. */
function compoundBoundary(blocks: readonly { c: number; r: number }[]): Polygon {
  const c0 = Math.min(...blocks.map((b) => b.c));
  const c1 = Math.max(...blocks.map((b) => b.c)) + 1;
  const r0 = Math.min(...blocks.map((b) => b.r));
  const r1 = Math.max(...blocks.map((b) => b.r)) + 1;
  return rectPolygon(
    (XS[c0] ?? 0) + SETBACK,
    (YS[r0] ?? 0) + SETBACK,
    (XS[c1] ?? 0) - SETBACK,
    (YS[r1] ?? 0) - SETBACK,
  );
}

/**
 * Registered owners. Most units are owned by their head of household; some by a non-resident landlord,
 * a few landlords own two units in one compound (one owner for art. 278 headcount), and the developer
 * of 润泽苑 still holds a few unsold units (owner key 'developer').
 */
class OwnerRegistry {
  private n = 0;
  private readonly landlords = new Map<string, { key: string; name: string; units: number }[]>();
  private developerUnits = 0;
  constructor(private readonly rng: ReturnType<typeof createRng>) {}

  ownerFor(compoundKey: string, headName: string): { key: string; name: string; contract: boolean } {
    const rng = this.rng;
    const developer = COMPOUNDS.find((c) => c.key === compoundKey)?.developer;
    if (developer && this.developerUnits < 6 && rng.chance(0.05)) {
      this.developerUnits++;
      return { key: 'developer', name: developer, contract: false };
    }
    const contract = developer !== undefined && rng.chance(0.1);
    if (rng.chance(0.85)) return { key: this.newKey(), name: headName, contract };
    const list = this.landlords.get(compoundKey) ?? [];
    this.landlords.set(compoundKey, list);
    const repeat = list.find((l) => l.units === 1);
    if (repeat && rng.chance(0.3)) {
      repeat.units++;
      return { key: repeat.key, name: repeat.name, contract };
    }
    const landlord = {
      key: this.newKey(),
      name: surname(rng) + givenName(rng, rng.int(1955, 1990), rng.chance(0.5) ? 'male' : 'female'),
      units: 1,
    };
    list.push(landlord);
    return { key: landlord.key, name: landlord.name, contract };
  }

  private newKey(): string {
    this.n++;
    return `o-${String(this.n).padStart(5, '0')}`;
  }
}
