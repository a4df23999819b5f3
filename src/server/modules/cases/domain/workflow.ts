/**
 * The case workflow as a pure state machine:
 * 立案 → 派遣 → 签收 → 处置 → 反馈 → 核查结案 → 评价, with 回退, 延期
 * (request/approve/reject), 返工, 督办, 上报 (escalation), merge and cancel. `decide` takes the current state, an
 * action and the time context and returns the next state and the event to record, or a refusal value with a stable
 * code. Who may ask for which action is decided in ../permissions.ts.
 */
import { deadline, type Limit, type WorkCalendar } from './calendar.ts';
import { handlerFor, nextLevel, type Level } from './levels.ts';

export { STATUSES, type Status } from './status.ts';
import { OPEN_STATUSES, type Status } from './status.ts';
/** Statuses that still need work (the list of status.ts under its old name). */
export const OPEN: readonly Status[] = OPEN_STATUSES;

/** Why a case went up a level. */
export type EscalationReason = 'coordination' | 'money' | 'overdue_accept' | 'overdue_resolve';

/** Everything the rules need to know about a case. */
export interface CaseState {
  status: Status;
  /** The community the case belongs to (fixed). */
  communityCode: string;
  level: Level;
  handlerCode: string;
  acceptBy: Date | null;
  resolveBy: Date;
  supervised: boolean;
  pendingExtension: { amount: number; unit: Limit['unit']; reason: string } | null;
  reworkCount: number;
  extensionCount: number;
  escalationCount: number;
  acceptedAt: Date | null;
  acceptedOnTime: boolean | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closedOnTime: boolean | null;
  rating: number | null;
  mergedInto: string | null;
}

/** Every action. */
export type Action =
  | { type: 'dispatch'; handlerCode: string }
  | { type: 'accept' }
  | { type: 'send_back'; reason: string }
  | { type: 'resolve' }
  | { type: 'verify'; ok: boolean }
  | { type: 'confirm'; fixed: boolean }
  | { type: 'rate'; score: number }
  | { type: 'request_extension'; amount: number; unit: Limit['unit']; reason: string }
  | { type: 'approve_extension' }
  | { type: 'reject_extension' }
  | { type: 'escalate'; reason: EscalationReason }
  | { type: 'supervise' }
  | { type: 'merge'; intoId: string }
  | { type: 'cancel'; reason: string };

/** Names of the actions. */
export type ActionType = Action['type'];
export const ACTIONS: readonly ActionType[] = [
  'dispatch',
  'accept',
  'send_back',
  'resolve',
  'verify',
  'confirm',
  'rate',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'escalate',
  'supervise',
  'merge',
  'cancel',
];

/** Refusal codes (mapped to localised 409/400 errors by the service). */
type RefusalCode =
  | 'CASE_ILLEGAL_TRANSITION'
  | 'CASE_TOP_LEVEL'
  | 'CASE_EXTENSION_PENDING'
  | 'CASE_NO_EXTENSION'
  | 'CASE_BAD_TARGET'
  | 'CASE_BAD_RATING';

/** The outcome of `decide`. */
export type Decision = { ok: true; state: CaseState } | { ok: false; code: RefusalCode };

/** Time and class context of a decision. */
export interface DecideCtx {
  now: Date;
  cal: WorkCalendar;
  acceptLimit: Limit;
  resolveLimit: Limit;
}

/** The statuses from which each action is legal. */
export const FROM: Readonly<Record<ActionType, readonly Status[]>> = {
  dispatch: ['registered', 'dispatched', 'handling'],
  accept: ['dispatched'],
  send_back: ['dispatched', 'handling'],
  resolve: ['handling'],
  verify: ['resolved'],
  confirm: ['resolved'],
  rate: ['closed'],
  request_extension: ['handling'],
  approve_extension: ['handling'],
  reject_extension: ['handling'],
  escalate: ['registered', 'dispatched', 'handling'],
  supervise: ['registered', 'dispatched', 'handling', 'resolved'],
  merge: ['registered', 'dispatched', 'handling'],
  cancel: ['registered', 'dispatched', 'handling'],
};

/** The first state of a new case: dispatched to its grid, or registered in the community inbox. */
export function openCase(ctx: DecideCtx, gridCode: string | null, communityCode: string): CaseState {
  return {
    status: gridCode ? 'dispatched' : 'registered',
    communityCode,
    level: gridCode ? 'grid' : 'community',
    handlerCode: gridCode ?? communityCode,
    acceptBy: deadline(ctx.cal, ctx.now, ctx.acceptLimit),
    resolveBy: deadline(ctx.cal, ctx.now, ctx.resolveLimit),
    supervised: false,
    pendingExtension: null,
    reworkCount: 0,
    extensionCount: 0,
    escalationCount: 0,
    acceptedAt: null,
    acceptedOnTime: null,
    resolvedAt: null,
    closedAt: null,
    closedOnTime: null,
    rating: null,
    mergedInto: null,
  };
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** Applies an action to a state. Pure: the same input always gives the same output. */
export function decide(s: CaseState, a: Action, ctx: DecideCtx): Decision {
  if (!FROM[a.type].includes(s.status)) return { ok: false, code: 'CASE_ILLEGAL_TRANSITION' };
  const now = ctx.now;
  const acceptBy = () => deadline(ctx.cal, now, ctx.acceptLimit);
  const ok = (patch: Partial<CaseState>): Decision => ({ ok: true, state: { ...s, ...patch } });
  const close = (): Decision =>
    ok({ status: 'closed', closedAt: now, closedOnTime: (s.resolvedAt ?? now).getTime() <= s.resolveBy.getTime() });
  const rework = (): Decision => ok({ status: 'handling', reworkCount: s.reworkCount + 1, resolvedAt: null });
  switch (a.type) {
    case 'dispatch': {
      const level = handlerFor(a.handlerCode);
      const related = a.handlerCode.startsWith(s.communityCode) || s.communityCode.startsWith(a.handlerCode);
      if (!level || !related) return { ok: false, code: 'CASE_BAD_TARGET' };
      return ok({
        status: 'dispatched',
        level,
        handlerCode: a.handlerCode,
        acceptBy: acceptBy(),
        pendingExtension: null,
      });
    }
    case 'accept':
      return ok({
        status: 'handling',
        acceptBy: null,
        acceptedAt: s.acceptedAt ?? now,
        acceptedOnTime: s.acceptedOnTime ?? (s.acceptBy === null || now.getTime() <= s.acceptBy.getTime()),
      });
    case 'send_back': {
      // 回退 goes one step down: a grid returns the case to the community inbox for re-dispatch; a street or
      // district hands it back to the level below as a dispatched case. The community itself cannot send back.
      if (s.level === 'community') return { ok: false, code: 'CASE_ILLEGAL_TRANSITION' };
      if (s.level === 'grid')
        return ok({
          status: 'registered',
          level: 'community',
          handlerCode: s.communityCode,
          acceptBy: acceptBy(),
          pendingExtension: null,
        });
      const level: Level = s.level === 'street' ? 'community' : 'street';
      return ok({
        status: 'dispatched',
        level,
        handlerCode: handlerCodeAt(s.communityCode, level),
        acceptBy: acceptBy(),
        pendingExtension: null,
      });
    }
    case 'resolve':
      return ok({ status: 'resolved', resolvedAt: now, pendingExtension: null });
    case 'verify':
      return a.ok ? close() : rework();
    case 'confirm':
      return a.fixed ? close() : rework();
    case 'rate':
      if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) return { ok: false, code: 'CASE_BAD_RATING' };
      return ok({ status: 'evaluated', rating: a.score });
    case 'request_extension':
      if (s.pendingExtension) return { ok: false, code: 'CASE_EXTENSION_PENDING' };
      if (!(a.amount > 0)) return { ok: false, code: 'CASE_BAD_TARGET' };
      return ok({ pendingExtension: { amount: a.amount, unit: a.unit, reason: a.reason } });
    case 'approve_extension': {
      const p = s.pendingExtension;
      if (!p) return { ok: false, code: 'CASE_NO_EXTENSION' };
      return ok({
        pendingExtension: null,
        extensionCount: s.extensionCount + 1,
        resolveBy: deadline(ctx.cal, later(s.resolveBy, now), { amount: p.amount, unit: p.unit }),
      });
    }
    case 'reject_extension':
      return s.pendingExtension ? ok({ pendingExtension: null }) : { ok: false, code: 'CASE_NO_EXTENSION' };
    case 'escalate': {
      const level = nextLevel(s.level);
      if (!level) return { ok: false, code: 'CASE_TOP_LEVEL' };
      return ok({
        status: 'dispatched',
        level,
        handlerCode: handlerCodeAt(s.communityCode, level),
        acceptBy: acceptBy(),
        pendingExtension: null,
        resolveBy: later(s.resolveBy, deadline(ctx.cal, now, ctx.resolveLimit)),
        escalationCount: s.escalationCount + 1,
      });
    }
    case 'supervise':
      return ok({ supervised: true });
    case 'merge':
      return ok({ status: 'merged', mergedInto: a.intoId, acceptBy: null, pendingExtension: null });
    case 'cancel':
      return ok({ status: 'cancelled', acceptBy: null, pendingExtension: null });
  }
}

/** The code of the holder at `level` above a code (grid 14/15 → community 12 → street 9 → district 6). */
function handlerCodeAt(code: string, level: Level): string {
  return code.slice(0, { grid: code.length, community: 12, street: 9, district: 6 }[level]);
}

/** The automatic escalation a state is due for at `now`, if any (never above the district). */
export function dueEscalation(s: CaseState, now: Date): EscalationReason | null {
  if (s.level === 'district') return null;
  if ((s.status === 'registered' || s.status === 'dispatched') && s.acceptBy && s.acceptBy.getTime() <= now.getTime())
    return 'overdue_accept';
  if (s.status === 'handling' && s.resolveBy.getTime() <= now.getTime()) return 'overdue_resolve';
  return null;
}

/** True while a case is open and one of its live deadlines has passed. */
export function isOverdue(s: Pick<CaseState, 'status' | 'acceptBy' | 'resolveBy'>, now: Date): boolean {
  if (!OPEN.includes(s.status)) return false;
  if ((s.status === 'registered' || s.status === 'dispatched') && s.acceptBy && s.acceptBy.getTime() <= now.getTime())
    return true;
  return s.status !== 'resolved' && s.resolveBy.getTime() <= now.getTime();
}
