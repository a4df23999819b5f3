/**
 * "A session ended" on the event bus, so that whatever lives on a session — an open SSE stream, on this
 * instance or another — ends with it (logout, password change, account disabled).
 */
import type { BusEvent, EventBus } from './bus.ts';

/** Topic of the event. */
const SESSION_END = 'session_end';

/** Which sessions ended: one (`sessionId`), or every session of the account except `exceptSessionId`. */
export interface SessionEnd {
  accountId: string;
  sessionId?: string;
  exceptSessionId?: string;
}

/** Announces ended sessions (after the sessions rows were deleted and committed). */
export async function publishSessionEnd(bus: EventBus | undefined, s: SessionEnd): Promise<void> {
  await bus?.publish({ topic: SESSION_END, ...s });
}

/** Whether `e` ends the session `sessionId` of account `accountId`. */
export function endsSession(e: BusEvent, accountId: string, sessionId: string): boolean {
  if (e.topic !== SESSION_END || e.accountId !== accountId) return false;
  if (typeof e.sessionId === 'string') return e.sessionId === sessionId;
  return e.exceptSessionId !== sessionId;
}
