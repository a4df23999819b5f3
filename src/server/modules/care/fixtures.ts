/**
 * A synthetic care list for benchmarks (deterministic): `n` people in one community code, spread over 8 grids,
 * with their last `visitsEach` visits, one in eight behind schedule. Also the two ways of answering "who is
 * overdue" the benchmark compares: the indexed SQL page and the naive computation from every visit row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { overdueFromVisits } from './domain/plan.ts';
import * as repo from './repository.ts';

const DAY = 86_400_000;

/** Inserts the synthetic list; returns the number of visits. */
export async function syntheticCareList(
  db: Kysely<Database>,
  code: string,
  n: number,
  visitsEach: number,
  now: Date,
): Promise<number> {
  const rng = mulberry32(4242);
  const since = new Date(now.getTime() - 365 * DAY);
  const people = Array.from({ length: n }, (_, i) => {
    const days = rng() < 0.25 ? 7 : 14;
    return { id: uuidv7(since.getTime() + i), grid: `${code}0${1 + (i % 8)}`, days };
  });
  await repo.upsertSubjects(
    db,
    code,
    people.map((p) => ({
      resident_id: p.id,
      community_code: code,
      grid_code: p.grid,
      household_id: p.id,
      building_id: null,
      tags: JSON.stringify([p.days === 7 ? '独居老人' : '空巢老人']),
      default_days: p.days,
      since,
      next_due_at: new Date(since.getTime() + p.days * DAY),
      created_at: now,
      updated_at: now,
    })),
    now,
  );
  const visits = people.flatMap((p) => {
    const behind = rng() < 0.125 ? p.days * 3 : 0;
    return Array.from({ length: visitsEach }, (_, k) => {
      const at = new Date(now.getTime() - Math.round((behind + (k + rng()) * p.days) * DAY));
      return {
        id: uuidv7(at.getTime()),
        resident_id: p.id,
        community_code: code,
        grid_code: p.grid,
        visitor_id: null,
        visitor_role: 'grid_worker',
        visitor_name: '网格员',
        visited_at: at,
        lon: null,
        lat: null,
        found: '一切正常',
        follow_up: null,
        problem: false,
        case_id: null,
        created_at: at,
      };
    });
  });
  await repo.insertVisits(db, visits);
  await repo.refreshLastVisits(db, code);
  return visits.length;
}

/** The overdue page as the API computes it (indexed SQL: first page and the total). */
export async function overdueBySql(db: Kysely<Database>, code: string, now: Date, pageSize = 50) {
  return repo.duePage(db, { code }, now, null, pageSize);
}

/** The same answer computed naively in Node from every plan and visit row of the community. */
export async function overdueNaive(db: Kysely<Database>, code: string, now: Date) {
  const { plans, visits } = await repo.allPlansAndVisits(db, code);
  return overdueFromVisits(
    plans.map((p) => ({
      residentId: p.resident_id,
      since: new Date(p.since),
      days: p.override_days ?? p.default_days,
    })),
    visits.map((v) => ({ residentId: v.resident_id, at: new Date(v.visited_at) })),
    now,
  );
}
