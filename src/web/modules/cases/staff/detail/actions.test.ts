import { describe, expect, it } from 'vitest';
import type { CaseActionType } from '../../../../api/cases.ts';
import { actionBody, actionsHere, ORDER, type FormAction } from './actions.ts';

// The bodies below are what the form sent before CaseDetail was split; the server contract must not move.
describe('actionBody', () => {
  const v = { note: '  已处理  ', public: true, reason: 'money', handlerCode: '42010610100101', ok: 'no' };

  it('sends each action the fields it had, with the trimmed note and the public mark', () => {
    const expected: Record<FormAction, Record<string, unknown>> = {
      send_back: { version: 3, note: '已处理', public: true, reason: 'money' },
      cancel: { version: 3, note: '已处理', public: true, reason: 'money' },
      escalate: { version: 3, note: '已处理', public: true, reason: 'money' },
      dispatch: { version: 3, note: '已处理', public: true, handlerCode: '42010610100101' },
      verify: { version: 3, note: '已处理', public: true, ok: false },
      supervise: { version: 3, note: '已处理', public: true },
      resolve: { note: '已处理', public: true },
      request_extension: { version: 3, note: '已处理', public: true, amount: 2, unit: 'hours', reason: 'money' },
    };
    for (const [action, body] of Object.entries(expected) as [FormAction, Record<string, unknown>][]) {
      const r = actionBody(action, { ...v, amount: 2, unit: 'hours' }, 3);
      expect(r.body, action).toEqual(body);
      expect(Object.keys(r.body), action).toEqual(Object.keys(body));
    }
  });

  it('drops an empty note, and "public" without a note', () => {
    const r = actionBody('supervise', { note: '   ', public: true }, 1);
    expect(r).toEqual({ body: { version: 1 }, note: undefined, isPublic: true });
    expect(actionBody('verify', { ok: 'yes' }, 1).body).toEqual({ version: 1, ok: true });
  });
});

describe('actionsHere', () => {
  it('leaves merge, confirm and rate to other pages and keeps the rest in the order given', () => {
    const allowed: CaseActionType[] = ['rate', 'cancel', 'merge', 'accept', 'confirm'];
    expect(actionsHere(allowed)).toEqual(['cancel', 'accept']);
    expect(actionsHere(undefined)).toEqual([]);
    expect(ORDER.filter((a) => actionsHere(allowed).includes(a))).toEqual(['accept', 'cancel']);
  });
});
