/**
 * Case use cases: report (with idempotency, flood limits, photos, routing to the grid), one-press help,
 * "me too", workflow actions and progress notes. Each runs load → authorise → decide → save in one
 * transaction and publishes to the event bus after commit.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { audit, auditRow } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { insideChina, toWgs84, validLonLat, type Crs } from '../../../shared/geo/crs.ts';
import { openCase, type Action } from './domain/workflow.ts';
import { HELP_CATEGORY } from './domain/categories.ts';
import { decideSource } from './domain/source.ts';
import { can, type CaseAction } from './permissions.ts';
import { stateColumns, subjectOf } from './present.ts';
import { processPhotos, type RawPhoto } from './photos.ts';
import { applyAction, busEvent, eventRows, jobsFor, recordEvent, type ActorRef } from './transitions.ts';
import type { CasesModule, Who } from './module.ts';
import * as repo from './repository.ts';
import type { CaseRow } from './repository.ts';
import { patrolOwner } from './repository/patrols.ts';
import { lockAccount } from '../auth/index.ts';
import { placeExists, residentHome } from '../registry/index.ts';

/** A report as submitted. */
export interface ReportInput {
  categoryCode: string;
  description: string;
  location?: { lon: number; lat: number; crs?: Crs } | undefined;
  address?: string | undefined;
  hideName?: boolean | undefined;
  source?: 'resident' | 'patrol' | 'hotline' | 'staff' | undefined;
  patrolId?: string | undefined;
  /** A link to media the client published (Open311 media_url; never fetched by the server). */
  mediaUrl?: string | undefined;
  /** File to the reporter's community inbox (no grid routing): the place is only known as text. */
  inbox?: boolean | undefined;
  /** Answers to the service's extra questions (Open311 attributes), kept in the register event for handlers. */
  attributes?: Record<string, string | string[]> | undefined;
}

/** Who files a report: a logged-in account, or an Open311 client acting for a community. */
export interface Reporter {
  who: Who;
  apiKey?: { name: string; communityCode: string };
  contact?: { name: string | null; phone: string | null };
}

const ref = (a: Actor): ActorRef => ({ accountId: a.accountId, role: a.role, name: a.displayName });

/** Throws NOT_FOUND/OUT_OF_SCOPE/FORBIDDEN unless the actor may do `action` on the row. */
export function authorizeCase(actor: Actor | null, action: CaseAction, r: CaseRow): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (can(actor, action, subjectOf(r))) return actor;
  const reads = can(actor, 'read', subjectOf(r)) || can(actor, 'read_public', subjectOf(r));
  throw new AppError(reads ? 'FORBIDDEN' : 'OUT_OF_SCOPE');
}

async function publish(m: CasesModule, events: ReturnType<typeof busEvent>[]): Promise<void> {
  for (const e of events) await m.bus.publish(e);
}

/** Converts and checks a location; BAD_COORDINATES when out of range or outside China. */
export function wgs84Of(loc: { lon: number; lat: number; crs?: Crs | undefined }): [number, number] {
  if (!validLonLat(loc.lon, loc.lat) || !insideChina(loc.lon, loc.lat)) throw new AppError('BAD_COORDINATES');
  return toWgs84(loc.lon, loc.lat, loc.crs ?? 'wgs84');
}

/** Files a case. Returns the row, whether an idempotent replay answered it, and (new cases) the stored photo ids. */
export async function report(
  m: CasesModule,
  rep: Reporter,
  input: ReportInput,
  files: RawPhoto[],
  idemKey: string | null,
  guard?: (trx: Transaction<Database>) => Promise<CaseRow | undefined>,
  link?: (trx: Transaction<Database>, row: CaseRow) => Promise<void>,
): Promise<{ row: CaseRow; replayed: boolean; photoIds?: string[] }> {
  const { actor, ip } = rep.who;
  const now = m.clock();
  const cat = m.category(input.categoryCode);
  if (!cat) throw new AppError('CASE_UNKNOWN_CATEGORY', { params: { code: input.categoryCode.slice(0, 20) } });
  const owner = actor ? `account:${actor.accountId}` : `key:${rep.apiKey?.name ?? 'anonymous'}`;
  // The request hash only matters with an Idempotency-Key (replays must repeat the same request).
  const hash = idemKey
    ? createHash('sha256')
        .update(JSON.stringify(input))
        .update(files.map((f) => createHash('sha256').update(f.data).digest('hex')).join())
        .digest('hex')
    : '';
  if (idemKey) {
    const prior = await repo.getIdempotency(m.db, owner, idemKey);
    if (prior) return replay(m, prior, hash);
  }
  m.limiter.hit(now.getTime(), [
    { key: owner, max: m.opts.ratePerAccount },
    { key: `ip:${ip}`, max: m.opts.ratePerIp },
  ]);
  const photos = await processPhotos(files, m.opts);
  const gps = photos.find((p) => p.gps)?.gps;
  const loc = input.location ?? (gps ? { ...gps, crs: 'wgs84' as const } : null);
  if (!loc) throw new AppError('CASE_LOCATION_REQUIRED');
  const [lon, lat] = wgs84Of(loc);
  const place = input.inbox ? { community: null, grid: null } : await m.locator.locate(lon, lat);
  const communityCode =
    place.community?.code ??
    rep.apiKey?.communityCode ??
    (actor && actor.scopeCode.length >= 12 ? actor.scopeCode.slice(0, 12) : null);
  if (!communityCode) throw new AppError('CASE_OUTSIDE_AREA');
  const gridCode = place.grid?.code.startsWith(communityCode) ? place.grid.code : null;
  if (input.patrolId) {
    const p = await patrolOwner(m.db, input.patrolId);
    if (!p || p.account_id !== actor?.accountId) throw new AppError('NOT_FOUND');
    if (p.ended_at) throw new AppError('PATROL_CLOSED');
  }
  // Decided from the actor's role, never taken from the client (a resident cannot file as hotline or staff).
  const source: CaseRow['source'] = decideSource(actor?.role ?? null, !!rep.apiKey, input.source, !!input.patrolId);
  // The reporter's contact: given (Open311), or read by the insert itself (resident record, else the account).
  const contact = rep.contact ?? (actor ? null : { name: null, phone: null });
  const state = openCase(
    { now, cal: m.opts.calendar, acceptLimit: cat.acceptLimit, resolveLimit: cat.resolveLimit },
    gridCode,
    communityCode,
  );
  const id = uuidv7(now.getTime());
  const who = actor ? ref(actor) : null;
  const register = eventRows(
    { id, community_code: communityCode },
    {
      type: 'register',
      from: null,
      to: 'registered',
      actor: who,
      note: null,
      data: { source, gridCode, ...(input.attributes ? { attributes: input.attributes } : {}) },
      photos,
      at: now,
    },
  );
  const dispatch = gridCode
    ? eventRows(
        { id, community_code: communityCode },
        {
          type: 'dispatch',
          from: 'registered',
          to: 'dispatched',
          actor: null,
          note: null,
          data: { handlerCode: gridCode, auto: true },
          at: now,
        },
      )
    : null;
  let row: CaseRow;
  try {
    // One statement: idempotency claim + case + events + photos + escalation job + audit (atomic on its own).
    const newCase: repo.NewCase = {
      row: {
        id,
        community_code: communityCode,
        grid_code: gridCode,
        category_code: cat.code,
        urgent: cat.urgent,
        description: input.description,
        address: input.address ?? null,
        media_url: input.mediaUrl ?? null,
        lon,
        lat,
        reporter_id: actor?.accountId ?? null,
        reporter_name: contact?.name ?? null,
        reporter_phone: contact?.phone ?? null,
        hide_name: input.hideName ?? true,
        source,
        patrol_id: input.patrolId ?? null,
        tags: JSON.stringify(source === 'patrol' ? ['patrol-found'] : cat.urgent ? ['urgent'] : []),
        created_at: now,
        updated_at: now,
        ...stateColumns(state),
      },
      ...(contact || !actor
        ? {}
        : { contactOf: { accountId: actor.accountId, residentId: actor.residentId, displayName: actor.displayName } }),
      ...(idemKey ? { idempotency: { owner, key: idemKey, hash } } : {}),
      events: dispatch ? [register.event, dispatch.event] : [register.event],
      photos: register.photos,
      jobs: jobsFor(state),
      audit: auditRow(actor ? { accountId: actor.accountId, role: actor.role } : null, {
        action: 'case.create',
        entity: 'case',
        entityId: id,
        scopeCode: gridCode ?? communityCode,
        after: { category: cat.code, status: state.status, source, apiKey: rep.apiKey?.name ?? null },
        ip,
      }),
    };
    if (guard) {
      // The guard's check and the insert share one transaction, behind the row lock the guard takes first.
      const got = await m.db.transaction().execute(async (trx) => {
        const existing = await guard(trx);
        if (existing) return { existing };
        const created = await repo.createCase(trx, newCase);
        // what another module records about the new case (e.g. a care visit's case id) commits with it
        await link?.(trx, created);
        return { created };
      });
      if (got.existing) return { row: got.existing, replayed: true };
      row = got.created!;
    } else row = await repo.createCase(m.db, newCase);
  } catch (e) {
    // Another request claimed the same key first (and has committed): answer with its case.
    if (idemKey && repo.isIdempotencyConflict(e))
      return replay(m, (await repo.getIdempotency(m.db, owner, idemKey))!, hash);
    throw e;
  }
  await publish(m, [busEvent(row, 'create', now)]);
  return { row, replayed: false, photoIds: register.photos.map((p) => p.id).sort() };
}

async function replay(
  m: CasesModule,
  prior: { request_hash: string; case_id: string | null },
  hash: string,
): Promise<{ row: CaseRow; replayed: boolean }> {
  if (prior.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  const row = prior.case_id ? await repo.getCase(m.db, prior.case_id) : undefined;
  if (!row) throw new AppError('CONFLICT');
  return { row, replayed: true };
}

/** One-press urgent help for a resident tagged 独居老人: opens (or returns the still-open) 养老求助 case at home. */
export async function help(
  m: CasesModule,
  who: Who,
  note: string | undefined,
): Promise<{ row: CaseRow; replayed: boolean }> {
  const actor = who.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const r = actor.residentId ? await residentHome(m.db, actor.residentId) : undefined;
  if (!r?.tags.includes('独居老人') || r.lon === null || r.lat === null) throw new AppError('CASE_HELP_NOT_ELIGIBLE');
  const since = new Date(m.clock().getTime() - 30 * 60_000);
  const open = await repo.openHelpCase(m.db, actor.accountId, HELP_CATEGORY, since);
  if (open) return { row: open, replayed: true };
  // A double tap: both requests may pass the check above. The guard locks the account row and checks again in
  // the transaction that inserts, so the second waits for the first to commit and then finds its case.
  const guard = async (trx: Transaction<Database>) => {
    await lockAccount(trx, actor.accountId);
    return repo.openHelpCase(trx, actor.accountId, HELP_CATEGORY, since);
  };
  return report(
    m,
    { who },
    {
      categoryCode: HELP_CATEGORY,
      description: note?.trim() || '一键求助：独居老人需要帮助',
      location: { lon: r.lon, lat: r.lat },
      address: `${r.building ?? ''} ${r.unit}-${r.room}`,
      hideName: true,
    },
    [],
    null,
    guard,
  );
}

/** "Me too": adds the resident as a supporter. */
export async function support(m: CasesModule, who: Who, id: string): Promise<CaseRow> {
  const now = m.clock();
  const row = await repo.getCase(m.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const actor = authorizeCase(who.actor, 'support', row);
  const added = await m.db.transaction().execute(async (trx) => {
    const ok = await repo.addSupporter(trx, id, actor.accountId, row.community_code, now);
    if (ok) {
      await recordEvent(trx, row, {
        type: 'support',
        from: row.status,
        to: row.status,
        actor: ref(actor),
        note: null,
        at: now,
      });
      await audit(
        trx,
        { accountId: actor.accountId, role: actor.role },
        {
          action: 'case.support',
          entity: 'case',
          entityId: id,
          scopeCode: row.grid_code ?? row.community_code,
          ip: who.ip,
        },
      );
    }
    return ok;
  });
  if (added) await publish(m, [busEvent(row, 'support', now)]);
  return row;
}

/** A workflow action by a person. `version` (optional) must match the case's current version. */
export async function act(
  m: CasesModule,
  who: Who,
  id: string,
  action: Action,
  o: {
    note: string | null;
    version?: number | undefined;
    files?: RawPhoto[];
    comment?: string | undefined;
    /** The note is a reply to the public (else internal). */
    public?: boolean;
  },
): Promise<CaseRow> {
  const now = m.clock();
  const photos = await processPhotos(o.files ?? [], m.opts);
  const { row, event, extra } = await m.db.transaction().execute(async (trx: Transaction<Database>) => {
    // A merge locks both cases in ascending id order (the module's one lock order: two opposite merges wait,
    // never deadlock) before checking the target: a target closed or merged meanwhile is seen, not overwritten.
    const locked =
      action.type === 'merge' ? await repo.lockCases(trx, [id, action.intoId]) : [await repo.lockCase(trx, id)];
    const cur = locked.find((r) => r?.id === id);
    if (!cur) throw new AppError('NOT_FOUND');
    const actor = authorizeCase(who.actor, action.type, cur);
    if (o.version !== undefined && o.version !== cur.version) throw new AppError('CONFLICT');
    if (action.type === 'merge') {
      const into = locked.find((r) => r?.id === action.intoId);
      if (
        !into ||
        into.id === cur.id ||
        into.community_code !== cur.community_code ||
        !repo.OPEN_STATUSES.includes(into.status)
      )
        throw new AppError('CASE_BAD_TARGET');
    }
    if (action.type === 'dispatch' && !(await placeExists(trx, action.handlerCode)))
      throw new AppError('CASE_BAD_TARGET');
    const res = await applyAction(m, trx, cur, action, {
      actor: ref(actor),
      note: o.note,
      public: o.public === true,
      photos,
      now,
      ...(action.type === 'rate' ? { extra: { rating_comment: o.comment ?? null } } : {}),
    });
    let extraEvent = null;
    if (action.type === 'merge') {
      const into = (await repo.lockCase(trx, action.intoId))!;
      await recordEvent(trx, into, {
        type: 'merged_from',
        from: into.status,
        to: into.status,
        actor: ref(actor),
        note: o.note,
        data: { caseId: cur.id },
        at: now,
      });
      if (cur.reporter_id) await repo.addSupporter(trx, into.id, cur.reporter_id, into.community_code, now);
      extraEvent = busEvent(into, 'merged_from', now);
    }
    return { ...res, extra: extraEvent };
  });
  await publish(m, extra ? [event, extra] : [event]);
  return row;
}

/**
 * A progress note (with photos) by someone handling the case. Internal unless `isPublic`: only a note its author
 * marks as a reply to the public reaches residents and the public views (Open311 status_notes).
 */
export async function addNote(
  m: CasesModule,
  who: Who,
  id: string,
  note: string,
  files: RawPhoto[],
  isPublic = false,
): Promise<{ id: string; at: string }> {
  const now = m.clock();
  const photos = await processPhotos(files, m.opts);
  const { eventId, row } = await m.db.transaction().execute(async (trx) => {
    const cur = await repo.lockCase(trx, id);
    if (!cur) throw new AppError('NOT_FOUND');
    const actor = authorizeCase(who.actor, 'note', cur);
    if (!repo.OPEN_STATUSES.includes(cur.status))
      throw new AppError('CASE_ILLEGAL_TRANSITION', { params: { status: cur.status, action: 'note' } });
    const eventId = await recordEvent(trx, cur, {
      type: 'note',
      from: cur.status,
      to: cur.status,
      actor: ref(actor),
      note,
      ...(isPublic ? { data: { public: true } } : {}),
      photos,
      at: now,
    });
    const patch = { last_note: note, ...(isPublic ? { public_note: note } : {}), updated_at: now };
    const row = (await repo.updateCase(trx, id, cur.version, patch))!;
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      {
        action: 'case.note',
        entity: 'case',
        entityId: id,
        scopeCode: cur.grid_code ?? cur.community_code,
        after: { note, public: isPublic },
        ip: who.ip,
      },
    );
    return { eventId, row };
  });
  await publish(m, [busEvent(row, 'note', now)]);
  return { id: eventId, at: now.toISOString() };
}
