/** Typed calls to /api/circle (the 15-minute life circle). */
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import { api, get, qs } from '../../api/client.ts';

export type Demand = { households: number; people: number; elderly: number; children: number };
export interface CategoryInfo {
  id: string;
  zh: string;
  en: string;
  level: 'block' | '5min' | '10min' | '15min';
  maxDistanceM: number;
  required: boolean;
  facilities: number;
}
export interface NetworkInfo {
  name: string;
  source: 'roads' | 'osm';
  attribution: string | null;
}
export interface CoverageRow {
  category: string;
  profile: string;
  threshold: string;
  thresholdM: number;
  share: Demand;
  covered: Demand;
}
export interface Coverage {
  community: string;
  name: string;
  nameEn: string | null;
  isDemo: boolean;
  network: NetworkInfo;
  totals: Demand;
  homes: number;
  estimatedHomes: number;
  profiles: { id: string; speedMps: number }[];
  thresholds: string[];
  categories: CategoryInfo[];
  rows: CoverageRow[];
  gaps: {
    category: string;
    level: CategoryInfo['level'];
    facilities: number;
    householdShare: number;
    status: 'absent' | 'partial';
  }[];
  farFacilities: { id: string; category: string; name: string }[];
  farHomes: number;
  ms: number;
}
export interface HomeProps {
  id: string;
  name: string;
  metres: number | null;
  minutes: number | null;
  nearest: string | null;
  households: number;
  people: number;
  elderly: number;
  children: number;
  estimated: boolean;
  covered: boolean;
}
export interface FacilityInfo {
  id: string;
  name: string;
  lon: number;
  lat: number;
  source: string;
  far: boolean;
}
export interface Layer {
  network: NetworkInfo;
  category: string;
  profile: string;
  gbMetres: number;
  homes: FeatureCollection<Geometry, HomeProps>;
  facilities: FacilityInfo[];
}
export interface WalkArea {
  start: [number, number];
  label: string | null;
  profile: string;
  minutes: number;
  limitM: number;
  reachedEdges: number;
  lines: MultiLineString;
  polygon: MultiPolygon;
  ms: number;
}
export interface SitePick {
  rank: number;
  id: string;
  name: string;
  kind: 'freed' | 'vacant' | 'any';
  lon: number;
  lat: number;
  weight: number;
  gain: Demand & { homes: number };
}
export interface Sites {
  category: string;
  candidates: number;
  uncovered: number;
  greedy: { covered: number; ms: number };
  exact: { covered: number; optimal: boolean; ms: number; gapPct: number } | null;
  picks: SitePick[];
}
export interface WhatIf {
  category: string;
  totals: Demand;
  before: Record<string, { covered: Demand; share: Demand }>;
  after: Record<string, { covered: Demand; share: Demand }>;
  ms: { prepare: number; whatIf: number };
}
export type NetworkLines = FeatureCollection & { network: NetworkInfo; features: Feature[] };

const base = (code: string) => `/api/circle/${code}`;

export const circleApi = {
  networks: (code: string) => get<{ networks: (NetworkInfo & { stats?: unknown })[] }>(`${base(code)}/networks`),
  coverage: (code: string, network: string) => get<Coverage>(`${base(code)}/coverage${qs({ network })}`),
  network: (code: string, network: string) => get<NetworkLines>(`${base(code)}/network${qs({ network })}`),
  layer: (code: string, network: string, category: string, profile: string) =>
    get<Layer>(`${base(code)}/layer${qs({ network, category, profile })}`),
  area: (
    code: string,
    network: string,
    from: { facility?: string; building?: string; lon?: number; lat?: number },
    profile: string,
    minutes: number,
  ) => get<WalkArea>(`${base(code)}/area${qs({ network, profile, minutes, ...from })}`),
  sites: (
    code: string,
    body: {
      network: string;
      category: string;
      k: number;
      candidates: string;
      profile: string;
      weights: { base: string; elderly: number; children: number };
    },
  ) => api<Sites>('POST', `${base(code)}/sites`, body),
  whatIf: (
    code: string,
    body: { network: string; category: string; profile: string; add?: { lon: number; lat: number }; remove?: string },
  ) => api<WhatIf>('POST', `${base(code)}/whatif`, body),
  reportUrl: (code: string, network: string, lang: string) => `${base(code)}/report.pdf${qs({ network, lang })}`,
};
