import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import { allowedActions, can, type CaseAction, type CaseSubject } from './permissions.ts';

const C = '620702004006',
  G = `${C}03`,
  OTHER = '620702004007';
const scopes: Record<string, [Role, string]> = {
  reporter: ['resident', G],
  neighbour: ['resident', `${C}05`],
  far: ['resident', `${OTHER}01`],
  grid03: ['grid_worker', G],
  grid04: ['grid_worker', `${C}04`],
  staff: ['community_staff', C],
  street: ['street_staff', '620702004'],
  admin: ['district_admin', '620702'],
  auditor: ['auditor', '620702'],
  shop: ['shop_staff', C],
};
const subject = (handlerCode: string): CaseSubject => ({
  communityCode: C,
  gridCode: G,
  handlerCode,
  reporterId: 'reporter',
  status: 'dispatched',
});
const T = true,
  F = false;
// Columns: case held by the grid; case escalated to the community; case escalated to the street.
const expected: Record<string, Partial<Record<CaseAction, [boolean, boolean, boolean]>>> = {
  reporter: { read: [T, T, T], pii: [F, F, F], accept: [F, F, F], confirm: [T, T, T], support: [T, T, T] },
  neighbour: { read: [F, F, F], read_public: [T, T, T], pii: [F, F, F], support: [T, T, T], confirm: [F, F, F] },
  far: { read_public: [F, F, F], support: [F, F, F] },
  grid03: {
    read: [T, T, T],
    pii: [T, F, F],
    accept: [T, F, F],
    escalate: [T, F, F],
    dispatch: [F, F, F],
    approve_extension: [F, F, F],
  },
  grid04: { read: [F, F, F], pii: [F, F, F], accept: [F, F, F] },
  staff: {
    read: [T, T, T],
    pii: [T, T, F],
    accept: [T, T, F],
    dispatch: [T, T, F],
    approve_extension: [T, F, F],
    verify: [T, T, T],
    supervise: [T, T, T],
  },
  street: { pii: [F, F, T], approve_extension: [T, T, F], supervise: [T, T, T] },
  admin: { approve_extension: [T, T, T], accept: [T, T, T], pii: [F, F, F] },
  auditor: { read: [T, T, T], pii: [F, F, F], accept: [F, F, F] },
  shop: { read: [F, F, F], read_public: [T, T, T], support: [F, F, F] }, // public views are public
};

describe('case permissions (role × relation × holder level)', () => {
  for (const [who, actions] of Object.entries(expected)) {
    for (const [action, cols] of Object.entries(actions) as [CaseAction, boolean[]][]) {
      it(`${who} ${action}`, () => {
        const [role, scopeCode] = scopes[who]!;
        const a = { accountId: who, role, scopeCode };
        expect([G, C, '620702004'].map((h) => can(a, action, subject(h)))).toEqual(cols);
      });
    }
  }
  it('allowed actions follow the status too', () => {
    const a = { accountId: 'x', role: 'grid_worker' as Role, scopeCode: G };
    expect(allowedActions(a, subject(G))).toEqual(['accept', 'send_back', 'escalate']);
    expect(allowedActions(a, { ...subject(G), status: 'handling' })).toEqual([
      'send_back',
      'resolve',
      'request_extension',
      'escalate',
    ]);
  });
});
