/** GeoReport v2 shapes of services and requests. */
import type { CasesModule } from '../module.ts';
import type { CaseRow } from '../repository.ts';
import type { Status } from '../domain/workflow.ts';

const CLOSED: readonly Status[] = ['closed', 'evaluated', 'cancelled', 'merged'];

/** The service list (one service per 小类). */
export function serviceList(m: CasesModule, lang: 'zh-CN' | 'en') {
  return m.opts.categories.map((c) => ({
    service_code: c.code,
    service_name: lang === 'en' ? c.nameEn : c.name,
    description: `${c.majorName} / ${c.name} (${c.nameEn})`,
    metadata: false,
    type: 'realtime',
    keywords: [c.kind, c.urgent ? 'urgent' : 'normal'].join(','),
    group: c.majorName,
  }));
}

/** A service definition: no extra attributes are asked for. */
export function serviceDefinition(code: string) {
  return { service_code: code, attributes: [] };
}

/** Reads requests by ids, codes, status and time window. */
export function findRequests(
  m: CasesModule,
  f: {
    ids?: string[] | undefined;
    codes?: string[] | undefined;
    status?: Status[] | undefined;
    start?: Date;
    end?: Date;
  },
) {
  let q = m.db.selectFrom('cases').selectAll();
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.codes?.length) q = q.where('category_code', 'in', f.codes);
  if (f.status) q = q.where('status', 'in', f.status);
  if (f.start) q = q.where('created_at', '>=', f.start);
  if (f.end) q = q.where('created_at', '<', f.end);
  return q.orderBy('created_at', 'desc').limit(1000).execute();
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Presents requests (public: no reporter, location rounded to ~100 m). */
export async function presentRequest(m: CasesModule, rows: CaseRow[], lang: 'zh-CN' | 'en') {
  const codes = [...new Set(rows.map((r) => r.handler_code))];
  const names = new Map(
    (codes.length
      ? await m.db.selectFrom('places').select(['code', 'name']).where('code', 'in', codes).execute()
      : []
    ).map((p) => [p.code, p.name]),
  );
  return rows.map((r) => {
    const c = m.category(r.category_code);
    return {
      service_request_id: r.id,
      status: CLOSED.includes(r.status) ? 'closed' : 'open',
      status_notes: r.last_note ?? r.status,
      service_name: c ? (lang === 'en' ? c.nameEn : c.name) : r.category_code,
      service_code: r.category_code,
      description: r.description,
      agency_responsible: names.get(r.handler_code) ?? r.handler_code,
      service_notice: '',
      requested_datetime: r.created_at.toISOString(),
      updated_datetime: r.updated_at.toISOString(),
      expected_datetime: r.resolve_by.toISOString(),
      address: r.address ?? '',
      address_id: '',
      zipcode: '',
      lat: round3(r.lat),
      long: round3(r.lon),
      media_url: '',
    };
  });
}
