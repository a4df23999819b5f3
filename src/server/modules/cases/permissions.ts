/**
 * Who may do what with a case, in one table. Relations: 'holder' — staff whose scope contains the holder's code
 * (the grid worker of the grid, or anyone above who may act for it); 'handling' — the holder itself or
 * the community's dispatcher (only they see the reporter's identity); 'above' — staff strictly above the holder
 * (approves extensions); 'area' — staff whose scope contains the case's place; 'reporter' — the account that
 * reported it; 'neighbour' — a resident of the same community.
 */
import { HANDLER_ROLES, STAFF_ROLES, type Role } from '../../../shared/roles.ts';
import { FROM, type ActionType, type Status } from './domain/workflow.ts';

/** Actions beyond the state machine. */
export type CaseAction = ActionType | 'read' | 'read_public' | 'pii' | 'note' | 'support';

/** What a permission decision looks at. */
export interface CaseSubject {
  communityCode: string;
  gridCode: string | null;
  handlerCode: string;
  reporterId: string | null;
  status: Status;
}

/** The minimum of an actor a decision needs. */
export interface CaseActor {
  accountId: string;
  role: Role;
  scopeCode: string;
}

type Rel = 'handling' | 'holder' | 'above' | 'area' | 'reporter' | 'neighbour';
const STAFF: readonly Role[] = HANDLER_ROLES;
const SUPERVISORS: readonly Role[] = ['community_staff', 'street_staff', 'district_admin'];

/** Action → (roles, relation). A role missing from the list never may. */
const TABLE: Record<CaseAction, { roles: readonly Role[] | 'any'; rel: Rel }[]> = {
  read: [
    { roles: STAFF_ROLES, rel: 'area' },
    { roles: STAFF, rel: 'holder' },
    { roles: 'any', rel: 'reporter' },
  ],
  read_public: [
    { roles: 'any', rel: 'neighbour' },
    { roles: STAFF_ROLES, rel: 'area' },
    { roles: STAFF, rel: 'holder' },
    { roles: 'any', rel: 'reporter' },
  ],
  pii: [{ roles: STAFF, rel: 'handling' }],
  note: [{ roles: STAFF, rel: 'holder' }],
  support: [{ roles: ['resident'], rel: 'neighbour' }],
  accept: [{ roles: STAFF, rel: 'holder' }],
  send_back: [{ roles: STAFF, rel: 'holder' }],
  resolve: [{ roles: STAFF, rel: 'holder' }],
  request_extension: [{ roles: STAFF, rel: 'holder' }],
  escalate: [{ roles: STAFF, rel: 'holder' }],
  dispatch: [{ roles: SUPERVISORS, rel: 'holder' }],
  cancel: [{ roles: SUPERVISORS, rel: 'holder' }],
  merge: [{ roles: SUPERVISORS, rel: 'holder' }],
  verify: [{ roles: SUPERVISORS, rel: 'area' }],
  approve_extension: [{ roles: SUPERVISORS, rel: 'above' }],
  reject_extension: [{ roles: SUPERVISORS, rel: 'above' }],
  supervise: [{ roles: SUPERVISORS, rel: 'area' }],
  confirm: [{ roles: 'any', rel: 'reporter' }],
  rate: [{ roles: 'any', rel: 'reporter' }],
};

function related(a: CaseActor, s: CaseSubject, rel: Rel): boolean {
  switch (rel) {
    case 'holder':
      return s.handlerCode.startsWith(a.scopeCode);
    // Handling: the holder itself, or community staff (the dispatcher) for the grids of their community.
    case 'handling':
      return a.scopeCode === s.handlerCode || (a.role === 'community_staff' && s.handlerCode.startsWith(a.scopeCode));
    case 'above':
      return (
        s.handlerCode.startsWith(a.scopeCode) && (a.scopeCode.length < s.handlerCode.length || a.scopeCode.length === 6)
      );
    case 'area':
      return (s.gridCode ?? s.communityCode).startsWith(a.scopeCode);
    case 'reporter':
      return s.reporterId !== null && s.reporterId === a.accountId;
    case 'neighbour':
      return a.scopeCode.startsWith(s.communityCode);
  }
}

/** Decides one action (regardless of the case's status). */
export function can(a: CaseActor, action: CaseAction, s: CaseSubject): boolean {
  return TABLE[action].some((r) => (r.roles === 'any' || r.roles.includes(a.role)) && related(a, s, r.rel));
}

/** The workflow actions the actor may take now (permission and status both allow). */
export function allowedActions(a: CaseActor, s: CaseSubject): ActionType[] {
  return (Object.keys(FROM) as ActionType[]).filter((t) => FROM[t].includes(s.status) && can(a, t, s));
}
