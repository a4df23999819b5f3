/** Case statuses: their own small file, so that the web can share the list without the workflow's code. */

/** Every case status, in workflow order: the one list the server, the web and the tests share. */
export const STATUSES = [
  'registered',
  'dispatched',
  'handling',
  'resolved',
  'closed',
  'evaluated',
  'cancelled',
  'merged',
] as const;

/** Case status. `closed`, `evaluated`, `cancelled`, `merged` are final for the handlers. */
export type Status = (typeof STATUSES)[number];

/** Statuses that still need work: open for the handlers, including resolved cases awaiting the check. */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'dispatched', 'handling', 'resolved'];

/** Open and not yet resolved: the work queues, overdue lists and repeat-report checks. */
export const UNRESOLVED_STATUSES: readonly Status[] = ['registered', 'dispatched', 'handling'];

/** Closed after the check (with or without the reporter's evaluation): what the metrics count as closed. */
export const CLOSED_STATUSES: readonly Status[] = ['closed', 'evaluated'];
