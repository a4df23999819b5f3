/**
 * Who may do what in a consultation, in one table. Relations: 'area' — staff whose scope code is a prefix of the
 * topic's community (or of its grid, for a grid worker); 'member' — a resident whose home lies in the topic's scope.
 */
/** Account roles (as in the accounts table; kept here so this table stays pure). */
type Role =
  | 'resident'
  | 'grid_worker'
  | 'community_staff'
  | 'street_staff'
  | 'district_admin'
  | 'shop_staff'
  | 'auditor';

/** Actions on a topic and its votes and project. */
export type ConsultAction =
  | 'read'
  | 'raise'
  | 'manage'
  | 'comment'
  | 'support'
  | 'vote_online'
  | 'vote_paper'
  | 'open_vote'
  | 'close_vote'
  | 'project';

type Rel = 'area' | 'member';
const STAFF: readonly Role[] = ['grid_worker', 'community_staff', 'street_staff', 'district_admin'];
const MANAGERS: readonly Role[] = ['community_staff', 'street_staff', 'district_admin'];

const TABLE: Record<ConsultAction, { roles: readonly Role[]; rel: Rel }[]> = {
  read: [
    { roles: [...STAFF, 'auditor'], rel: 'area' },
    { roles: ['resident'], rel: 'member' },
  ],
  raise: [
    { roles: MANAGERS, rel: 'area' },
    { roles: ['resident'], rel: 'member' },
  ],
  manage: [{ roles: MANAGERS, rel: 'area' }],
  comment: [
    { roles: STAFF, rel: 'area' },
    { roles: ['resident'], rel: 'member' },
  ],
  support: [{ roles: ['resident'], rel: 'member' }],
  vote_online: [{ roles: ['resident'], rel: 'member' }],
  vote_paper: [{ roles: MANAGERS, rel: 'area' }],
  open_vote: [{ roles: MANAGERS, rel: 'area' }],
  close_vote: [{ roles: MANAGERS, rel: 'area' }],
  project: [{ roles: MANAGERS, rel: 'area' }],
};

/** What a decision looks at. */
export interface ConsultSubject {
  communityCode: string;
  /** The topic's grid when its scope is a grid (lets that grid's worker in), else null. */
  gridCode: string | null;
  /** Whether the acting resident's home lies in the topic's scope. */
  member: boolean;
}

/** Whether `actor` may do `action` on `subject`. */
export function can(actor: { role: Role; scopeCode: string }, action: ConsultAction, subject: ConsultSubject): boolean {
  return TABLE[action].some((rule) => {
    if (!rule.roles.includes(actor.role)) return false;
    if (rule.rel === 'member') return subject.member;
    if (actor.role === 'grid_worker') return subject.gridCode?.startsWith(actor.scopeCode);
    return subject.communityCode.startsWith(actor.scopeCode);
  });
}
