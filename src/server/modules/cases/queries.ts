/** Read models: one case, history, lists, queue, map points, overdue, my cases, notifications, duplicates, metrics. */
import { AppError } from '../../platform/errors.ts';
import { cursorText, cursorUuid, decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { auditRead } from '../../platform/audit.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { boxAround, findDuplicates } from './domain/duplicates.ts';
import { withRates, DEFINITIONS, INBOX_SUFFIX } from './domain/metrics.ts';
import type { Status } from './domain/workflow.ts';
import type { CasesModule, Who } from './module.ts';
import { can } from './permissions.ts';
import { presentCase, publicView, subjectOf, caseNo, seesInternalNotes } from './present.ts';
import { authorizeCase, wgs84Of } from './service.ts';
import * as repo from './repository.ts';
import type { CaseFilter, CaseRow } from './repository.ts';
import type { Crs } from '../../../shared/geo/crs.ts';
import { placeNames } from '../registry/index.ts';
import { isStaffRole } from '../../../shared/roles.ts';

/**
 * Presents rows for a viewer (full view; callers have checked read access). Showing reporters' names and
 * phones to anyone but the reporter is a read of personal data and is recorded in the audit log.
 */
export async function present(m: CasesModule, who: Who, rows: CaseRow[]) {
  const ids = rows.map((r) => r.id);
  const [counts, photos] = await Promise.all([repo.supporterCounts(m.db, ids), repo.photoIdsOf(m.db, ids)]);
  const now = m.clock();
  const views = rows.map((r) =>
    presentCase(r, who.actor, now, {
      supporters: counts.get(r.id) ?? 0,
      photoIds: photos.filter((p) => p.case_id === r.id).map((p) => p.id),
      category: m.category(r.category_code),
      lang: who.lang,
    }),
  );
  const shown = views.filter((v) => v.reporter !== null && !v.mine);
  const one = shown.length === 1 ? shown[0] : undefined;
  if (who.actor && shown.length > 0) {
    await auditRead(m.db, who.actor, {
      entity: 'case.reporter',
      entityId: one?.id ?? null,
      scopeCode: one ? (one.gridCode ?? one.communityCode) : who.actor.scopeCode,
      rows: shown.length,
      ip: who.ip,
    });
  }
  return views;
}

/**
 * The view of a case this request has just created: nothing to read back — a brand-new case has no supporters
 * and its photos are the ones just stored (`photoIds`, in id order as {@link repo.photoIdsOf} returns them).
 */
export function presentCreated(m: CasesModule, who: Who, row: CaseRow, photoIds: string[]) {
  return presentCase(row, who.actor, m.clock(), {
    supporters: 0,
    photoIds,
    category: m.category(row.category_code),
    lang: who.lang,
  });
}

/** One case: full view for staff and the reporter, public view for neighbours. */
export async function caseDetail(m: CasesModule, who: Who, id: string) {
  const r = await repo.getCase(m.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  if (who.actor && can(who.actor, 'read', subjectOf(r))) return (await present(m, who, [r]))[0]!;
  authorizeCase(who.actor, 'read_public', r);
  // Sensitive classes (one-press help …) have no public view: neighbours do not learn of them.
  if (m.category(r.category_code)?.sensitive) throw new AppError('NOT_FOUND');
  const counts = await repo.supporterCounts(m.db, [id]);
  return publicView(r, {
    supporters: counts.get(id) ?? 0,
    photoIds: [],
    category: m.category(r.category_code),
    lang: who.lang,
  });
}

/** Reasons that are codes (escalation), not free text a handler typed. */
const REASON_CODES = new Set(['coordination', 'money', 'overdue_accept', 'overdue_resolve']);
/** Event data without the handler's free-text reason (a copy of an internal note). */
function withoutFreeText(data: Record<string, unknown>): Record<string, unknown> {
  const { reason, ...rest } = data;
  return typeof reason === 'string' && REASON_CODES.has(reason) ? data : rest;
}

/** The history of a case (staff and the reporter). */
export async function history(m: CasesModule, who: Who, id: string) {
  const r = await repo.getCase(m.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  authorizeCase(who.actor, 'read', r);
  const [events, photos] = await Promise.all([repo.eventsOf(m.db, id), repo.photoIdsOf(m.db, [id])]);
  // A resident's name (the reporter, supporters) is as private as the reporter field: only those who may see
  // the reporter (handlers of the case) and the reporter themself see it; staff names are work contacts.
  const pii = who.actor !== null && (r.reporter_id === who.actor.accountId || can(who.actor, 'pii', subjectOf(r)));
  const residentsNamed = events.filter((e) => e.actor_role === 'resident' && e.actor_name).length;
  if (who.actor && pii && r.reporter_id !== who.actor.accountId && residentsNamed > 0) {
    await auditRead(m.db, who.actor, {
      entity: 'case.history',
      entityId: id,
      scopeCode: r.grid_code ?? r.community_code,
      rows: residentsNamed,
      ip: who.ip,
    });
  }
  // Internal notes stay with staff: the reporter sees public replies and what they wrote themself.
  const internal = seesInternalNotes(who.actor);
  const shown = (e: (typeof events)[number]) =>
    internal || e.actor_id === who.actor?.accountId || (e.data as { public?: unknown }).public === true;
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    at: e.at.toISOString(),
    note: shown(e) ? e.note : null,
    data: shown(e) ? e.data : withoutFreeText(e.data),
    actor:
      e.actor_role === 'system'
        ? null
        : { name: e.actor_role !== 'resident' || pii ? e.actor_name : null, role: e.actor_role },
    photos: photos.filter((p) => p.event_id === e.id).map((p) => ({ id: p.id, url: `/api/cases/photos/${p.id}` })),
  }));
}

/** A photo, with the same visibility as its case. */
export async function photo(m: CasesModule, who: Who, id: string) {
  const p = await repo.getPhoto(m.db, id);
  if (!p) throw new AppError('NOT_FOUND');
  const r = (await repo.getCase(m.db, p.case_id))!;
  if (!(who.actor && can(who.actor, 'read', subjectOf(r)))) {
    authorizeCase(who.actor, 'read_public', r);
    if (m.category(r.category_code)?.sensitive) throw new AppError('NOT_FOUND');
  }
  return { mime: p.mime, data: Buffer.from(p.data, 'base64') };
}

/** The place code a staff request may look at (its own scope unless a narrower one is asked for). */
export function staffScope(who: Who, code: string | undefined): { actor: Actor; code: string } {
  const actor = who.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!isStaffRole(actor.role)) throw new AppError('FORBIDDEN');
  const c = code ?? actor.scopeCode;
  if (!c.startsWith(actor.scopeCode)) throw new AppError('OUT_OF_SCOPE');
  return { actor, code: c };
}

/** Largest number of points the map answers; beyond it the answer says `truncated: true` and the total. */
export const MAP_POINTS_MAX = 20_000;
/** Longest worker queue answered at once (nearest deadlines); the answer tells the total and `more`. */
const QUEUE_MAX = 200;

function afterKey(cursor: string | undefined): repo.CaseKey | null {
  if (!cursor) return null;
  const [us, id] = decodeCursor(cursor, 2);
  const createdAtUs = cursorText(us);
  if (!/^-?\d{1,19}$/.test(createdAtUs)) throw new AppError('BAD_CURSOR');
  return { createdAtUs, id: cursorUuid(id) };
}
const caseKey = (r: { created_us: string; id: string }) => [r.created_us, r.id];

/** Staff list with filters: one page (newest first), the cursor of the next page, and the total. */
export async function list(
  m: CasesModule,
  who: Who,
  f: Omit<CaseFilter, 'code' | 'overdueAt'> & { code?: string | undefined; overdue?: boolean | undefined },
  cursor: string | undefined,
  pageSize: number,
) {
  const { code } = staffScope(who, f.code);
  const { overdue, ...rest } = f;
  const { total, items } = await repo.listCases(
    m.db,
    { ...rest, code, ...(overdue ? { overdueAt: m.clock() } : {}) },
    afterKey(cursor),
    pageSize,
  );
  const page = pageOf(items, pageSize, caseKey);
  return { total, nextCursor: page.nextCursor, items: await present(m, who, page.rows) };
}

/** Points for the map (clusters/heat): [lon, lat, weight, status, id]; newest {@link MAP_POINTS_MAX} at most. */
export async function mapData(
  m: CasesModule,
  who: Who,
  f: { code?: string | undefined; status?: Status[] | undefined; from?: Date | undefined; to?: Date | undefined },
) {
  const { code } = staffScope(who, f.code);
  const { total, points } = await repo.mapPoints(m.db, { ...f, code }, MAP_POINTS_MAX);
  return {
    total,
    truncated: points.length < total,
    points: points.map((p): [number, number, number, Status, string] => [
      p.lon,
      p.lat,
      p.urgent ? 3 : 1,
      p.status,
      p.id,
    ]),
  };
}

/** The worker's queue: cases held by my scope (exactly, for grid workers), nearest deadline first. */
export async function queue(m: CasesModule, who: Who) {
  const { actor } = staffScope(who, undefined);
  const exact = actor.role === 'grid_worker' || actor.role === 'community_staff';
  const { total, items } = await repo.queueOf(m.db, actor.scopeCode, exact, QUEUE_MAX);
  return { items: await present(m, who, items), total, more: items.length < total };
}

/** Cases I reported or support, newest first, one page at a time. */
export async function mine(m: CasesModule, who: Who, cursor?: string, pageSize = 50) {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  const { total, items } = await repo.casesOfAccount(m.db, who.actor.accountId, afterKey(cursor), pageSize);
  const page = pageOf(items, pageSize, caseKey);
  return { items: await present(m, who, page.rows), nextCursor: page.nextCursor, total };
}

/** My notifications, newest first. */
export async function notifications(m: CasesModule, who: Who, after: Date | null) {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  const all = await repo.notificationsOf(m.db, who.actor.accountId, after, 101);
  const rows = all.slice(0, 100);
  return {
    // At most 100 answered; `more` says that older matching ones were left out.
    more: all.length > rows.length,
    items: rows.map((n) => ({
      id: n.id,
      caseId: n.case_id,
      caseNo: caseNo({ id: n.case_id, created_at: n.case_created_at }),
      type: n.type,
      status: n.status,
      at: n.created_at.toISOString(),
      read: n.read_at !== null,
    })),
  };
}

/** Open cases of the same class near a point (before reporting). */
export async function duplicates(
  m: CasesModule,
  who: Who,
  q: { categoryCode: string; lon: number; lat: number; crs: Crs },
) {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  const [lon, lat] = wgs84Of(q);
  const now = m.clock();
  const since = new Date(now.getTime() - m.opts.duplicateDays * 86_400_000);
  // Sensitive classes are never offered as duplicates (that would show a neighbour's help call).
  if (m.category(q.categoryCode)?.sensitive) return { duplicates: [] };
  const rows = await repo.openNearby(m.db, q.categoryCode, boxAround(lon, lat, m.opts.duplicateRadiusM), since);
  const found = findDuplicates(
    { categoryCode: q.categoryCode, lon, lat, at: now },
    rows.map((r) => ({ ...r, categoryCode: r.category_code, createdAt: r.created_at })),
    m.opts.duplicateRadiusM,
    m.opts.duplicateDays,
  );
  const counts = await repo.supporterCounts(
    m.db,
    found.map((f) => f.id),
  );
  return {
    duplicates: found.map((r) => ({
      ...publicView(r, {
        supporters: counts.get(r.id) ?? 0,
        photoIds: [],
        category: m.category(r.category_code),
        lang: who.lang,
      }),
      distanceM: r.distanceM,
    })),
  };
}

/** Indicators per grid / community / street under a code for reports in [from, to). */
export async function metrics(
  m: CasesModule,
  who: Who,
  q: { code?: string | undefined; groupBy: 'grid' | 'community' | 'street'; from: Date; to: Date },
) {
  const { code } = staffScope(who, q.code);
  const asOf = new Date(Math.min(m.clock().getTime(), q.to.getTime()));
  // Counted by the database, one row per group: no case row is loaded into Node.
  const groups = await repo.indicatorCountsUnder(m.db, code, q.from, q.to, q.groupBy, asOf);
  const names = await placeNames(
    m.db,
    groups.map((g) => g.key),
  );
  const rows = groups
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key: k, counts }) => ({
      code: k,
      name: names.get(k) ?? (k.endsWith(INBOX_SUFFIX) ? (who.lang === 'en' ? 'Community inbox' : '社区收件箱') : k),
      ...withRates(counts),
    }));
  return {
    code,
    groupBy: q.groupBy,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    definitions: DEFINITIONS,
    rows,
  };
}
