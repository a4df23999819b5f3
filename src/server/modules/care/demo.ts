/**
 * The demo community's year of care (deterministic, seeded PRNG): the care list from the register, a year of
 * visits by the grid workers (the full year in two grids, the last three visits elsewhere; about one person in
 * eight has fallen behind and is overdue now), health notes,
 * an assigned volunteer, and the visit two days ago that found a broken water heater and became a case.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { accountBriefs } from '../auth/index.ts';
import { casesRuntime, openLinkedCase } from '../cases/index.ts';
import { DEMO_COMMUNITY_CODE, placeByCode, residentHomes } from '../registry/index.ts';
import { effectiveInterval } from './domain/plan.ts';
import * as repo from './repository.ts';
import type { CareVisitsTable } from './schema.ts';
import { syncCommunity } from './service.ts';
import type { Insertable } from 'kysely';

const DAY = 86_400_000;
const FOUND = [
  '老人身体状况良好，精神不错',
  '家中整洁，饮食正常',
  '提醒按时服药',
  '聊天半小时，心情愉快',
  '屋内供暖正常',
];

/** The demo water-heater visit's finding (the e2e story and docs refer to it). */
export const WATER_HEATER = '热水器坏了，老人这几天无法洗澡';

/** Seeds the demo care story; returns the visit count. Does nothing when the demo community is absent. */
export async function seedDemoCare(db: Kysely<Database>, now: Date): Promise<{ visits: number }> {
  const code = DEMO_COMMUNITY_CODE;
  if (!(await placeByCode(db, code))) return { visits: 0 };
  const rng = mulberry32(20261130);
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  await syncCommunity({ db }, code, yearAgo, yearAgo);
  const { items } = await repo.listPage(db, { code }, null, null, 100_000);
  const workers = new Map<string, { id: string; name: string }>();
  for (let seq = 1; seq <= 15; seq++) {
    const [a] = await accountBriefs(db, { username: `grid${String(seq).padStart(2, '0')}` });
    if (a) workers.set(a.scopeCode, { id: a.id, name: a.displayName });
  }
  const [elder] = await accountBriefs(db, { username: 'resident_elder' });
  const fullGrids = new Set([`${code}03`, elder?.scopeCode ?? '']);
  const visits: Insertable<CareVisitsTable>[] = [];
  for (const s of items) {
    const w = s.grid_code ? workers.get(s.grid_code) : undefined;
    if (!w) continue;
    const days = effectiveInterval(s.default_days, s.override_days);
    // one in eight fell behind: the last visit was two to five intervals ago
    const behind = rng() < 0.125 ? days * (2 + Math.floor(rng() * 4)) : 0;
    // the whole year's history in two grids (the e2e worker's and the elder's); elsewhere the last three
    // visits (what due dates depend on), so the seed stays fast on PGlite
    const full = s.grid_code !== null && fullGrids.has(s.grid_code);
    const from = full ? yearAgo.getTime() : now.getTime() - behind * DAY - 3 * days * DAY;
    let t = Math.round(Math.max(yearAgo.getTime(), from) + rng() * days * DAY);
    while (t < now.getTime() - behind * DAY - DAY) {
      const at = new Date(t);
      visits.push({
        id: uuidv7(t),
        resident_id: s.resident_id,
        community_code: code,
        grid_code: s.grid_code,
        visitor_id: w.id,
        visitor_role: 'grid_worker',
        visitor_name: w.name,
        visited_at: at,
        lon: null,
        lat: null,
        found: FOUND[Math.floor(rng() * FOUND.length)]!,
        follow_up: null,
        problem: false,
        case_id: null,
        created_at: at,
      });
      t += Math.round(days * DAY * (0.75 + rng() * 0.3));
    }
  }
  await repo.insertVisits(db, visits);
  await repo.refreshLastVisits(db, code);
  await waterHeater(db, now, workers);
  return { visits: visits.length + 1 };
}

/** resident_elder's notes, a volunteer carer, and the visit that found the broken water heater (and its case). */
async function waterHeater(db: Kysely<Database>, now: Date, workers: Map<string, { id: string; name: string }>) {
  const [elder] = await accountBriefs(db, { username: 'resident_elder' });
  const [volunteer] = await accountBriefs(db, { username: 'resident_silu' });
  if (!elder?.residentId) return;
  const home = (await residentHomes(db, [elder.residentId], now)).get(elder.residentId);
  const subject = await repo.getSubject(db, elder.residentId);
  const w = home?.gridCode ? workers.get(home.gridCode) : undefined;
  if (!home || !subject || !w || home.lon === null || home.lat === null) return;
  await repo.setNotes(db, elder.residentId, { health_note: '高血压，每日服药', ability_note: '行走需拐杖' }, now);
  if (volunteer) await repo.addCarer(db, elder.residentId, volunteer.id, home.communityCode, now);
  const at = new Date(now.getTime() - 2 * DAY);
  const id = uuidv7(at.getTime());
  await repo.insertVisit(db, {
    id,
    resident_id: elder.residentId,
    community_code: home.communityCode,
    grid_code: home.gridCode,
    visitor_id: w.id,
    visitor_role: 'grid_worker',
    visitor_name: w.name,
    visited_at: at,
    lon: home.lon,
    lat: home.lat,
    found: WATER_HEATER,
    follow_up: '已联系维修',
    problem: true,
    case_id: null,
    created_at: at,
  });
  const actor: Actor = {
    accountId: w.id,
    username: 'demo-seed',
    displayName: w.name,
    role: 'grid_worker',
    scopeCode: home.gridCode!,
    residentId: null,
    householdId: null,
    sessionId: 'demo-seed',
    csrfToken: 'demo-seed',
  };
  await openLinkedCase(
    casesRuntime(db, () => at),
    { actor, lang: 'zh-CN', ip: '127.0.0.1' },
    {
      categoryCode: 'X06',
      description: WATER_HEATER,
      lon: home.lon,
      lat: home.lat,
      address: home.address,
      attributes: { careVisit: id },
    },
    async (trx) => (await repo.lockVisit(trx, id))?.case_id ?? null,
    (trx, caseId) => repo.setVisitCase(trx, id, caseId),
  );
}
