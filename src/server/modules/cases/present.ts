/**
 * What a viewer sees of a case. Staff handling it see the reporter's name and phone; other staff see the case
 * without them; residents of the community see the public view (place rounded to ~100 m, no reporter unless the
 * reporter chose to show their name). The reporter sees their own case in full.
 */
import { shanghaiDate } from '../../../shared/time.ts';
import { isStaffRole } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Category } from './domain/categories.ts';
import { isOverdue, type CaseState } from './domain/workflow.ts';
import { allowedActions, can, type CaseSubject } from './permissions.ts';
import type { CaseRow } from './repository.ts';

/** A case row as the state machine sees it. */
export function stateOf(r: CaseRow): CaseState {
  return {
    status: r.status,
    communityCode: r.community_code,
    level: r.level,
    handlerCode: r.handler_code,
    acceptBy: r.accept_by,
    resolveBy: r.resolve_by,
    supervised: r.supervised,
    pendingExtension: r.pending_extension,
    reworkCount: r.rework_count,
    extensionCount: r.extension_count,
    escalationCount: r.escalation_count,
    acceptedAt: r.accepted_at,
    acceptedOnTime: r.accepted_on_time,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    closedOnTime: r.closed_on_time,
    rating: r.rating,
    mergedInto: r.merged_into,
  };
}

/** The columns a state writes back. */
export function stateColumns(s: CaseState) {
  return {
    status: s.status,
    level: s.level,
    handler_code: s.handlerCode,
    accept_by: s.acceptBy,
    resolve_by: s.resolveBy,
    supervised: s.supervised,
    pending_extension: s.pendingExtension ? JSON.stringify(s.pendingExtension) : null,
    rework_count: s.reworkCount,
    extension_count: s.extensionCount,
    escalation_count: s.escalationCount,
    accepted_at: s.acceptedAt,
    accepted_on_time: s.acceptedOnTime,
    resolved_at: s.resolvedAt,
    closed_at: s.closedAt,
    closed_on_time: s.closedOnTime,
    rating: s.rating,
    merged_into: s.mergedInto,
  };
}

/** Permission subject of a row. */
export function subjectOf(r: CaseRow): CaseSubject {
  return {
    communityCode: r.community_code,
    gridCode: r.grid_code,
    handlerCode: r.handler_code,
    reporterId: r.reporter_id,
    status: r.status,
  };
}

/** A short display number: local report date + the id's random tail. */
export function caseNo(r: Pick<CaseRow, 'id' | 'created_at'>): string {
  const d = shanghaiDate(new Date(r.created_at)).replace(/-/g, '');
  return `${d}-${r.id.slice(-6).toUpperCase()}`;
}

/** Extra data a view needs besides the row. */
export interface ViewExtras {
  supporters: number;
  photoIds: string[];
  category: Category | undefined;
  lang: 'zh-CN' | 'en';
  /** The compound the case lies in (a coarse public place), when known. */
  area?: string | null;
}

/**
 * True when the viewer may read internal notes of a case it may read: staff (the case's handlers and auditors,
 * src/shared/roles.ts); others see only public replies.
 */
export const seesInternalNotes = (viewer: Actor | null): boolean => viewer !== null && isStaffRole(viewer.role);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The public part of a case: what residents of the community and every public endpoint (Open311) may see. Never
 * the address, reporter contact or internal notes; the place is rounded to ~100 m and named by its compound.
 */
export function publicView(r: CaseRow, x: ViewExtras) {
  return {
    id: r.id,
    no: caseNo(r),
    categoryCode: r.category_code,
    categoryName: x.category ? (x.lang === 'en' ? x.category.nameEn : x.category.name) : r.category_code,
    description: r.description,
    status: r.status,
    level: r.level,
    location: [round3(r.lon), round3(r.lat)] as [number, number],
    urgent: r.urgent,
    supporters: x.supporters,
    photos: x.photoIds.map((id) => ({ id, url: `/api/cases/photos/${id}` })),
    reporterName: r.hide_name ? null : r.reporter_name,
    area: x.area ?? null,
    publicNote: r.public_note,
    mediaUrl: r.media_url,
    resolveBy: r.resolve_by.toISOString(),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The view for a viewer who may read the case (staff in the area, the reporter). */
export function presentCase(r: CaseRow, viewer: Actor | null, now: Date, x: ViewExtras) {
  const subject = subjectOf(r);
  const mine = viewer !== null && r.reporter_id === viewer.accountId;
  const pii = viewer !== null && (mine || can(viewer, 'pii', subject));
  return {
    ...publicView(r, x),
    location: [r.lon, r.lat] as [number, number],
    address: r.address,
    handlerCode: r.handler_code,
    gridCode: r.grid_code,
    communityCode: r.community_code,
    acceptBy: r.accept_by?.toISOString() ?? null,
    resolveBy: r.resolve_by.toISOString(),
    overdue: isOverdue(stateOf(r), now),
    supervised: r.supervised,
    pendingExtension: r.pending_extension,
    reworkCount: r.rework_count,
    extensionCount: r.extension_count,
    hideName: r.hide_name,
    source: r.source,
    patrolId: r.patrol_id,
    tags: r.tags,
    rating: r.rating,
    ratingComment: r.rating_comment,
    closedAt: r.closed_at?.toISOString() ?? null,
    mergedInto: r.merged_into,
    lastNote: seesInternalNotes(viewer) ? r.last_note : r.public_note,
    version: r.version,
    mine,
    reporter: pii && (r.reporter_name || r.reporter_phone) ? { name: r.reporter_name, phone: r.reporter_phone } : null,
    allowed: viewer ? allowedActions(viewer, subject) : [],
  };
}
