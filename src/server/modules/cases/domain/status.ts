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
