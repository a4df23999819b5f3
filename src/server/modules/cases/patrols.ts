/**
 * Patrol log: a grid worker starts a patrol, posts GPS track points, stops it; cases reported on it are
 * patrol-found.
 */
import { AppError } from '../../platform/errors.ts';
import { audit, auditRead } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { distanceM } from './domain/duplicates.ts';
import type { CasesModule, Who } from './module.ts';
import { wgs84Of } from './service.ts';
import type { Crs } from '../../../shared/geo/crs.ts';
import * as repo from './repository/patrols.ts';

const WORKERS = new Set(['grid_worker', 'community_staff']);

function present(
  p: { id: string; started_at: Date; ended_at: Date | null; distance_m: number; track: [number, number, number][] },
  casesFound: number,
) {
  return {
    id: p.id,
    startedAt: p.started_at.toISOString(),
    endedAt: p.ended_at?.toISOString() ?? null,
    distanceM: Math.round(p.distance_m),
    points: p.track.length,
    track: p.track,
    casesFound,
  };
}

async function own(m: CasesModule, who: Who, id: string) {
  const p = await repo.getPatrol(m.db, id);
  if (!p || !who.actor || p.account_id !== who.actor.accountId) throw new AppError('NOT_FOUND');
  return p;
}

const found = (m: CasesModule, id: string) => repo.casesFoundOnPatrol(m.db, id);

/** Starts a patrol. */
export async function start(m: CasesModule, who: Who) {
  const a = who.actor;
  if (!a) throw new AppError('UNAUTHENTICATED');
  if (!WORKERS.has(a.role)) throw new AppError('FORBIDDEN');
  const now = m.clock();
  const row = {
    id: uuidv7(now.getTime()),
    community_code: a.scopeCode.slice(0, 12),
    grid_code: a.scopeCode.length >= 14 ? a.scopeCode : null,
    account_id: a.accountId,
    started_at: now,
    ended_at: null,
    track: '[]',
    distance_m: 0,
  };
  await m.db.transaction().execute(async (trx) => {
    await repo.insertPatrol(trx, row);
    await audit(
      trx,
      { accountId: a.accountId, role: a.role },
      { action: 'patrol.start', entity: 'patrol', entityId: row.id, scopeCode: a.scopeCode, ip: who.ip },
    );
  });
  return present({ ...row, track: [] }, 0);
}

/**
 * Appends track points (WGS-84 stored), adding the walked distance. The patrol row is locked before it is read,
 * so two posts at once (a phone flushing its offline buffer while a live point goes out) both land, in turn;
 * a point already on the track (same time, a retried post) is not added twice.
 */
export async function track(
  m: CasesModule,
  who: Who,
  id: string,
  points: { lon: number; lat: number; at: string; crs?: Crs | undefined }[],
) {
  const add = points.map((q) => {
    const [lon, lat] = wgs84Of(q);
    return [lon, lat, Date.parse(q.at)] as [number, number, number];
  });
  const { p, all, d } = await m.db.transaction().execute(async (trx) => {
    const p = await repo.lockPatrol(trx, id);
    if (!p || !who.actor || p.account_id !== who.actor.accountId) throw new AppError('NOT_FOUND');
    if (p.ended_at) throw new AppError('PATROL_CLOSED');
    const seen = new Set(p.track.map((t) => t[2]));
    const fresh = add.filter((t) => !seen.has(t[2]) && seen.add(t[2]));
    const all = [...p.track, ...fresh];
    let d = p.distance_m;
    for (let i = Math.max(1, p.track.length); i < all.length; i++)
      d += distanceM(all[i - 1]![0], all[i - 1]![1], all[i]![0], all[i]![1]);
    if (fresh.length) await repo.setPatrolTrack(trx, id, JSON.stringify(all), d);
    return { p, all, d };
  });
  return present({ ...p, track: all, distance_m: d }, await found(m, id));
}

/** Stops a patrol. */
export async function stop(m: CasesModule, who: Who, id: string) {
  await own(m, who, id);
  const now = m.clock();
  const p = await m.db.transaction().execute(async (trx) => {
    // Locked before the check: a track post in flight finishes first, and the audit row sees its points.
    const p = (await repo.lockPatrol(trx, id))!;
    if (p.ended_at) throw new AppError('PATROL_CLOSED');
    await repo.endPatrol(trx, id, now);
    await audit(
      trx,
      { accountId: who.actor!.accountId, role: who.actor!.role },
      {
        action: 'patrol.stop',
        entity: 'patrol',
        entityId: id,
        scopeCode: p.grid_code ?? p.community_code,
        after: { distanceM: p.distance_m, points: p.track.length },
        ip: who.ip,
      },
    );
    return p;
  });
  return present({ ...p, ended_at: now }, await found(m, id));
}

/** One of my patrols. A GPS track is personal data (where a person was, when): each read is recorded. */
export async function get(m: CasesModule, who: Who, id: string) {
  const p = await own(m, who, id);
  await auditRead(m.db, who.actor!, {
    entity: 'patrol',
    entityId: id,
    scopeCode: p.grid_code ?? p.community_code,
    rows: p.track.length,
    ip: who.ip,
  });
  return present(p, await found(m, id));
}
