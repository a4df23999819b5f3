/**
 * The cases API (一键式响应) as the web app uses it — shapes and calls follow docs/api-cases.md.
 * Kept apart from types.ts so the registry pages do not depend on it.
 */
import { api, get, qs } from './client.ts';
import type { Status } from '../../server/modules/cases/domain/status.ts';
import type { ApiOk, Page, Schemas } from './types.ts';

/** Case status (docs/api-cases.md, Concepts): the server's own list. */
export type CaseStatus = Status;
/** Who holds the case. */
export type CaseLevel = Schemas['CaseLevel'];
/** Workflow actions (`allowed` lists those the viewer may take now). */
export type CaseActionType = Schemas['CaseActionType'];
/** Coordinate reference system of a location sent by the client. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
/** Limit units. */
export type LimitUnit = CaseCategory['acceptLimit']['unit'];

/** A reportable class. */
export type CaseCategory = Schemas['CaseCategory'];
/** The full view of a case (staff in the area, the reporter). */
type FullCase = Schemas['FullCase'];
/** A case as the viewer may see it: the public fields, and the rest only in the full view. */
export type CaseView = Schemas['PublicCase'] & Partial<Omit<FullCase, keyof Schemas['PublicCase']>>;
/** A duplicate candidate. */
export type DuplicateCase = ApiOk<'/api/cases/duplicates', 'get'>['duplicates'][number];
/** One event of a case's history. */
export type CaseEvent = Schemas['CaseEvent'];
/** A notification. */
export type CaseNotification = Schemas['CaseNotification'];

/** What the SSE stream sends for every visible change. */
export interface CaseStreamEvent {
  id: string;
  /** In the contract, but the server does not send it (yet). */
  no?: string;
  status: CaseStatus;
  level: CaseLevel;
  handlerCode: string;
  gridCode: string | null;
  communityCode: string;
  type: string;
  at: string;
}

/** The JSON part of a report. */
export interface ReportBody {
  categoryCode: string;
  description: string;
  location?: { lon: number; lat: number; crs?: Crs };
  address?: string;
  hideName?: boolean;
  source?: 'resident' | 'patrol' | 'hotline' | 'staff';
  patrolId?: string;
}

/** A patrol with its track. */
export type Patrol = Schemas['Patrol'];

/** Indicator keys, in display order. */
export const RATE_KEYS = [
  'response',
  'resolution',
  'satisfaction',
  'closure',
  'onTimeClosure',
  'rework',
  'extension',
] as const;
/** One indicator. */
export type RateKey = (typeof RATE_KEYS)[number];

/** GET /api/cases/metrics */
export type MetricsResponse = Schemas['CaseMetrics'];
/** One row of GET /api/cases/metrics. */
export type MetricsRow = MetricsResponse['rows'][number];

/** Filters of the staff list. */
export interface CaseFilters {
  code?: string;
  status?: string;
  categoryCode?: string;
  level?: string;
  overdue?: boolean;
  supervised?: boolean;
  from?: string;
  to?: string;
  q?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  pageSize?: number;
}

const flag = (b: boolean | undefined) => (b ? 'true' : undefined);

/** Send a report: JSON without photos, multipart with them. `key` is the Idempotency-Key. */
export async function postReport(body: ReportBody, photos: Blob[], key: string): Promise<{ case: CaseView }> {
  if (photos.length === 0) return api('POST', '/api/cases', body, { 'idempotency-key': key });
  const form = new FormData();
  form.set('data', JSON.stringify(body));
  for (const [i, p] of photos.entries()) {
    form.append('photos', p, `photo-${i + 1}.${p.type === 'image/png' ? 'png' : 'jpg'}`);
  }
  return api('POST', '/api/cases', form, { 'idempotency-key': key });
}

/** The calls, one per endpoint. */
/** An escalation job that failed too often and waits for staff (GET /api/cases/jobs/parked). */
export type ParkedJob = Schemas['ParkedJob'];
/** Which years the working calendar knows, and the warning staff must see (GET /api/cases/calendar/status). */
export type CalendarStatus = Schemas['CalendarStatus'];

export const casesApi = {
  categories: () => get<{ categories: CaseCategory[] }>('/api/cases/categories'),
  calendarStatus: () => get<CalendarStatus>('/api/cases/calendar/status'),
  duplicates: (categoryCode: string, lon: number, lat: number, crs: Crs) =>
    get<{ duplicates: DuplicateCase[] }>(`/api/cases/duplicates${qs({ categoryCode, lon, lat, crs })}`),
  support: (id: string) => api<{ case: CaseView; supporters: number }>('POST', `/api/cases/${id}/support`, {}),
  help: (note?: string) => api<{ case: CaseView }>('POST', '/api/cases/help', note ? { note } : {}),
  mine: (cursor?: string) => get<Page<CaseView>>(`/api/cases/mine${qs({ cursor })}`),
  confirm: (id: string, fixed: boolean, note?: string) =>
    api<{ case: CaseView }>('POST', `/api/cases/${id}/confirm`, { fixed, ...(note ? { note } : {}) }),
  rate: (id: string, score: number, comment?: string) =>
    api<{ case: CaseView }>('POST', `/api/cases/${id}/rate`, { score, ...(comment ? { comment } : {}) }),
  notifications: () => get<{ items: CaseNotification[]; more: boolean }>('/api/cases/notifications'),
  markRead: (ids?: string[]) => api('POST', '/api/cases/notifications/read', ids ? { ids } : {}),
  queue: () => get<{ items: CaseView[]; total: number; more: boolean }>('/api/cases/queue'),
  one: (id: string) => get<{ case: CaseView }>(`/api/cases/${id}`),
  history: (id: string) => get<{ events: CaseEvent[] }>(`/api/cases/${id}/history`),
  act: (id: string, action: CaseActionType, extra: Record<string, unknown> = {}) =>
    api<{ case: CaseView }>('POST', `/api/cases/${id}/actions`, { action, ...extra }),
  /** A progress note; `isPublic` marks it as a reply to the public (otherwise it stays internal). */
  note: (id: string, note: string, photos: Blob[], isPublic = false) => {
    const body = isPublic ? { note, public: true } : { note };
    if (photos.length === 0) return api<{ event: CaseEvent }>('POST', `/api/cases/${id}/notes`, body);
    const form = new FormData();
    form.set('data', JSON.stringify(body));
    for (const [i, p] of photos.entries()) form.append('photos', p, `note-${i + 1}.jpg`);
    return api<{ event: CaseEvent }>('POST', `/api/cases/${id}/notes`, form);
  },
  list: (f: CaseFilters) =>
    get<Page<CaseView>>(`/api/cases${qs({ ...f, overdue: flag(f.overdue), supervised: flag(f.supervised) })}`),
  map: (f: { code?: string; from?: string; to?: string; status?: string }) =>
    get<{ points: [number, number, number, CaseStatus, string][]; total: number; truncated: boolean }>(
      `/api/cases/map${qs(f)}`,
    ),
  overdue: (code?: string, cursor?: string) => get<Page<CaseView>>(`/api/cases/overdue${qs({ code, cursor })}`),
  /** Escalation jobs parked after repeated failures (background work made visible). */
  parkedJobs: (code?: string) => get<{ items: ParkedJob[] }>(`/api/cases/jobs/parked${qs({ code })}`),
  retryJobs: (id: string) => api<{ rearmed: number }>('POST', `/api/cases/${id}/jobs/retry`, {}),
  metrics: (p: { code?: string; groupBy: string; from?: string; to?: string }) =>
    get<MetricsResponse>(`/api/cases/metrics${qs(p)}`),
  metricsXlsxUrl: (p: { code?: string; groupBy: string; from?: string; to?: string }) =>
    `/api/cases/metrics.xlsx${qs(p)}`,
  startPatrol: () => api<{ patrol: Patrol }>('POST', '/api/cases/patrols', {}),
  track: (id: string, points: { lon: number; lat: number; at: string; crs?: Crs }[]) =>
    api('POST', `/api/cases/patrols/${id}/track`, { points }),
  stopPatrol: (id: string) => api<{ patrol: Patrol }>('POST', `/api/cases/patrols/${id}/stop`, {}),
};
