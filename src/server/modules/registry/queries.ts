/** Read-side use cases of the registry: the map layers, a grid's card, lists and searches, the audit log. */
import type { Geometry } from 'geojson';
import { AppError } from '../../platform/errors.ts';
import { cursorText, cursorUuid, decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { auditRead, READ_ACTION } from '../../platform/audit.ts';
import { can } from './permissions.ts';
import { presentResident } from './present.ts';
import { presentAuditEntry } from './presentAudit.ts';
import { authorize, statsUnder, type Ctx } from './service.ts';
import { bornAfterForAge, CHILD_AGE, shanghaiDate } from './domain/age.ts';
import { maskIdNumber, maskPhone } from '../../../shared/mask.ts';
import * as repo from './repository.ts';

function fc<F>(features: F[]) {
  return { type: 'FeatureCollection' as const, features };
}
function feature<P>(geometry: Geometry, properties: P) {
  return { type: 'Feature' as const, geometry, properties };
}

/** GeoJSON layers of a community: boundary, grids (with worker names), compounds, buildings, roads, facilities. */
export async function communityMap(ctx: Ctx, code: string) {
  const place = await repo.getPlace(ctx.db, code);
  if (place?.kind !== 'community') throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'place.read', { code });
  const [grids, workers, compounds, buildings, roads, facilities] = await Promise.all([
    repo.placesUnder(ctx.db, code, 'grid'),
    ctx.accounts.gridWorkersUnder(ctx.db, code),
    repo.compoundsUnder(ctx.db, code),
    repo.buildingsOfCommunity(ctx.db, code),
    repo.roadsOfCommunity(ctx.db, code),
    repo.facilitiesOfCommunity(ctx.db, code),
  ]);
  const workerOf = new Map(workers.map((w) => [w.scope_code, w.display_name]));
  return {
    community: { code: place.code, name: place.name, nameEn: place.name_en, isDemo: place.is_demo },
    boundary: place.boundary ? feature(place.boundary, { code: place.code, name: place.name }) : null,
    grids: fc(
      grids
        .filter((g) => g.boundary)
        .map((g) =>
          feature(g.boundary!, {
            code: g.code,
            name: g.name,
            seq: Number(g.code.slice(12)),
            workerName: workerOf.get(g.code) ?? null,
          }),
        ),
    ),
    compounds: fc(
      compounds
        .filter((c) => c.boundary)
        .map((c) =>
          feature(c.boundary!, {
            id: c.id,
            name: c.name,
            gridCode: c.grid_code,
            formerSanwu: c.former_sanwu,
            noPropertyManager: c.no_property_manager,
            noResponsibleBody: c.no_responsible_body,
            noOwnersCommittee: c.no_owners_committee,
            propertyManager: c.property_manager,
          }),
        ),
    ),
    buildings: fc(
      buildings.map((b) =>
        feature(b.footprint ?? { type: 'Point', coordinates: [b.lon, b.lat] }, {
          id: b.id,
          name: b.name,
          floors: b.floors,
          compoundId: b.compound_id,
          gridCode: b.grid_code,
          use: b.use,
        }),
      ),
    ),
    roads: fc(roads.map((r) => feature(r.line, { name: r.name, highway: r.highway }))),
    facilities: fc(
      facilities.map((f) =>
        feature({ type: 'Point', coordinates: [f.lon, f.lat] }, { id: f.id, category: f.category, name: f.name }),
      ),
    ),
  };
}

/** A grid's card: boundary, workers (work contact), 一老一小 statistics, compounds. */
export async function gridDetail(ctx: Ctx, code: string) {
  const g = await repo.getPlace(ctx.db, code);
  if (g?.kind !== 'grid') throw new AppError('NOT_FOUND');
  authorize(ctx.actor, 'place.read', { code });
  const [workers, compounds] = await Promise.all([
    ctx.accounts.gridWorkers(ctx.db, code),
    repo.compoundsUnder(ctx.db, code),
  ]);
  const stats = can(ctx.actor, 'household.read', { code }) ? await statsUnder(ctx.db, code, ctx.now) : null;
  return {
    grid: { code: g.code, name: g.name, nameEn: g.name_en, boundary: g.boundary, communityCode: g.parent_code },
    workers: workers.map((w) => ({ displayName: w.display_name, phone: w.phone })),
    stats,
    compounds: compounds.map((c) => ({
      id: c.id,
      name: c.name,
      formerSanwu: c.former_sanwu,
      noPropertyManager: c.no_property_manager,
      noResponsibleBody: c.no_responsible_body,
      noOwnersCommittee: c.no_owners_committee,
      propertyManager: c.property_manager,
      note: c.note,
    })),
  };
}

/** Households under a grid/community code, one page: `{ items, nextCursor, total }`. */
export async function households(
  ctx: Ctx,
  code: string,
  q: string | undefined,
  cursor: string | undefined,
  pageSize: number,
) {
  authorize(ctx.actor, 'household.read', { code, householdId: null });
  const k = cursor ? decodeCursor(cursor, 4) : null;
  const after: [string, string, string, string] | null = k
    ? [cursorText(k[0]), cursorText(k[1]), cursorText(k[2]), cursorUuid(k[3])]
    : null;
  const r = await repo.listHouseholds(ctx.db, code, q, after, pageSize);
  const page = pageOf(r.items, pageSize, (h) => [h.building_name ?? '', h.unit, h.room, h.id]);
  return {
    total: r.total,
    nextCursor: page.nextCursor,
    items: page.rows.map((h) => ({
      id: h.id,
      gridCode: h.grid_code,
      buildingName: h.building_name,
      unit: h.unit,
      room: h.room,
      areaM2: h.area_centi_m2 / 100,
      ownerName: h.owner_name,
      residents: Number(h.residents),
    })),
  };
}

function residentAfter(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [name, id] = decodeCursor(cursor, 2);
  return [cursorText(name), cursorUuid(id)];
}

/**
 * Resident search under a code (defaults to the actor's scope). Only PII-entitled roles may search by ID/phone.
 * Visibility rules apply before matching: a viewer not entitled to children's data never matches a child.
 * A page that shows unmasked phone/ID numbers, and every search by a number, is recorded as a read.
 * One keyset page in (name, id) order: `{ items, nextCursor, total }`.
 */
export async function searchResidents(
  ctx: Ctx,
  o: {
    code?: string | undefined;
    q?: string | undefined;
    tag?: string | undefined;
    cursor?: string | undefined;
    pageSize: number;
  },
) {
  const code = o.code ?? ctx.actor.scopeCode;
  authorize(ctx.actor, 'resident.read', { code, householdId: null });
  const byPii = can(ctx.actor, 'resident.pii', { code });
  const today = shanghaiDate(ctx.now);
  // The search code lies inside the actor's scope (authorised above), so one decision holds for every row.
  const seesChildren = can(ctx.actor, 'resident.child', { code });
  const r = await repo.searchResidents(ctx.db, {
    code,
    q: o.q,
    tag: o.tag,
    byPii,
    childBornAfter: seesChildren ? null : bornAfterForAge(CHILD_AGE, today),
    after: residentAfter(o.cursor),
    limit: o.pageSize,
  });
  const page = pageOf(r.rows, o.pageSize, (row) => [row.name, row.id]);
  const items = page.rows.map((row) => ({
    ...presentResident(row, ctx.actor, today, ctx.lang),
    address: [row.building_name, row.unit, row.room].filter(Boolean).join(' '),
  }));
  const q = o.q?.trim() ?? '';
  const byNumber = /^\d{4,}[\dXx]?$/.test(q);
  const unmasked = items.filter((x) => !x.masked).length;
  if (unmasked > 0 || byNumber) {
    await auditRead(ctx.db, ctx.actor, {
      entity: 'resident',
      scopeCode: code,
      rows: unmasked,
      query: { q: byNumber ? maskQuery(q) : q, tag: o.tag ?? null, cursor: o.cursor ?? null, matched: r.total },
      ip: ctx.ip,
    });
  }
  return { total: r.total, nextCursor: page.nextCursor, items };
}

/** A number typed into a search, as the audit log keeps it: an ID number or phone masked. */
function maskQuery(q: string): string {
  return q.length >= 15 ? maskIdNumber(q) : maskPhone(q);
}

/** The audit log under the actor's scope (auditors); `kind: 'read'` keeps the reads of personal data. */
export async function auditLog(
  ctx: Ctx,
  o: {
    code?: string | undefined;
    entity?: string | undefined;
    kind?: 'read' | 'write' | undefined;
    cursor?: string | undefined;
    pageSize: number;
  },
) {
  const code = o.code ?? ctx.actor.scopeCode;
  authorize(ctx.actor, 'audit.read', { code });
  const before = o.cursor ? cursorText(decodeCursor(o.cursor, 1)[0]) : null;
  if (before !== null && !/^\d{1,18}$/.test(before)) throw new AppError('BAD_CURSOR');
  const r = await repo.listAudit(ctx.db, { code, entity: o.entity, kind: o.kind, beforeId: before, limit: o.pageSize });
  const page = pageOf(r.items, o.pageSize, (e) => [String(e.id)]);
  return {
    total: r.total,
    nextCursor: page.nextCursor,
    items: page.rows.map((e) => presentAuditEntry(e, READ_ACTION)),
  };
}
