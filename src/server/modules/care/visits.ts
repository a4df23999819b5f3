/**
 * Visits: recorded on the phone by a person's carers (time from the server clock, the GPS point, what was
 * found, the follow-up), read by staff in scope, and a finding turned into a case in one tap (the case records
 * the visit, the visit records the case, in one transaction). Also the carers shown on a case (一键求助).
 */
import { audit, auditRead } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { insideChina, toWgs84, validLonLat, type Crs } from '../../../shared/geo/crs.ts';
import { maskName } from '../../../shared/mask.ts';
import { accountBriefs } from '../auth/index.ts';
import { caseForReader, openLinkedCase } from '../cases/index.ts';
import { residentHomes } from '../registry/index.ts';
import { actorOf, authorizePerson, factsOf, seesInFull, type CareCtx, type Who } from './context.ts';
import { careTagsOf } from './domain/plan.ts';
import { can } from './permissions.ts';
import { presentCarer, presentPerson, presentVisit } from './present.ts';
import * as repo from './repository.ts';
import { carersOfPerson } from './service.ts';

/** A visit as recorded on the phone. */
export interface VisitInput {
  lon: number;
  lat: number;
  crs?: Crs | undefined;
  found: string;
  followUp?: string | undefined;
  problem?: boolean | undefined;
}

/**
 * Records a visit. A grid worker may record visits only for people living in their grid as the register says
 * now (CARE_OUTSIDE_GRID otherwise); others only for people they are assigned to (CARE_NOT_CARER).
 */
export async function recordVisit(ctx: CareCtx, who: Who, residentId: string, input: VisitInput) {
  const actor = actorOf(who);
  const now = ctx.clock();
  const row = await repo.getSubject(ctx.db, residentId);
  if (!row) throw new AppError(actor.role === 'grid_worker' ? 'CARE_OUTSIDE_GRID' : 'NOT_FOUND');
  const home = (await residentHomes(ctx.db, [residentId], now)).get(residentId);
  if (!home) throw new AppError('CARE_NOT_ON_LIST');
  if (home.gridCode !== row.grid_code) {
    // the person moved in the register since the list was refreshed: the copy follows the register
    await repo.setGrid(ctx.db, residentId, home.gridCode);
    row.grid_code = home.gridCode;
  }
  if (actor.role === 'grid_worker' && row.grid_code !== actor.scopeCode) throw new AppError('CARE_OUTSIDE_GRID');
  const facts = await factsOf(ctx, actor, row);
  if (!can(actor, 'visit', facts)) throw new AppError(can(actor, 'read', facts) ? 'CARE_NOT_CARER' : 'NOT_FOUND');
  if (!row.active) throw new AppError('CARE_NOT_ON_LIST');
  if (!validLonLat(input.lon, input.lat) || !insideChina(input.lon, input.lat)) throw new AppError('BAD_COORDINATES');
  const [lon, lat] = toWgs84(input.lon, input.lat, input.crs ?? 'wgs84');
  const id = uuidv7(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockSubject(trx, residentId);
    await repo.insertVisit(trx, {
      id,
      resident_id: residentId,
      community_code: row.community_code,
      grid_code: row.grid_code,
      visitor_id: actor.accountId,
      visitor_role: actor.role,
      visitor_name: actor.displayName,
      visited_at: now,
      lon,
      lat,
      found: input.found,
      follow_up: input.followUp ?? null,
      problem: input.problem ?? false,
      case_id: null,
      created_at: now,
    });
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      {
        action: 'care.visit',
        entity: 'care_visit',
        entityId: id,
        scopeCode: row.grid_code ?? row.community_code,
        after: { residentId, problem: input.problem ?? false },
        ip: who.ip,
      },
    );
  });
  return visit(ctx, who, id);
}

/** One visit with the person it was for. */
export async function visit(ctx: CareCtx, who: Who, visitId: string) {
  const v = await repo.getVisit(ctx.db, visitId);
  if (!v) throw new AppError('NOT_FOUND');
  const { actor, row, facts } = await authorizePerson(ctx, who, v.resident_id, 'read');
  const full = seesInFull(actor, facts, row.tags);
  const now = ctx.clock();
  const home = (await residentHomes(ctx.db, [row.resident_id], now)).get(row.resident_id);
  return {
    visit: presentVisit(v, full),
    person: presentPerson(row, home, full, now),
    may: { toCase: can(actor, 'visit', facts) && v.case_id === null },
  };
}

/**
 * Turns a visit's finding into a case (one tap). Twice, or by two carers at once, gives the same one case: the
 * visit row is locked in the transaction that files the case and records its id on the visit.
 */
export async function visitToCase(
  ctx: CareCtx,
  who: Who,
  visitId: string,
  input: { categoryCode: string; description?: string | undefined },
) {
  const v = await repo.getVisit(ctx.db, visitId);
  if (!v) throw new AppError('NOT_FOUND');
  const { actor, row } = await authorizePerson(ctx, who, v.resident_id, 'visit');
  const home = (await residentHomes(ctx.db, [row.resident_id], ctx.clock())).get(row.resident_id);
  const lon = v.lon ?? home?.lon;
  const lat = v.lat ?? home?.lat;
  if (lon === null || lon === undefined || lat === null || lat === undefined)
    throw new AppError('CASE_LOCATION_REQUIRED');
  const { caseId, replayed } = await openLinkedCase(
    ctx.cases(),
    who,
    {
      categoryCode: input.categoryCode,
      description: input.description?.trim() || v.found,
      lon,
      lat,
      address: home?.address,
      attributes: { careVisit: v.id },
    },
    async (trx) => (await repo.lockVisit(trx, visitId))?.case_id ?? null,
    async (trx, id) => {
      await repo.setVisitCase(trx, visitId, id);
      await audit(
        trx,
        { accountId: actor.accountId, role: actor.role },
        {
          action: 'care.visit.case',
          entity: 'care_visit',
          entityId: visitId,
          scopeCode: row.grid_code ?? row.community_code,
          after: { caseId: id },
          ip: who.ip,
        },
      );
    },
  );
  return { caseId, replayed };
}

/**
 * The care side of a case: when its reporter (or the person a visit was for) is on the care list, that person's
 * carers, and the visit the case was opened from. Only for someone who may read the case (cases decides).
 */
export async function caseCarers(ctx: CareCtx, who: Who, caseId: string) {
  const actor = actorOf(who);
  const c = await caseForReader(ctx.db, actor, caseId);
  const v = await repo.visitOfCase(ctx.db, caseId);
  const reporter = c.reporterAccountId ? (await accountBriefs(ctx.db, { ids: [c.reporterAccountId] }))[0] : undefined;
  const residentId = reporter?.residentId ?? v?.resident_id ?? null;
  const row = residentId ? await repo.getSubject(ctx.db, residentId) : undefined;
  const visitLink = v
    ? { id: v.id, visitedAt: new Date(v.visited_at).toISOString(), visitorName: v.visitor_name }
    : null;
  if (!row?.active || row.community_code !== c.communityCode)
    return { onCareList: false, person: null, carers: [], visit: visitLink };
  const home = (await residentHomes(ctx.db, [row.resident_id], ctx.clock())).get(row.resident_id);
  const carers = await carersOfPerson(ctx, row);
  await auditRead(
    ctx.db,
    { accountId: actor.accountId, role: actor.role },
    { entity: 'care.case_carers', entityId: caseId, scopeCode: c.gridCode ?? c.communityCode, rows: 1, ip: who.ip },
  );
  const facts = await factsOf(ctx, actor, row);
  const full = actor.role !== 'resident' || seesInFull(actor, facts, row.tags) || reporter?.id === actor.accountId;
  return {
    onCareList: true,
    person: { name: maskName(home?.name ?? '') || '*', tags: careTagsOf(row.tags) },
    carers: carers.map((x) => presentCarer(x, full)),
    visit: visitLink,
  };
}
