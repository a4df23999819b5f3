/**
 * Shape of the generated demo community (see docs/demo-data.md for what is real and what is invented).
 * All coordinates are WGS-84 `[lon, lat]` degrees; geometries are GeoJSON objects.
 */
import type { LineString, Polygon } from 'geojson';

/** Household relation to the head of household (户主), as written in the household register. */
export type Relation = '户主' | '配偶' | '子女' | '父母' | '孙子女' | '其他';

/** A grid (网格) and the worker who walks it. */
export interface DemoGrid {
  /** 14 digits: community code + 2-digit sequence (numbered west→east, then north→south). */
  code: string;
  seq: number;
  name: string;
  boundary: Polygon;
  worker: { name: string; phone: string; username: string };
}

/** A compound (小区/楼院). The three "无" flags describe the present state (docs/domain.md §1). */
export interface DemoCompound {
  key: string;
  name: string;
  /** The grid holding the compound, or for a compound split across grids the one with most households. */
  gridSeq: number;
  /** Every grid the compound lies in (length 1 except for 东湖小区, which is too big for one grid). */
  gridSeqs: number[];
  boundary: Polygon;
  noPropertyManager: boolean;
  noResponsibleBody: boolean;
  noOwnersCommittee: boolean;
  propertyManager: string | null;
  /** Was a 三无楼院 and has been renewed (walls down, management brought in). */
  formerSanwu: boolean;
  note?: string;
}

/** A building; `footprint` lies inside the grid `gridSeq`. */
export interface DemoBuilding {
  key: string;
  compoundKey: string | null;
  gridSeq: number;
  name: string;
  floors: number;
  units: number;
  footprint: Polygon;
  use: 'residential' | 'public' | 'commercial';
}

/** A dwelling unit with its registered owner (for Civil Code art. 278 tallies). */
export interface DemoHousehold {
  key: string;
  buildingKey: string;
  unit: string;
  room: string;
  /** Exclusive floor area, m² × 100 (integer). */
  areaCentiM2: number;
  areaSource: 'register' | 'survey' | 'contract';
  ownerName: string;
  /** Shared by one buyer's several units; developer units share `'developer'`. */
  ownerKey: string;
}

/** A person living in a household. */
export interface DemoResident {
  key: string;
  householdKey: string;
  name: string;
  gender: 'male' | 'female';
  phone: string | null;
  /** Valid GB 11643 number, region 620702 (invented). */
  idNumber: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  relation: Relation;
  /** e.g. '独居老人', '空巢老人', '高龄老人', '儿童', '残疾', '低保', '党员', '退役军人'. */
  tags: string[];
}

/** A service facility (point). `category` is one of the codes in `FACILITY_CATEGORIES`. */
export interface DemoFacility {
  key: string;
  category: string;
  name: string;
  lon: number;
  lat: number;
  source: 'demo';
}

/** A walkable way; vertices are shared exactly where ways meet, so a graph can be keyed by coordinates. */
export interface DemoRoad {
  key: string;
  name: string | null;
  highway: 'residential' | 'footway' | 'service' | 'pedestrian' | 'tertiary' | 'steps';
  line: LineString;
}

/** Space freed by renewal: a candidate site for a new facility. */
export interface DemoFreedSpace {
  key: string;
  name: string;
  lon: number;
  lat: number;
  areaM2: number;
  note: string;
}

/** The whole demo community: 东湖社区, 北街街道, 甘州区. */
export interface DemoCommunity {
  district: { code: '620702'; name: '甘州区'; nameEn: 'Ganzhou District' };
  street: { code: '620702004'; name: '北街街道'; nameEn: 'Beijie Subdistrict' };
  community: { code: string; name: '东湖社区'; nameEn: 'Donghu Community'; boundary: Polygon; areaKm2: number };
  grids: DemoGrid[];
  compounds: DemoCompound[];
  buildings: DemoBuilding[];
  households: DemoHousehold[];
  residents: DemoResident[];
  facilities: DemoFacility[];
  roads: DemoRoad[];
  freedSpaces: DemoFreedSpace[];
  /** zh-CN notice that the invented parts are demo data. */
  demoNotice: string;
}
