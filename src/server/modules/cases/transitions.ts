/**
 * Applies one workflow action to a locked case row inside a transaction: decide (pure) → save with the
 * optimistic version → history event → escalation jobs → notifications → audit. Shared by the HTTP actions and
 * the escalation scheduler. Returns the bus event to publish after commit.
 */
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { CaseEventsTable, CasePhotosTable, CasesTable } from './schema.ts';
import type { Database } from '../../platform/db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { BusEvent } from '../../platform/events/bus.ts';
import { decide, type Action, type CaseState, type Status } from './domain/workflow.ts';
import { DEFAULT_ACCEPT } from './domain/categories.ts';
import type { CasesModule } from './module.ts';
import { caseNo, stateColumns, stateOf } from './present.ts';
import * as repo from './repository.ts';
import type { CaseRow } from './repository.ts';

/** Who acted (null = the system, e.g. the scheduler). */
export interface ActorRef {
  accountId: string;
  role: string;
  name: string;
}

/** Photos already processed, to attach to the event. */
export interface StoredPhoto {
  width: number;
  height: number;
  data: Buffer;
}

/** The escalation jobs matching a state's live deadline (none, or one). */
export function jobsFor(
  s: CaseState,
): { kind: 'accept' | 'resolve'; level: CaseState['level']; communityCode: string; dueAt: Date }[] {
  if ((s.status === 'registered' || s.status === 'dispatched') && s.acceptBy)
    return [{ kind: 'accept', level: s.level, communityCode: s.communityCode, dueAt: s.acceptBy }];
  if (s.status === 'handling')
    return [{ kind: 'resolve', level: s.level, communityCode: s.communityCode, dueAt: s.resolveBy }];
  return [];
}

/** Arms the escalation job matching a state's live deadline. */
export async function syncJobs(trx: Transaction<Database>, caseId: string, s: CaseState): Promise<void> {
  for (const j of jobsFor(s)) await repo.upsertJob(trx, caseId, j.kind, j.level, j.communityCode, j.dueAt);
}

/** The bus event for a case change. */
export function busEvent(r: CaseRow, type: string, at: Date): BusEvent {
  return {
    topic: 'case',
    type,
    id: r.id,
    no: caseNo(r),
    status: r.status,
    level: r.level,
    handlerCode: r.handler_code,
    gridCode: r.grid_code,
    communityCode: r.community_code,
    reporterId: r.reporter_id,
    at: at.toISOString(),
  };
}

/** A history event as submitted to {@link recordEvent} / {@link eventRows}. */
export interface EventInput {
  type: string;
  from: Status | null;
  to: Status | null;
  actor: ActorRef | null;
  note: string | null;
  data?: Record<string, unknown>;
  photos?: StoredPhoto[];
  at: Date;
}

/** The rows of a history event and its photos (ids assigned here). */
export function eventRows(
  r: Pick<CaseRow, 'id' | 'community_code'>,
  e: EventInput,
): { event: Insertable<CaseEventsTable>; photos: Insertable<CasePhotosTable>[] } {
  const id = uuidv7(e.at.getTime());
  return {
    event: {
      id,
      case_id: r.id,
      community_code: r.community_code,
      type: e.type,
      from_status: e.from,
      to_status: e.to,
      actor_id: e.actor?.accountId ?? null,
      actor_role: e.actor?.role ?? 'system',
      actor_name: e.actor?.name ?? null,
      note: e.note,
      data: JSON.stringify(e.data ?? {}),
      at: e.at,
    },
    photos: (e.photos ?? []).map((p) => ({
      id: uuidv7(e.at.getTime()),
      case_id: r.id,
      event_id: id,
      community_code: r.community_code,
      mime: 'image/jpeg',
      width: p.width,
      height: p.height,
      bytes: p.data.length,
      data: p.data.toString('base64'),
      created_at: e.at,
    })),
  };
}

/** Records a history event (and its photos). */
export async function recordEvent(trx: Transaction<Database>, r: CaseRow, e: EventInput): Promise<string> {
  const { event, photos } = eventRows(r, e);
  await repo.insertEvent(trx, event);
  await repo.insertPhotos(trx, photos);
  return event.id;
}

/** Tells the reporter and supporters (except the actor) that their case changed. */
async function notify(
  trx: Transaction<Database>,
  r: CaseRow,
  type: string,
  actorId: string | null,
  at: Date,
): Promise<void> {
  const ids = new Set((await repo.supportersOf(trx, r.id)).map((s) => s.account_id));
  if (r.reporter_id) ids.add(r.reporter_id);
  if (actorId) ids.delete(actorId);
  await repo.insertNotifications(
    trx,
    [...ids].map((account_id) => ({
      id: uuidv7(at.getTime()),
      account_id,
      case_id: r.id,
      community_code: r.community_code,
      type,
      status: r.status,
      created_at: at,
    })),
  );
}

/** Applies `action` to the locked row `row`. Throws a localisable AppError on refusal or a lost race. */
export async function applyAction(
  m: CasesModule,
  trx: Transaction<Database>,
  row: CaseRow,
  action: Action,
  o: {
    actor: ActorRef | null;
    note: string | null;
    /** The note is a reply to the public (else internal). */
    public?: boolean;
    photos?: StoredPhoto[];
    now: Date;
    data?: Record<string, unknown>;
    extra?: Updateable<CasesTable>;
  },
): Promise<{ row: CaseRow; event: BusEvent }> {
  const cat = m.category(row.category_code);
  const d = decide(stateOf(row), action, {
    now: o.now,
    cal: m.opts.calendar,
    acceptLimit: cat?.acceptLimit ?? DEFAULT_ACCEPT,
    resolveLimit: cat?.resolveLimit ?? { amount: 5, unit: 'work_days' },
  });
  if (!d.ok) throw new AppError(d.code, { params: { status: row.status, action: action.type } });
  const after = await repo.updateCase(trx, row.id, row.version, {
    ...stateColumns(d.state),
    ...(o.extra ?? {}),
    ...(o.note ? { last_note: o.note, ...(o.public ? { public_note: o.note } : {}) } : {}),
    updated_at: o.now,
  });
  if (!after) throw new AppError('CONFLICT');
  const data: Record<string, unknown> = { ...(o.data ?? {}), ...(o.public && o.note ? { public: true } : {}) };
  for (const [k, v] of Object.entries(action)) if (k !== 'type') data[k] = v;
  await recordEvent(trx, after, {
    type: action.type,
    from: row.status,
    to: after.status,
    actor: o.actor,
    note: o.note,
    data,
    photos: o.photos,
    at: o.now,
  });
  await syncJobs(trx, after.id, d.state);
  if (after.status !== row.status || action.type === 'escalate' || action.type === 'approve_extension')
    await notify(trx, after, action.type, o.actor?.accountId ?? null, o.now);
  await audit(trx, o.actor ? { accountId: o.actor.accountId, role: o.actor.role } : null, {
    action: `case.${action.type}`,
    entity: 'case',
    entityId: row.id,
    scopeCode: row.grid_code ?? row.community_code,
    before: { status: row.status, level: row.level, handler: row.handler_code, version: row.version },
    after: {
      status: after.status,
      level: after.level,
      handler: after.handler_code,
      version: after.version,
      note: o.note,
    },
  });
  return { row: after, event: busEvent(after, action.type, o.now) };
}
