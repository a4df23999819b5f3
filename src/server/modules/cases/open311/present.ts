/**
 * GeoReport v2 shapes, built from the cases module's public presenter (present.ts publicView) — never from
 * the case row: a request shows the class, the status, the public reply, the place rounded to ~100 m and named
 * by its compound, and the client's media_url; never the address, reporter, internal notes or a sensitive class.
 */
import type { CasesModule } from '../module.ts';
import type { CaseRow } from '../repository.ts';
import * as repo from '../repository.ts';
import { requestsMatching } from '../repository/open311.ts';
import { publicView } from '../present.ts';
import { compoundNamesAt } from '../../registry/index.ts';
import type { Status } from '../domain/workflow.ts';
import { attributesOf } from './attributes.ts';
import type { definitionOut, requestOut, serviceOut } from './schemas.ts';
import type { z } from 'zod';

const CLOSED: readonly Status[] = ['closed', 'evaluated', 'cancelled', 'merged'];
type Lang = 'zh-CN' | 'en';

/** The classes offered through Open311 (sensitive ones never are). */
const offered = (m: CasesModule) => m.opts.categories.filter((c) => !c.sensitive);

/** The service offered under a code, or undefined (unknown or sensitive). */
export const offeredService = (m: CasesModule, code: string) => offered(m).find((c) => c.code === code);

/** The service list (one service per 小类). */
export function serviceList(m: CasesModule, lang: Lang): z.input<typeof serviceOut>[] {
  return offered(m).map((c) => ({
    service_code: c.code,
    service_name: lang === 'en' ? c.nameEn : c.name,
    description: `${c.majorName} / ${c.name} (${c.nameEn})`,
    metadata: attributesOf(c.code, lang).length > 0,
    type: 'realtime',
    keywords: [c.kind, c.urgent ? 'urgent' : 'normal'].join(','),
    group: c.majorName,
  }));
}

/** A service definition: the extra attributes the service asks for. */
export function serviceDefinition(code: string, lang: Lang): z.input<typeof definitionOut> {
  return { service_code: code, attributes: attributesOf(code, lang) };
}

/** Filters of a public read; `prefix` (the jurisdiction) always applies. */
export interface RequestFilter {
  prefix: string;
  ids?: string[] | undefined;
  codes?: string[] | undefined;
  status?: ('open' | 'closed')[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
}

/** Reads the cases a public read may show: inside the jurisdiction, never of a sensitive class. */
export function findRequests(m: CasesModule, f: RequestFilter) {
  const hidden = m.opts.categories.filter((c) => c.sensitive).map((c) => c.code);
  // service_request_id overrides every other filter (GeoReport v2).
  const ids = f.ids?.filter((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
  return requestsMatching(m.db, { ...f, ids, hidden, closed: CLOSED });
}

/** Presents cases as GeoReport v2 requests, through the public view. */
export async function presentRequests(
  m: CasesModule,
  rows: CaseRow[],
  lang: Lang,
): Promise<z.input<typeof requestOut>[]> {
  const ids = rows.map((r) => r.id);
  const [counts, areas] = await Promise.all([
    repo.supporterCounts(m.db, ids),
    compoundNamesAt(
      m.db,
      rows.map((r) => ({ communityCode: r.community_code, lon: r.lon, lat: r.lat })),
    ),
  ]);
  return rows.map((r, i) => {
    const v = publicView(r, {
      supporters: counts.get(r.id) ?? 0,
      photoIds: [],
      category: m.category(r.category_code),
      lang,
      area: areas[i] ?? null,
    });
    return {
      service_request_id: v.id,
      status: CLOSED.includes(v.status) ? 'closed' : 'open',
      ...(v.publicNote ? { status_notes: v.publicNote } : {}),
      service_name: v.categoryName,
      service_code: v.categoryCode,
      ...(v.description ? { description: v.description } : {}),
      requested_datetime: v.createdAt,
      updated_datetime: v.updatedAt,
      expected_datetime: v.resolveBy,
      ...(v.area ? { address: v.area } : {}),
      lat: v.location[1],
      long: v.location[0],
      ...(v.mediaUrl ? { media_url: v.mediaUrl } : {}),
    };
  });
}
