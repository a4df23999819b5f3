/** Response schemas of /api/auth and /api/accounts: what the login, session and account administration answer. */
import { z } from 'zod';

/** Account roles, as the server names them. */
const roleSchema = z
  .enum(['resident', 'grid_worker', 'community_staff', 'street_staff', 'district_admin', 'shop_staff', 'auditor'])
  .meta({ id: 'Role' });

/** A place reference (district, street, community or grid). */
const placeRefSchema = z
  .object({
    code: z.string(),
    kind: z.enum(['district', 'street', 'community', 'grid']),
    name: z.string(),
    nameEn: z.string().nullable(),
  })
  .meta({ id: 'PlaceRef' });

/** The logged-in account; `csrfToken` must accompany every non-GET request. */
const sessionAccountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    residentId: z.string().nullable(),
    householdId: z.string().nullable(),
    scope: placeRefSchema,
    csrfToken: z.string(),
    /** The password was set by an administrator: only the change-password form until it is replaced. */
    mustChangePassword: z.boolean(),
    /** Elder mode (长辈版) for this person: their own choice, or on by default for residents aged 60+ or living alone. */
    elderMode: z.boolean(),
    /** Elder mode was turned on by default: ask the person once whether to keep it. */
    elderModeAsk: z.boolean(),
  })
  .meta({ id: 'Account' });

/** `{ account }`: the answer of login and /api/auth/me. */
export const accountBody = z.object({ account: sessionAccountSchema });

/** An account as its administrator sees it (a resident's phone masked outside the registry's PII scope). */
const managedAccountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    scopeCode: z.string(),
    scopeName: z.string().nullable(),
    phone: z.string().nullable(),
    disabled: z.boolean(),
    residentId: z.string().nullable(),
  })
  .meta({ id: 'ManagedAccount' });

/** GET /api/accounts: the accounts one may manage; `more` when the list was cut (narrow with `?code=`). */
export const accountListBody = z.object({ more: z.boolean(), items: z.array(managedAccountSchema) });
/** One managed account. */
export const managedAccountBody = z.object({ account: managedAccountSchema });
