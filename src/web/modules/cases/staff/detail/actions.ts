/**
 * What the staff case page knows about actions: which need a form, the order of the buttons, and the body a
 * form's values become. Pure (no React, no requests).
 */
import type { UploadFile } from 'antd';
import type { CaseActionType } from '../../../../api/cases.ts';

/** Actions that need a form (the others are one click). */
export type FormAction =
  | 'send_back'
  | 'resolve'
  | 'request_extension'
  | 'escalate'
  | 'dispatch'
  | 'verify'
  | 'supervise'
  | 'cancel';

/** Actions done with one click, without a form. */
export const ONE_CLICK: CaseActionType[] = ['accept', 'approve_extension', 'reject_extension'];

/** The order of the action buttons (the usual next step first). */
export const ORDER: CaseActionType[] = [
  'accept',
  'resolve',
  'escalate',
  'request_extension',
  'send_back',
  'dispatch',
  'verify',
  'approve_extension',
  'reject_extension',
  'supervise',
  'cancel',
];

/** The allowed actions that belong on this page: merging, confirming and rating happen elsewhere. */
export function actionsHere(allowed: CaseActionType[] | undefined): CaseActionType[] {
  return (allowed ?? []).filter((a) => a !== 'merge' && a !== 'confirm' && a !== 'rate');
}

/** The files picked in an antd Upload (kept in the browser until sent). */
export function filesOf(list: UploadFile[]): Blob[] {
  return list.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
}

/** A form's values as the action's body, plus the trimmed note and whether it is a public reply. */
export function actionBody(
  action: FormAction,
  v: Record<string, unknown>,
  version: number | undefined,
): { body: Record<string, unknown>; note: string | undefined; isPublic: boolean } {
  const note = typeof v.note === 'string' && v.note.trim() ? v.note.trim() : undefined;
  const body: Record<string, unknown> = { version };
  const isPublic = v.public === true;
  if (note) body.note = note;
  if (note && isPublic) body.public = true;
  // "resolve" goes without a version: the photo note sent just before it may already have changed the case.
  if (action === 'resolve') delete body.version;
  if (action === 'send_back' || action === 'cancel' || action === 'escalate') body.reason = v.reason;
  if (action === 'dispatch') body.handlerCode = v.handlerCode;
  if (action === 'verify') body.ok = v.ok === 'yes';
  if (action === 'request_extension') {
    body.amount = v.amount;
    body.unit = v.unit;
    body.reason = v.reason;
  }
  return { body, note, isPublic };
}
