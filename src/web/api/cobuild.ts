/** The cobuild API as the web app uses it (shapes follow the server's response schemas; times are ISO strings). */
import { api, get, qs } from './client.ts';

export interface Unit {
  id: string;
  name: string;
  kind: string;
  contactName: string;
  contactPhone: string | null;
  description: string;
  published: boolean;
  commitments: { id: string; year: number; title: string; targetHours: number | null }[];
}
export interface Need {
  id: string;
  category: string;
  title: string;
  description: string;
  status: string;
  source: string;
  createdAt: string;
}
export interface Project {
  id: string;
  needId: string;
  needTitle: string;
  needCategory: string;
  claimant: string;
  status: string;
  progress: number;
  summary: string | null;
  claimedAt: string;
  completedAt: string | null;
}
export interface ProjectDetail extends Project {
  updates: { id: string; progress: number; note: string; at: string }[];
  evidence: { id: string; kind: string; signer: string | null; at: string }[];
}
export interface Match {
  unitId: string | null;
  unitName: string | null;
  title: string;
  category: string;
  sameCategory: boolean;
  distanceM: number | null;
}
export interface Resource {
  id: string;
  unitName: string | null;
  kind: string;
  category: string;
  title: string;
  hours: number | null;
  amountFen: number | null;
}
export interface Activity {
  id: string;
  title: string;
  placeName: string;
  lon: number;
  lat: number;
  radiusM: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  status: string;
}
export interface ActivityDetail {
  activity: Activity;
  mine: { status: string; waitingPosition: number | null } | null;
  attendance: { checkedInAt: string; checkedOutAt: string | null } | null;
  signups: {
    volunteerId: string;
    name: string;
    status: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
  }[];
}
export interface MyVolunteer {
  volunteer: { id: string; name: string; skills: string[]; balanceMinutes: number } | null;
  activities: {
    id: string;
    title: string;
    placeName: string;
    startsAt: string;
    endsAt: string;
    activityStatus: string;
    signup: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
  }[];
}
export interface Ledger {
  balanceMinutes: number;
  rows: { id: string; kind: string; minutes: number; activityTitle: string | null; note: string; at: string }[];
  years: { year: number; activities: number; servedMinutes: number; redeemedMinutes: number }[];
}
export interface CheckResult {
  action: 'in' | 'out';
  minutes: number | null;
  balanceMinutes: number;
}
export interface PublicUnits {
  community: { code: string; name: string | null };
  units: {
    id: string;
    name: string;
    kind: string;
    description: string;
    projectsDone: number;
    projects: { title: string; category: string; completedAt: string | null }[];
  }[];
}

/** Hours with one decimal from minutes. */
export const hours = (m: number): number => Math.round(m / 6) / 10;

export const cobuildApi = {
  units: (code: string) => get<{ units: Unit[] }>(`/api/cobuild/units${qs({ code })}`),
  addUnit: (b: Record<string, unknown>) => api<Unit>('POST', '/api/cobuild/units', b),
  needs: (code: string) => get<{ needs: Need[] }>(`/api/cobuild/needs${qs({ code })}`),
  addNeed: (b: Record<string, unknown>) => api<{ need: Need }>('POST', '/api/cobuild/needs', b),
  matches: (id: string) => get<{ matches: Match[] }>(`/api/cobuild/needs/${id}/matches`),
  claim: (id: string, unitId: string) =>
    api<ProjectDetail>('POST', `/api/cobuild/needs/${id}/claim`, { claimant: { kind: 'unit', unitId } }),
  resources: (code: string) => get<{ resources: Resource[] }>(`/api/cobuild/resources${qs({ code })}`),
  projects: (code: string) => get<{ projects: Project[] }>(`/api/cobuild/projects${qs({ code })}`),
  project: (id: string) => get<ProjectDetail>(`/api/cobuild/projects/${id}`),
  progress: (id: string, progress: number, note: string) =>
    api<ProjectDetail>('POST', `/api/cobuild/projects/${id}/progress`, { progress, note }),
  evidence: (id: string, kind: 'photo' | 'signature', image: string, signer: string | null) =>
    api<ProjectDetail>('POST', `/api/cobuild/projects/${id}/evidence`, { kind, image, signer }),
  complete: (id: string, summary: string) =>
    api<ProjectDetail>('POST', `/api/cobuild/projects/${id}/complete`, { summary }),
  activities: (code: string) => get<{ activities: Activity[] }>(`/api/cobuild/activities${qs({ code })}`),
  addActivity: (b: Record<string, unknown>) => api<ActivityDetail>('POST', '/api/cobuild/activities', b),
  activity: (id: string) => get<ActivityDetail>(`/api/cobuild/activities/${id}`),
  code: (id: string) =>
    get<{ code: string; rotatesAt: string; path: string; activity: { title: string; placeName: string } }>(
      `/api/cobuild/activities/${id}/code`,
    ),
  organiser: (id: string, volunteerId: string, action: 'in' | 'out') =>
    api<CheckResult>('POST', `/api/cobuild/activities/${id}/attendance`, { volunteerId, action }),
  close: (id: string) => api<{ id: string }>('POST', `/api/cobuild/activities/${id}/close`),
  volunteers: (code: string) =>
    get<{ volunteers: { id: string; name: string; skills: string[]; balanceMinutes: number }[] }>(
      `/api/cobuild/volunteers${qs({ code })}`,
    ),
  redeem: (id: string, minutes: number, service: string) =>
    api<Ledger>('POST', `/api/cobuild/volunteers/${id}/redemptions`, { minutes, service }),
  me: () => get<MyVolunteer>('/api/cobuild/me'),
  become: () => api<MyVolunteer>('POST', '/api/cobuild/me/volunteer', { skills: [] }),
  signUp: (id: string) => api<ActivityDetail>('POST', `/api/cobuild/activities/${id}/signup`),
  cancel: (id: string) => api<ActivityDetail>('POST', `/api/cobuild/activities/${id}/cancel`),
  check: (id: string, b: { action: 'in' | 'out'; code: string; lon: number; lat: number; accuracyM: number }) =>
    api<CheckResult>('POST', `/api/cobuild/activities/${id}/check`, b),
  myHours: () => get<Ledger>('/api/cobuild/me/hours'),
  publicUnits: (code: string) => get<PublicUnits>(`/api/public/cobuild/${code}/units`),
};
