/**
 * Who may use the 15-minute life circle, as a table role × action → rule. Staff of a community and above
 * read and analyse it within their scope; the same staff import networks and facilities; a resident may
 * ask for the nearest services of their own building only.
 */
import type { Role } from '../../../shared/roles.ts';

/**
 * `circle.read`: coverage, layers, walking areas, sites, what-if, report. `circle.import`: networks and facilities.
 * `circle.home`: one building's nearest services.
 */
export type CircleAction = 'circle.read' | 'circle.import' | 'circle.home';

/** What a decision needs about the actor. */
export interface CircleActor {
  role: Role;
  scopeCode: string;
  buildingId?: string | null;
}

/** The subject: a community code, and for `circle.home` the building asked about. */
export interface CircleSubject {
  code: string;
  buildingId?: string;
}

type Rule = 'none' | 'scope' | 'own_building';

const table: Record<Role, Partial<Record<CircleAction, Rule>>> = {
  resident: { 'circle.home': 'own_building' },
  grid_worker: {},
  community_staff: { 'circle.read': 'scope', 'circle.import': 'scope', 'circle.home': 'scope' },
  street_staff: { 'circle.read': 'scope', 'circle.import': 'scope', 'circle.home': 'scope' },
  district_admin: { 'circle.read': 'scope', 'circle.import': 'scope', 'circle.home': 'scope' },
  shop_staff: {},
  auditor: {},
};

/** Decides one action on one subject. */
export function canCircle(actor: CircleActor, action: CircleAction, subject: CircleSubject): boolean {
  const rule = table[actor.role][action] ?? 'none';
  switch (rule) {
    case 'none':
      return false;
    case 'scope':
      return subject.code.startsWith(actor.scopeCode);
    case 'own_building':
      return (
        subject.code.startsWith(actor.scopeCode.slice(0, 12)) &&
        !!subject.buildingId &&
        subject.buildingId === actor.buildingId
      );
  }
}

/** Whether a role has an action anywhere (menus, early refusal). */
export function circleRoleHas(role: Role, action: CircleAction): boolean {
  return (table[role][action] ?? 'none') !== 'none';
}
