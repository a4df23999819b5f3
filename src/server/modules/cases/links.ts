/**
 * What other modules may do with cases (through index.ts): read who reported a case they may see, open a case
 * from their own record in one transaction with their link to it, and the numbers of the secretary's overview.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { shanghaiDate, shanghaiMidnightMs } from '../../../shared/time.ts';
import { withRates } from './domain/metrics.ts';
import type { CasesModule, Who } from './module.ts';
import { can } from './permissions.ts';
import { subjectOf } from './present.ts';
import * as repo from './repository.ts';
import { report } from './service.ts';

export type { Who } from './module.ts';

/** A case as another module sees it: where it is, its class, status and reporter account. */
export interface CaseRef {
  id: string;
  communityCode: string;
  gridCode: string | null;
  categoryCode: string;
  status: string;
  reporterAccountId: string | null;
  createdAt: string;
}

/**
 * The case `caseId` if `actor` may read it.
 * @throws AppError NOT_FOUND (no such case, or the actor may not see it at all — its existence is not revealed)
 */
export async function caseForReader(db: Kysely<Database>, actor: Actor, caseId: string): Promise<CaseRef> {
  const r = await repo.getCase(db, caseId);
  if (!r || !can(actor, 'read', subjectOf(r))) throw new AppError('NOT_FOUND');
  return {
    id: r.id,
    communityCode: r.community_code,
    gridCode: r.grid_code,
    categoryCode: r.category_code,
    status: r.status,
    reporterAccountId: r.reporter_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** A case another module opens from its own record (a care visit's finding). */
export interface LinkedCaseInput {
  categoryCode: string;
  description: string;
  lon: number;
  lat: number;
  address?: string | undefined;
  /** Kept in the case's register event (e.g. `{ careVisit: id }`): the case's link back to the record. */
  attributes: Record<string, string>;
}

/**
 * Files a case as `who` (the usual routing, deadlines and audit) in one transaction with the caller's hooks:
 * `existing` runs first (behind the lock it takes) and returns the id of a case already opened for the record,
 * which is answered instead; `link` records the new case's id on the caller's row before the commit.
 */
export async function openLinkedCase(
  m: CasesModule,
  who: Who,
  input: LinkedCaseInput,
  existing: (trx: Transaction<Database>) => Promise<string | null>,
  link: (trx: Transaction<Database>, caseId: string) => Promise<void>,
): Promise<{ caseId: string; replayed: boolean }> {
  const { row, replayed } = await report(
    m,
    { who },
    {
      categoryCode: input.categoryCode,
      description: input.description,
      location: { lon: input.lon, lat: input.lat },
      address: input.address,
      hideName: true,
      attributes: input.attributes,
    },
    [],
    null,
    async (trx) => {
      const id = await existing(trx);
      return id ? repo.getCase(trx, id) : undefined;
    },
    (trx, created) => link(trx, created.id),
  );
  return { caseId: row.id, replayed };
}

/** One overview number (the overview module's tile shape). */
interface Tile {
  key: string;
  value: number | string;
  href: string;
}

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/**
 * The cases' numbers for the secretary's overview under a place code: open and overdue cases now, and the
 * 三率 (响应率, 解决率, 满意率) of the cases reported this calendar year (Asia/Shanghai), counted by the database.
 */
export async function overviewTiles(db: Kysely<Database>, scopeCode: string, now = new Date()): Promise<Tile[]> {
  const yearStart = new Date(shanghaiMidnightMs(`${shanghaiDate(now).slice(0, 4)}-01-01`));
  const [counts, groups] = await Promise.all([
    repo.openCountsUnder(db, scopeCode, now),
    repo.indicatorCountsUnder(db, scopeCode, yearStart, now, 'street', now),
  ]);
  const sum = groups.reduce<Record<string, number>>((acc, g) => {
    for (const [k, v] of Object.entries(g.counts)) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const z = (k: string) => sum[k] ?? 0;
  const rates = withRates({
    registered: z('registered'),
    due: z('due'),
    closed: z('closed'),
    closedOnTime: z('closedOnTime'),
    mustAccept: z('mustAccept'),
    acceptedOnTime: z('acceptedOnTime'),
    resolved: z('resolved'),
    rated: z('rated'),
    satisfied: z('satisfied'),
    everResolved: z('everResolved'),
    reworked: z('reworked'),
    extended: z('extended'),
  }).rates;
  const list = `/cases/all?code=${scopeCode}`;
  const metrics = `/cases/metrics?code=${scopeCode}`;
  return [
    { key: 'cases.open', value: counts.open, href: list },
    { key: 'cases.overdue', value: counts.overdue, href: `${list}&tab=overdue` },
    { key: 'cases.response', value: pct(rates.response), href: metrics },
    { key: 'cases.resolution', value: pct(rates.resolution), href: metrics },
    { key: 'cases.satisfaction', value: pct(rates.satisfaction), href: metrics },
  ];
}
