/**
 * Who may do what in the registry, in one place. A decision depends on the role, the action and where the
 * subject sits in the place tree (codes are hierarchical: a grid code starts with its community code, which
 * starts with its street code, which starts with the county code).
 */
import type { Role } from '../../../shared/roles.ts';

/** Registry actions. `*.pii` = see phone/ID numbers unmasked; `resident.child` = see a child's (under 14) data. */
export type RegistryAction =
  | 'place.read'
  | 'place.write'
  | 'household.read'
  | 'household.write'
  | 'resident.read'
  | 'resident.write'
  | 'resident.pii'
  | 'resident.child'
  | 'registry.import'
  | 'registry.export'
  | 'audit.read';

/** The minimum an actor needs to carry for a decision. */
export interface ScopedActor {
  role: Role;
  scopeCode: string;
  householdId: string | null;
}

/** Where the subject is: the code of its grid (or community when it has no grid), and for people their household. */
export interface Subject {
  code: string;
  householdId?: string | null;
}

type Rule = 'none' | 'scope' | 'overlap' | 'household';

/**
 * The permission table. 'scope': the subject lies inside the actor's scope; 'overlap': either contains the
 * other (a grid worker may read the map of the community their grid is in); 'household': residents, own
 * household only.
 */
const table: Record<Role, Partial<Record<RegistryAction, Rule>>> = {
  resident: {
    'place.read': 'overlap',
    'household.read': 'household',
    'resident.read': 'household',
    'resident.pii': 'household',
    'resident.child': 'household',
  },
  grid_worker: {
    'place.read': 'overlap',
    'household.read': 'scope',
    'household.write': 'scope',
    'resident.read': 'scope',
    'resident.write': 'scope',
    'resident.pii': 'scope',
  },
  community_staff: {
    'place.read': 'overlap',
    'place.write': 'scope',
    'household.read': 'scope',
    'household.write': 'scope',
    'resident.read': 'scope',
    'resident.write': 'scope',
    'resident.pii': 'scope',
    'resident.child': 'scope',
    'registry.import': 'scope',
    'registry.export': 'scope',
  },
  street_staff: {
    'place.read': 'overlap',
    'place.write': 'scope',
    'household.read': 'scope',
    'resident.read': 'scope',
  },
  district_admin: {
    'place.read': 'overlap',
    'place.write': 'scope',
    'household.read': 'scope',
    'household.write': 'scope',
    'resident.read': 'scope',
    'resident.write': 'scope',
  },
  shop_staff: { 'place.read': 'overlap' },
  auditor: { 'place.read': 'overlap', 'household.read': 'scope', 'resident.read': 'scope', 'audit.read': 'scope' },
};

/** True when `code` lies inside the actor's scope (or is it). */
function inScope(actor: ScopedActor, code: string): boolean {
  return code.startsWith(actor.scopeCode);
}

/** Decides one action on one subject. */
export function can(actor: ScopedActor, action: RegistryAction, subject: Subject): boolean {
  const rule = table[actor.role][action] ?? 'none';
  switch (rule) {
    case 'none':
      return false;
    case 'scope':
      return inScope(actor, subject.code);
    case 'overlap':
      return inScope(actor, subject.code) || actor.scopeCode.startsWith(subject.code);
    case 'household':
      return actor.householdId !== null && subject.householdId === actor.householdId;
  }
}

/** Whether a role has an action anywhere (used to hide menu entries and to refuse early). */
export function roleHas(role: Role, action: RegistryAction): boolean {
  return (table[role][action] ?? 'none') !== 'none';
}
