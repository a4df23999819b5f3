/**
 * Notice use cases: send to a scope (refused when it holds no household), list with read counts, per-grid
 * stats, a resident's notices (opening one marks their household read), and for an urgent notice the grid
 * worker's walk list of households that have not read it, with "told in person".
 */
import { audit, auditRead } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { cursorText, decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import {
  buildingOrCompoundById,
  buildingPoints,
  communityParts,
  householdHomes,
  householdsInScope,
  placeNames,
  type HouseholdScope,
} from '../registry/index.ts';
import { walkOrder } from './domain/walk.ts';
import { can, noticeRoleHas, type NoticeAction } from './permissions.ts';
import * as repo from './repository.ts';

/** The module's runtime. */
export interface NoticesCtx {
  db: import('kysely').Kysely<import('../../platform/db/schema.ts').Database>;
  clock: () => Date;
}

/** Per-request context. */
export interface Who {
  actor: Actor | null;
  ip: string;
}

/** A scope as the client names it. */
export type ScopeInput =
  | { kind: 'community' }
  | { kind: 'grid'; value: string }
  | { kind: 'compound' | 'building'; value: string }
  | { kind: 'tag'; value: string };

function actorOf(who: Who): Actor {
  if (!who.actor) throw new AppError('UNAUTHENTICATED');
  return who.actor;
}

async function loadFor(ctx: NoticesCtx, who: Who, id: string, action: NoticeAction, grid?: string | null) {
  const actor = actorOf(who);
  const n = await repo.getNotice(ctx.db, id);
  if (!n || (!can(actor, 'stats', n.community_code) && !can(actor, action, n.community_code, grid)))
    throw new AppError('NOT_FOUND');
  if (!can(actor, action, n.community_code, grid))
    throw new AppError(action === 'walk' || action === 'tell' ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
  return { actor, n };
}

/** The places a sender may pick (their community's grids, compounds, and the tags offered). */
export async function scopes(ctx: NoticesCtx, who: Who) {
  const actor = actorOf(who);
  if (!can(actor, 'send', actor.scopeCode)) throw new AppError('FORBIDDEN');
  const parts = await communityParts(ctx.db, actor.scopeCode);
  const buildings = (await buildingPoints(ctx.db, actor.scopeCode)).map((b) => ({ id: b.id, name: b.name }));
  return {
    communityCode: actor.scopeCode,
    ...parts,
    buildings,
    tags: ['独居老人', '空巢老人', '残疾', '党员', '低保'],
  };
}

async function resolveScope(
  ctx: NoticesCtx,
  community: string,
  s: ScopeInput,
): Promise<{ scope: HouseholdScope; label: string; value: string }> {
  if (s.kind === 'community')
    return {
      scope: { kind: 'community' },
      label: (await placeNames(ctx.db, [community])).get(community) ?? community,
      value: community,
    };
  if (s.kind === 'tag') return { scope: { kind: 'tag', tag: s.value }, label: s.value, value: s.value };
  if (s.kind === 'grid') {
    if (!s.value.startsWith(community) || s.value.length < 14) throw new AppError('OUT_OF_SCOPE');
    const name = (await placeNames(ctx.db, [s.value])).get(s.value);
    if (!name) throw new AppError('NOTICE_BAD_SCOPE', { params: { detail: s.value } });
    return { scope: { kind: 'grid', code: s.value }, label: name, value: s.value };
  }
  const place = await buildingOrCompoundById(ctx.db, s.kind, s.value);
  if (!place) throw new AppError('NOTICE_BAD_SCOPE', { params: { detail: s.value } });
  if (place.communityCode !== community) throw new AppError('OUT_OF_SCOPE');
  return { scope: { kind: s.kind, id: s.value }, label: place.name, value: s.value };
}

/** Sends a notice to a scope of the sender's community; NOTICE_EMPTY_SCOPE when it holds no household. */
export async function send(
  ctx: NoticesCtx,
  who: Who,
  input: { title: string; body: string; urgent: boolean; scope: ScopeInput },
) {
  const actor = actorOf(who);
  if (!can(actor, 'send', actor.scopeCode)) throw new AppError('FORBIDDEN');
  const community = actor.scopeCode;
  const { scope, label, value } = await resolveScope(ctx, community, input.scope);
  const households = await householdsInScope(ctx.db, community, scope);
  if (!households.length) throw new AppError('NOTICE_EMPTY_SCOPE');
  const now = ctx.clock();
  const id = uuidv7(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNotice(
      trx,
      {
        id,
        community_code: community,
        scope_kind: input.scope.kind,
        scope_value: value,
        scope_label: label,
        title: input.title,
        body: input.body,
        urgent: input.urgent,
        sender_id: actor.accountId,
        sender_name: actor.displayName,
        households: households.length,
        sent_at: now,
      },
      households.map((h) => ({
        notice_id: id,
        household_id: h.householdId,
        community_code: community,
        grid_code: h.gridCode,
        building_id: h.buildingId,
      })),
    );
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      {
        action: 'notice.send',
        entity: 'notice',
        entityId: id,
        scopeCode: community,
        after: { scope: input.scope.kind, value, urgent: input.urgent, households: households.length },
        ip: who.ip,
      },
    );
  });
  return detail(ctx, who, id);
}

type NoticeRow = NonNullable<Awaited<ReturnType<typeof repo.getNotice>>>;

function presentNotice(n: NoticeRow, c: { read: number; told: number } | undefined) {
  return {
    id: n.id,
    communityCode: n.community_code,
    scope: { kind: n.scope_kind, value: n.scope_value, label: n.scope_label },
    title: n.title,
    body: n.body,
    urgent: n.urgent,
    senderName: n.sender_name,
    sentAt: new Date(n.sent_at).toISOString(),
    households: n.households,
    read: c?.read ?? 0,
    told: c?.told ?? 0,
  };
}

/** Notices under the viewer's scope (or `code` inside it), newest first, with read counts. */
export async function list(
  ctx: NoticesCtx,
  who: Who,
  q: { code?: string | undefined; cursor?: string | undefined; pageSize: number },
) {
  const actor = actorOf(who);
  if (!noticeRoleHas(actor.role, 'stats')) throw new AppError('FORBIDDEN');
  // a grid worker reads the notices of their community (the per-grid numbers stay their grid's)
  const base = actor.role === 'grid_worker' ? actor.scopeCode.slice(0, 12) : actor.scopeCode;
  const code = q.code ?? base;
  if (!code.startsWith(base)) throw new AppError('OUT_OF_SCOPE');
  const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
  const rows = await repo.noticesUnder(
    ctx.db,
    code,
    after ? { at: new Date(cursorText(after[0])), id: cursorText(after[1]) } : null,
    q.pageSize,
  );
  const counts = await repo.countsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const last = rows.at(-1);
  return {
    items: rows.map((r) => presentNotice(r, counts.get(r.id))),
    nextCursor:
      last && rows.length === q.pageSize ? encodeCursor([new Date(last.sent_at).toISOString(), last.id]) : null,
  };
}

/** One notice with read counts per grid (a grid worker: their grid only). */
export async function detail(ctx: NoticesCtx, who: Who, id: string) {
  const { actor, n } = await loadFor(ctx, who, id, 'stats');
  const grid = actor.role === 'grid_worker' ? actor.scopeCode : null;
  const [counts, grids] = await Promise.all([repo.countsOf(ctx.db, [id]), repo.perGrid(ctx.db, id, grid)]);
  const names = await placeNames(
    ctx.db,
    grids.flatMap((g) => (g.gridCode ? [g.gridCode] : [])),
  );
  return {
    notice: presentNotice(n, counts.get(id)),
    grids: grids.map((g) => ({ ...g, gridName: g.gridCode ? (names.get(g.gridCode) ?? g.gridCode) : null })),
  };
}

/**
 * The walk list of an urgent notice in one grid: the households that have not read it, nearest-neighbour from
 * the grid's first building, each with its address and whether it was told in person. Audited (names, homes).
 */
export async function walk(ctx: NoticesCtx, who: Who, id: string, gridParam: string | undefined) {
  const actor0 = actorOf(who);
  const grid = actor0.role === 'grid_worker' ? (gridParam ?? actor0.scopeCode) : gridParam;
  if (!grid) throw new AppError('VALIDATION_FAILED', { params: { detail: 'grid' } });
  const { actor, n } = await loadFor(ctx, who, id, 'walk', grid);
  if (!n.urgent) throw new AppError('NOTICE_NOT_URGENT');
  const unread = await repo.unreadInGrid(ctx.db, id, grid);
  const homes = new Map(
    (
      await householdHomes(
        ctx.db,
        unread.map((u) => u.household_id),
      )
    ).map((h) => [h.householdId, h]),
  );
  const buildings = (await buildingPoints(ctx.db, n.community_code)).filter((b) => b.gridCode === grid);
  const start: [number, number] | null = buildings[0] ? [buildings[0].lon, buildings[0].lat] : null;
  const stops = unread.map((u) => {
    const h = homes.get(u.household_id);
    return {
      id: u.household_id,
      buildingId: h?.buildingId ?? null,
      point: h && h.lon !== null && h.lat !== null ? ([h.lon, h.lat] as [number, number]) : null,
      unit: h?.unit ?? '',
      room: h?.room ?? '',
      building: h?.building ?? null,
      ownerName: h?.ownerName ?? '',
      toldAt: u.told_at ? new Date(u.told_at).toISOString() : null,
    };
  });
  const ordered = walkOrder(stops, start);
  await auditRead(
    ctx.db,
    { accountId: actor.accountId, role: actor.role },
    { entity: 'notice.walk', entityId: id, scopeCode: grid, rows: ordered.length, ip: who.ip },
  );
  return {
    noticeId: id,
    gridCode: grid,
    start: buildings[0]?.name ?? null,
    items: ordered.map((s, i) => ({
      order: i + 1,
      householdId: s.id,
      building: s.building,
      unit: s.unit,
      room: s.room,
      ownerName: s.ownerName,
      lon: s.point?.[0] ?? null,
      lat: s.point?.[1] ?? null,
      toldAt: s.toldAt,
    })),
  };
}

/** Records that a household was told an urgent notice in person (grid worker of its grid, or staff). */
export async function tell(ctx: NoticesCtx, who: Who, id: string, householdId: string) {
  const actor = actorOf(who);
  const n = await repo.getNotice(ctx.db, id);
  const h = n ? await repo.addressed(ctx.db, id, householdId) : undefined;
  if (!n || !h || !can(actor, 'stats', n.community_code)) throw new AppError('NOT_FOUND');
  if (!can(actor, 'tell', n.community_code, h.grid_code)) throw new AppError('OUT_OF_SCOPE');
  if (!n.urgent) throw new AppError('NOTICE_NOT_URGENT');
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.markTold(trx, id, householdId, actor.accountId, now))
      await audit(
        trx,
        { accountId: actor.accountId, role: actor.role },
        {
          action: 'notice.told',
          entity: 'notice',
          entityId: id,
          scopeCode: h.grid_code ?? h.community_code,
          after: { householdId },
          ip: who.ip,
        },
      );
  });
  const after = (await repo.addressed(ctx.db, id, householdId))!;
  return {
    householdId,
    toldAt: after.told_at ? new Date(after.told_at).toISOString() : null,
    readAt: after.read_at ? new Date(after.read_at).toISOString() : null,
  };
}

/** The notices addressed to the resident's household, newest first. */
export async function mine(ctx: NoticesCtx, who: Who) {
  const actor = actorOf(who);
  if (actor.role !== 'resident' || !actor.householdId) throw new AppError('FORBIDDEN');
  const rows = await repo.noticesOfHousehold(ctx.db, actor.householdId, 100);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      urgent: r.urgent,
      senderName: r.sender_name,
      sentAt: new Date(r.sent_at).toISOString(),
      read: r.read_at !== null,
    })),
  };
}

/** A resident opened a notice: their household has read it (the first read counts). */
export async function markRead(ctx: NoticesCtx, who: Who, id: string) {
  const actor = actorOf(who);
  if (actor.role !== 'resident' || !actor.householdId) throw new AppError('FORBIDDEN');
  const h = await repo.addressed(ctx.db, id, actor.householdId);
  if (!h) throw new AppError('NOT_FOUND');
  await repo.markRead(ctx.db, id, actor.householdId, actor.accountId, ctx.clock());
  return { id, read: true };
}
