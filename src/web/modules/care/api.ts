/** Calls and types of the care, notices and overview APIs (mirroring their response schemas). */
import { api, get, qs } from '../../api/client.ts';

/** A person on the care list (no notes, ever). */
export interface CarePerson {
  residentId: string;
  gridCode: string | null;
  tags: string[];
  intervalDays: number;
  defaultDays: number;
  overridden: boolean;
  lastVisitAt: string | null;
  dueAt: string;
  overdueDays: number;
  masked: boolean;
  name: string;
  age: number | null;
  gender: 'male' | 'female' | null;
  phone: string | null;
  address: string;
}

/** A visit. */
interface CareVisit {
  id: string;
  residentId: string;
  visitedAt: string;
  visitorName: string;
  visitorRole: string;
  lon: number | null;
  lat: number | null;
  found: string | null;
  followUp: string | null;
  problem: boolean;
  caseId: string | null;
  masked: boolean;
}

/** A carer card. */
interface Carer {
  accountId: string | null;
  name: string;
  role: string;
  phone: string | null;
  kind: 'grid_worker' | 'assigned';
}

/** A page of people. */
export interface PersonPage {
  items: CarePerson[];
  total: number;
  nextCursor: string | null;
}

/** A person's card. */
export interface PersonCard {
  person: CarePerson;
  active: boolean;
  carers: Carer[];
  visits: CareVisit[];
  may: { visit: boolean; notes: boolean; plan: boolean };
}

/** A visit with its person. */
export interface VisitCard {
  visit: CareVisit;
  person: CarePerson;
  may: { toCase: boolean };
}

/** The sensitive notes. */
export interface CareNotes {
  residentId: string;
  healthNote: string | null;
  abilityNote: string | null;
  updatedAt: string;
}

/** The care side of a case. */
export interface CaseCarers {
  onCareList: boolean;
  person: { name: string; tags: string[] } | null;
  carers: Carer[];
  visit: { id: string; visitedAt: string; visitorName: string } | null;
}

/** One overview number. */
export interface Tile {
  key: string;
  value: number | string;
  href: string;
}

/** The overview page. */
export interface Overview {
  code: string;
  name: string;
  asOf: string;
  tiles: Tile[];
  communities: { code: string; name: string; tiles: Tile[] }[];
}

/** A notice as staff see it. */
export interface Notice {
  id: string;
  communityCode: string;
  scope: { kind: string; value: string; label: string };
  title: string;
  body: string;
  urgent: boolean;
  senderName: string;
  sentAt: string;
  households: number;
  read: number;
  told: number;
}

/** A notice with per-grid reads. */
export interface NoticeDetail {
  notice: Notice;
  grids: { gridCode: string | null; gridName: string | null; households: number; read: number; told: number }[];
}

/** One stop of the walk list. */
export interface WalkItem {
  order: number;
  householdId: string;
  building: string | null;
  unit: string;
  room: string;
  ownerName: string;
  lon: number | null;
  lat: number | null;
  toldAt: string | null;
}

/** A notice as a resident sees it. */
export interface MyNotice {
  id: string;
  title: string;
  body: string;
  urgent: boolean;
  senderName: string;
  sentAt: string;
  read: boolean;
}

/** The scope picker's choices. */
export interface NoticeScopes {
  communityCode: string;
  grids: { code: string; name: string }[];
  compounds: { id: string; name: string }[];
  buildings: { id: string; name: string }[];
  tags: string[];
}

export const careApi = {
  overdue: (code?: string, cursor?: string) =>
    get<PersonPage>(`/api/care/overdue${qs({ code, cursor, pageSize: 50 })}`),
  list: (code?: string, cursor?: string) => get<PersonPage>(`/api/care/people${qs({ code, cursor, pageSize: 50 })}`),
  person: (id: string) => get<PersonCard>(`/api/care/people/${id}`),
  notes: (id: string) => get<CareNotes>(`/api/care/people/${id}/notes`),
  saveNotes: (id: string, healthNote: string | null, abilityNote: string | null) =>
    api<CareNotes>('PUT', `/api/care/people/${id}/notes`, { healthNote, abilityNote }),
  plan: (id: string, intervalDays: number | null) =>
    api<PersonCard>('PUT', `/api/care/people/${id}/plan`, { intervalDays }),
  carer: (id: string, username: string, remove = false) =>
    api<PersonCard>('POST', `/api/care/people/${id}/carers`, { username, remove }),
  record: (id: string, body: { lon: number; lat: number; found: string; followUp?: string; problem?: boolean }) =>
    api<VisitCard>('POST', `/api/care/people/${id}/visits`, body),
  visit: (id: string) => get<VisitCard>(`/api/care/visits/${id}`),
  toCase: (id: string, categoryCode: string) =>
    api<{ caseId: string; replayed: boolean }>('POST', `/api/care/visits/${id}/case`, { categoryCode }),
  caseCarers: (caseId: string) => get<CaseCarers>(`/api/care/cases/${caseId}/carers`),
  sync: () => api<{ listed: number; removed: number }>('POST', '/api/care/sync'),
  overview: (code?: string) => get<Overview>(`/api/overview/tiles${qs({ code })}`),
};

export const noticesApi = {
  scopes: () => get<NoticeScopes>('/api/notices/scopes'),
  send: (body: { title: string; body: string; urgent: boolean; scope: { kind: string; value?: string } }) =>
    api<NoticeDetail>('POST', '/api/notices/send', body),
  list: (code?: string) => get<{ items: Notice[]; nextCursor: string | null }>(`/api/notices/list${qs({ code })}`),
  detail: (id: string) => get<NoticeDetail>(`/api/notices/${id}`),
  walk: (id: string, grid?: string) =>
    get<{ items: WalkItem[]; start: string | null; gridCode: string }>(`/api/notices/${id}/walk${qs({ grid })}`),
  tell: (id: string, householdId: string) =>
    api<{ toldAt: string | null }>('POST', `/api/notices/${id}/households/${householdId}/told`),
  mine: () => get<{ items: MyNotice[] }>('/api/notices/mine'),
  read: (id: string) => api<{ read: boolean }>('POST', `/api/notices/${id}/read`),
};
