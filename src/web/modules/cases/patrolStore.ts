/** The running patrol, remembered across reloads (a tiny module so the report page can read it without antd). */
import type { Patrol } from '../../api/cases.ts';

const KEY = 'linli_patrol';

/** The running patrol, if any. */
export function runningPatrol(): Patrol | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Patrol | null;
  } catch {
    return null;
  }
}

/** Remember (or forget, with null) the running patrol. */
export function setRunningPatrol(p: Patrol | null): void {
  try {
    if (p) localStorage.setItem(KEY, JSON.stringify(p));
    else localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
