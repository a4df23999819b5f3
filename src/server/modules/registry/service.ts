/**
 * Registry use cases: load → authorise → (validate) → save with audit. Reads are presented per viewer
 * (masking, child protection). Writes use optimistic versions, so two editors never overwrite each other.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit, auditRead } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { can, type RegistryAction, type Subject } from './permissions.ts';
import { presentResident } from './present.ts';
import { validateIdNumber } from './domain/idNumber.ts';
import { bornAfterForAge, CHILD_AGE, ELDERLY_AGE, shanghaiDate } from './domain/age.ts';
import { duplicate, refused, uniqueId } from './idNumberGuard.ts';
import * as repo from './repository.ts';

export type { Ctx } from './context.ts';
import type { Ctx } from './context.ts';

/** Throws FORBIDDEN/OUT_OF_SCOPE unless the actor may act on the subject. */
export function authorize(actor: Actor, action: RegistryAction, subject: Subject): void {
  if (!can(actor, action, subject)) {
    const anywhere = can({ ...actor, scopeCode: '' }, action, { ...subject, householdId: actor.householdId });
    throw new AppError(anywhere ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  }
}

const actorRef = (a: Actor) => ({ accountId: a.accountId, role: a.role });

/** The 一老一小 counts under a place code, as of today. */
export function statsUnder(db: Kysely<Database>, code: string, now: Date) {
  const today = shanghaiDate(now);
  return repo.placeStats(db, code, bornAfterForAge(ELDERLY_AGE, today), bornAfterForAge(CHILD_AGE, today));
}

/** A place with its children and statistics. */
export async function placeDetail(ctx: Ctx, code: string) {
  const place = await repo.getPlace(ctx.db, code);
  if (!place) throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'place.read', { code });
  const children = await repo.childPlaces(ctx.db, code);
  const stats =
    can(ctx.actor, 'household.read', { code }) || ctx.actor.scopeCode.startsWith(code)
      ? await statsUnder(ctx.db, code, ctx.now)
      : null;
  return {
    place: {
      code: place.code,
      kind: place.kind,
      name: place.name,
      nameEn: place.name_en,
      parentCode: place.parent_code,
      boundary: place.boundary,
      isDemo: place.is_demo,
      properties: place.properties,
    },
    children: children.map((c) => ({ code: c.code, kind: c.kind, name: c.name, nameEn: c.name_en })),
    stats,
  };
}

/** A household with its residents, presented for the viewer. */
export async function householdDetail(ctx: Ctx, id: string) {
  const h = await repo.getHousehold(ctx.db, id);
  if (!h) throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'household.read', { code: h.grid_code ?? h.community_code, householdId: h.id });
  const today = shanghaiDate(ctx.now);
  const residents = await repo.residentsOfHousehold(ctx.db, id);
  const views = residents.map((r) => presentResident(r, ctx.actor, today, ctx.lang));
  // Staff opening a household with clear phone/ID numbers is a read of sensitive data; a resident reading their
  // own household is not someone else's data.
  const unmasked = views.filter((v) => !v.masked).length;
  if (unmasked > 0 && ctx.actor.householdId !== h.id) {
    await auditRead(ctx.db, ctx.actor, {
      entity: 'household',
      entityId: h.id,
      scopeCode: h.grid_code ?? h.community_code,
      rows: unmasked,
      ip: ctx.ip,
    });
  }
  return {
    household: {
      id: h.id,
      gridCode: h.grid_code,
      communityCode: h.community_code,
      buildingId: h.building_id,
      buildingName: h.building_name,
      unit: h.unit,
      room: h.room,
      areaM2: h.area_centi_m2 / 100,
      areaSource: h.area_source,
      ownerName: h.owner_name,
      version: h.version,
    },
    residents: views,
  };
}

/** Edits a household's unit/room/area/owner (optimistic: `version` must match). */
export async function updateHouseholdFields(
  ctx: Ctx,
  id: string,
  version: number,
  patch: {
    unit?: string;
    room?: string;
    areaM2?: number;
    areaSource?: 'register' | 'survey' | 'contract';
    ownerName?: string;
  },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.getHousehold(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    authorize(ctx.actor, 'household.write', { code: before.grid_code ?? before.community_code, householdId: id });
    const after = await repo.updateHousehold(trx, id, version, {
      ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
      ...(patch.room !== undefined ? { room: patch.room } : {}),
      ...(patch.areaM2 !== undefined ? { area_centi_m2: Math.round(patch.areaM2 * 100) } : {}),
      ...(patch.areaSource !== undefined ? { area_source: patch.areaSource } : {}),
      ...(patch.ownerName !== undefined ? { owner_name: patch.ownerName } : {}),
    });
    if (!after) throw new AppError('CONFLICT');
    await audit(trx, actorRef(ctx.actor), {
      action: 'update',
      entity: 'household',
      entityId: id,
      scopeCode: after.grid_code ?? after.community_code,
      before,
      after,
      ip: ctx.ip,
    });
    return after;
  });
}

/** Input for a new or edited resident. */
export interface ResidentInput {
  name: string;
  gender: 'male' | 'female';
  phone: string | null;
  idNumber: string | null;
  birthDate: string;
  relation: string;
  tags: string[];
}

function checkIdNumber(idNumber: string | null, today: string): string | null {
  if (idNumber === null) return null;
  const v = validateIdNumber(idNumber, today);
  if (!v.ok) throw new AppError('BAD_ID_NUMBER', { params: { reason: v.reason } });
  return idNumber.toUpperCase();
}

/** Adds a resident to a household. */
export async function addResident(ctx: Ctx, householdId: string, input: ResidentInput) {
  const today = shanghaiDate(ctx.now);
  const idNumber = checkIdNumber(input.idNumber, today);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const h = await repo.getHousehold(trx, householdId);
    if (!h) throw new AppError('NOT_FOUND');
    authorize(ctx.actor, 'resident.write', { code: h.grid_code ?? h.community_code, householdId });
    if (idNumber && (await repo.residentByIdNumber(trx, idNumber))) return duplicate(h.grid_code ?? h.community_code);
    const row = await uniqueId(
      repo.insertResident(trx, {
        id: uuidv7(ctx.now.getTime()),
        community_code: h.community_code,
        grid_code: h.grid_code,
        household_id: householdId,
        name: input.name,
        gender: input.gender,
        phone: input.phone,
        id_number: idNumber,
        birth_date: input.birthDate,
        relation: input.relation,
        tags: input.tags,
      }),
    );
    await audit(trx, actorRef(ctx.actor), {
      action: 'create',
      entity: 'resident',
      entityId: row.id,
      scopeCode: row.grid_code ?? row.community_code,
      after: row,
      ip: ctx.ip,
    });
    return presentResident(row, ctx.actor, today, ctx.lang);
  });
  return refused(ctx, result, idNumber);
}

/** Edits a resident (optimistic). */
export async function editResident(ctx: Ctx, id: string, version: number, patch: Partial<ResidentInput>) {
  const today = shanghaiDate(ctx.now);
  const idNumber = patch.idNumber === undefined ? undefined : checkIdNumber(patch.idNumber, today);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.getResident(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    authorize(ctx.actor, 'resident.write', {
      code: before.grid_code ?? before.community_code,
      householdId: before.household_id,
    });
    // The version is checked before the ID number, so a stale edit cannot ask "is this ID registered?" for free.
    if (before.version !== version) throw new AppError('CONFLICT');
    if (idNumber && idNumber !== before.id_number && (await repo.residentByIdNumber(trx, idNumber)))
      return duplicate(before.grid_code ?? before.community_code);
    const after = await uniqueId(
      repo.updateResident(trx, id, version, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.gender !== undefined ? { gender: patch.gender } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(idNumber !== undefined ? { id_number: idNumber } : {}),
        ...(patch.birthDate !== undefined ? { birth_date: patch.birthDate } : {}),
        ...(patch.relation !== undefined ? { relation: patch.relation } : {}),
        ...(patch.tags !== undefined ? { tags: patch.tags } : {}),
      }),
    );
    if (!after) throw new AppError('CONFLICT');
    await audit(trx, actorRef(ctx.actor), {
      action: 'update',
      entity: 'resident',
      entityId: id,
      scopeCode: after.grid_code ?? after.community_code,
      before,
      after,
      ip: ctx.ip,
    });
    return presentResident(after, ctx.actor, today, ctx.lang);
  });
  return refused(ctx, result, idNumber ?? null);
}

/** Removes a resident (moved away or deceased); the audit row keeps what was removed. */
export async function removeResident(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.getResident(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    authorize(ctx.actor, 'resident.write', {
      code: before.grid_code ?? before.community_code,
      householdId: before.household_id,
    });
    // The resident's own login (if any) belongs to auth: it is unbound and disabled in this transaction.
    await ctx.accounts.releaseResidentAccounts(trx, id);
    await repo.deleteResident(trx, id);
    await audit(trx, actorRef(ctx.actor), {
      action: 'delete',
      entity: 'resident',
      entityId: id,
      scopeCode: before.grid_code ?? before.community_code,
      before,
      ip: ctx.ip,
    });
  });
}
