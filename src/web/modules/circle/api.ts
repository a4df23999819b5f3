/** Typed calls to /api/circle (the 15-minute life circle). */
import { api, get, qs } from '../../api/client.ts';
import type { components } from '../../api/openapi.ts';
import type { ApiOk } from '../../api/types.ts';

type Schemas = components['schemas'];
/** A category with its GB 50180 level and distance, and how many facilities it has here. */
export type CategoryInfo = Coverage['categories'][number];
/** GET /api/circle/:code/coverage */
export type Coverage = Schemas['CircleCoverage'];
/** A building of the layer with its walking distance to the nearest facility. */
export type HomeProps = Layer['homes']['features'][number]['properties'];
/** GET /api/circle/:code/layer */
export type Layer = Schemas['CircleLayer'];
/** GET /api/circle/:code/area */
export type WalkArea = Schemas['CircleWalkArea'];
/** A site the search picked. */
export type SitePick = Sites['picks'][number];
/** POST /api/circle/:code/sites */
export type Sites = Schemas['CircleSites'];
/** POST /api/circle/:code/whatif */
export type WhatIf = Schemas['CircleWhatIf'];
/** GET /api/circle/:code/network */
export type NetworkLines = Schemas['CircleNetworkLines'];
/** GET /api/circle/:code/networks */
type Networks = ApiOk<'/api/circle/{code}/networks', 'get'>;

const base = (code: string) => `/api/circle/${code}`;

export const circleApi = {
  networks: (code: string) => get<Networks>(`${base(code)}/networks`),
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
