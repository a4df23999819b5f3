/**
 * Care list use cases: the overdue and full lists, one person's card, the sensitive notes (carers only, every
 * read audited), the plan override, carer assignment and the refresh of the list from the register.
 */
import { audit, auditRead } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor, cursorText } from '../../platform/http/cursor.ts';
import { accountBriefs, gridWorkers } from '../auth/index.ts';
import { residentHomes, residentsWithTags } from '../registry/index.ts';
import { CARE_TAGS, defaultInterval } from './domain/plan.ts';
import { actorOf, authorizePerson, listScopeOf, seesInFull, type CareCtx, type Who } from './context.ts';
import { can } from './permissions.ts';
import { presentCarer, presentPerson, presentVisit } from './present.ts';
import * as repo from './repository.ts';
import type { SubjectRow } from './repository.ts';

const DAY_MS = 86_400_000;

async function presentRows(ctx: CareCtx, who: Who, rows: SubjectRow[], entity: string, code: string | null) {
  const actor = actorOf(who);
  const now = ctx.clock();
  const homes = await residentHomes(
    ctx.db,
    rows.map((r) => r.resident_id),
    now,
  );
  // one query for the assignments of the whole page (not one per row)
  const mine =
    actor.role === 'grid_worker'
      ? new Set<string>()
      : new Set(
          (
            await repo.carersOf(
              ctx.db,
              rows.map((r) => r.resident_id),
            )
          )
            .filter((c) => c.account_id === actor.accountId)
            .map((c) => c.resident_id),
        );
  const out = [];
  let clear = 0;
  for (const r of rows) {
    const facts = { communityCode: r.community_code, gridCode: r.grid_code, assigned: mine.has(r.resident_id) };
    const full = seesInFull(actor, facts, r.tags);
    if (full) clear++;
    out.push(presentPerson(r, homes.get(r.resident_id), full, now));
  }
  // Being on the care list is itself a specific identity (PIPL art. 28): every list read in clear is logged.
  if (clear)
    await auditRead(
      ctx.db,
      { accountId: actor.accountId, role: actor.role },
      { entity, scopeCode: code, rows: clear, ip: who.ip },
    );
  return out;
}

/** The people whose visit is overdue (due before now), most overdue first, one page. */
export async function overdue(
  ctx: CareCtx,
  who: Who,
  q: { code?: string | undefined; cursor?: string | undefined; pageSize: number },
) {
  const scope = listScopeOf(actorOf(who), q.code);
  const after = q.cursor ? decodeCursor(q.cursor, 2) : null;
  const page = await repo.duePage(
    ctx.db,
    scope,
    ctx.clock(),
    after ? { due: new Date(cursorText(after[0])), id: cursorText(after[1]) } : null,
    q.pageSize,
  );
  const last = page.items.at(-1);
  return {
    items: await presentRows(ctx, who, page.items, 'care.overdue', 'code' in scope ? scope.code : null),
    total: page.total,
    nextCursor:
      last && page.items.length === q.pageSize
        ? encodeCursor([new Date(last.next_due_at).toISOString(), last.resident_id])
        : null,
  };
}

/** The care list (optionally one tag), one page. */
export async function list(
  ctx: CareCtx,
  who: Who,
  q: { code?: string | undefined; tag?: string | undefined; cursor?: string | undefined; pageSize: number },
) {
  const scope = listScopeOf(actorOf(who), q.code);
  const after = q.cursor ? cursorText(decodeCursor(q.cursor, 1)[0]) : null;
  const page = await repo.listPage(ctx.db, scope, q.tag ?? null, after, q.pageSize);
  const last = page.items.at(-1);
  return {
    items: await presentRows(ctx, who, page.items, 'care.list', 'code' in scope ? scope.code : null),
    total: page.total,
    nextCursor: last && page.items.length === q.pageSize ? encodeCursor([last.resident_id]) : null,
  };
}

/** The carers of a person: the grid worker(s) of their grid and the assigned accounts. */
export async function carersOfPerson(ctx: CareCtx, row: Pick<SubjectRow, 'resident_id' | 'grid_code'>) {
  const [workers, assigned] = await Promise.all([
    row.grid_code ? gridWorkers(ctx.db, row.grid_code) : Promise.resolve([]),
    repo.carersOf(ctx.db, [row.resident_id]),
  ]);
  const accounts = await accountBriefs(ctx.db, { ids: assigned.map((a) => a.account_id) });
  return [
    ...workers.map((w) => ({
      accountId: null,
      name: w.display_name,
      role: 'grid_worker',
      phone: w.phone,
      kind: 'grid_worker' as const,
    })),
    ...accounts.map((a) => ({
      accountId: a.id,
      name: a.displayName,
      role: a.role,
      phone: a.phone,
      kind: 'assigned' as const,
    })),
  ];
}

/** One person's card: the plan, carers, the latest visits and what the viewer may do (never the notes). */
export async function person(ctx: CareCtx, who: Who, residentId: string) {
  const { actor, row, facts } = await authorizePerson(ctx, who, residentId, 'read');
  const full = seesInFull(actor, facts, row.tags);
  const [[view], carers, visits] = await Promise.all([
    presentRows(ctx, who, [row], 'care.person', row.grid_code ?? row.community_code),
    carersOfPerson(ctx, row),
    repo.visitsOf(ctx.db, residentId, 20),
  ]);
  return {
    person: view!,
    active: row.active,
    carers: carers.map((c) => presentCarer(c, full)),
    visits: visits.map((v) => presentVisit(v, full)),
    may: { visit: can(actor, 'visit', facts), notes: can(actor, 'notes', facts), plan: can(actor, 'plan', facts) },
  };
}

/** The health and ability notes: carers only, and the read is written to the audit log. */
export async function readNotes(ctx: CareCtx, who: Who, residentId: string) {
  const { actor, row } = await authorizePerson(ctx, who, residentId, 'notes');
  const n = (await repo.notesOf(ctx.db, residentId))!;
  await auditRead(
    ctx.db,
    { accountId: actor.accountId, role: actor.role },
    { entity: 'care.notes', entityId: residentId, scopeCode: row.grid_code ?? row.community_code, rows: 1, ip: who.ip },
  );
  return {
    residentId,
    healthNote: n.health_note,
    abilityNote: n.ability_note,
    updatedAt: new Date(n.updated_at).toISOString(),
  };
}

/** Writes the notes (carers only); the audit row names the fields changed, never their sensitive text. */
export async function writeNotes(
  ctx: CareCtx,
  who: Who,
  residentId: string,
  notes: { healthNote: string | null; abilityNote: string | null },
) {
  const { actor, row } = await authorizePerson(ctx, who, residentId, 'notes');
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setNotes(trx, residentId, { health_note: notes.healthNote, ability_note: notes.abilityNote }, now);
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      {
        action: 'care.notes',
        entity: 'care_subject',
        entityId: residentId,
        scopeCode: row.grid_code ?? row.community_code,
        after: { fields: ['health_note', 'ability_note'] },
        ip: who.ip,
      },
    );
  });
  return readNotes(ctx, who, residentId);
}

/** Sets or clears a person's visit interval (community staff). */
export async function setPlan(ctx: CareCtx, who: Who, residentId: string, intervalDays: number | null) {
  const { actor, row } = await authorizePerson(ctx, who, residentId, 'plan');
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockSubject(trx, residentId);
    await repo.setOverride(trx, residentId, intervalDays, now);
    await audit(
      trx,
      { accountId: actor.accountId, role: actor.role },
      {
        action: 'care.plan',
        entity: 'care_subject',
        entityId: residentId,
        scopeCode: row.grid_code ?? row.community_code,
        before: { overrideDays: row.override_days },
        after: { overrideDays: intervalDays },
        ip: who.ip,
      },
    );
  });
  return person(ctx, who, residentId);
}

/** Assigns (or removes) a carer by username: a resident (volunteer) or staff account of the same community. */
export async function assignCarer(ctx: CareCtx, who: Who, residentId: string, username: string, remove: boolean) {
  const { actor, row } = await authorizePerson(ctx, who, residentId, 'plan');
  const [acc] = await accountBriefs(ctx.db, { username });
  if (!acc || !['resident', 'community_staff'].includes(acc.role) || !acc.scopeCode.startsWith(row.community_code))
    throw new AppError('CARE_BAD_CARER');
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const changed = remove
      ? await repo.removeCarer(trx, residentId, acc.id)
      : await repo.addCarer(trx, residentId, acc.id, row.community_code, now);
    if (changed)
      await audit(
        trx,
        { accountId: actor.accountId, role: actor.role },
        {
          action: remove ? 'care.carer.remove' : 'care.carer.add',
          entity: 'care_subject',
          entityId: residentId,
          scopeCode: row.grid_code ?? row.community_code,
          after: { accountId: acc.id },
          ip: who.ip,
        },
      );
  });
  return person(ctx, who, residentId);
}

/** Copies the register's tagged residents of a community into the care list (no audit actor: the system). */
export async function syncCommunity(ctx: Pick<CareCtx, 'db'>, communityCode: string, now: Date, since = now) {
  const tagged = await residentsWithTags(ctx.db, communityCode, CARE_TAGS);
  const rows = tagged.flatMap((t) => {
    const days = defaultInterval(t.tags);
    if (days === null) return [];
    return [
      {
        resident_id: t.residentId,
        community_code: t.communityCode,
        grid_code: t.gridCode,
        household_id: t.householdId,
        building_id: t.buildingId,
        tags: JSON.stringify(t.tags),
        default_days: days,
        since,
        next_due_at: new Date(since.getTime() + days * DAY_MS),
        created_at: now,
        updated_at: now,
      },
    ];
  });
  const { removed } = await repo.upsertSubjects(ctx.db, communityCode, rows, now);
  return { listed: rows.length, removed };
}

/** Staff refresh the care list of their community from the register. */
export async function sync(ctx: CareCtx, who: Who) {
  const actor = actorOf(who);
  if (actor.role !== 'community_staff') throw new AppError('FORBIDDEN');
  const now = ctx.clock();
  const r = await syncCommunity(ctx, actor.scopeCode, now);
  await audit(
    ctx.db,
    { accountId: actor.accountId, role: actor.role },
    { action: 'care.sync', entity: 'care_list', entityId: null, scopeCode: actor.scopeCode, after: r, ip: who.ip },
  );
  return r;
}
