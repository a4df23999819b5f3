/** Certificates, the public page of what each unit did, and the overview tiles. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { shanghaiDate, shanghaiMidnightMs } from '../../../../shared/time.ts';
import { placeNames } from '../../registry/index.ts';
import { renderCertificate } from '../certificate.ts';
import type { Ctx } from '../context.ts';
import * as repo from '../repository.ts';
import { ledger } from './hours.ts';
import { requireVolunteer } from './volunteers.ts';

/** The certificate of a volunteer for a year (the volunteer themselves, or staff of the area). */
export async function certificate(ctx: Ctx, volunteerId: string | null, year: number): Promise<Buffer> {
  const id = volunteerId ?? (await requireVolunteer(ctx)).id;
  const l = await ledger(ctx, id);
  const y = l.years.find((s) => s.year === year) ?? { year, activities: 0, servedMinutes: 0, redeemedMinutes: 0 };
  const names = await placeNames(ctx.db, [l.volunteer.communityCode]);
  const byActivity = new Map<string, { date: string; title: string; minutes: number }>();
  for (const r of l.rows) {
    if (!r.activityId || r.kind === 'redemption' || Number(shanghaiDate(r.at).slice(0, 4)) !== year) continue;
    const e = byActivity.get(r.activityId) ?? { date: shanghaiDate(r.at), title: r.activityTitle ?? '', minutes: 0 };
    e.minutes += r.minutes;
    byActivity.set(r.activityId, e);
  }
  return renderCertificate(
    {
      name: l.volunteer.name,
      communityName: names.get(l.volunteer.communityCode) ?? l.volunteer.communityCode,
      year,
      activities: y.activities,
      servedMinutes: y.servedMinutes,
      redeemedMinutes: y.redeemedMinutes,
      balanceMinutes: l.balanceMinutes,
      issuedOn: shanghaiDate(ctx.now),
      lines: [...byActivity.values()].sort((a, b) => a.date.localeCompare(b.date)),
    },
    ctx.lang,
  );
}

/** Public: the published units of a community and the completed projects of each (no personal data). */
export async function publicUnits(db: Kysely<Database>, code: string) {
  const units = await repo.publishedUnitsOf(db, code);
  const done = await repo.doneProjectsOfUnits(
    db,
    units.map((u) => u.id),
  );
  const names = await placeNames(db, [code]);
  return {
    community: { code, name: names.get(code) ?? null },
    units: units.map((u) => {
      const mine = done.filter((p) => p.unit_id === u.id);
      return {
        id: u.id,
        name: u.name,
        kind: u.kind,
        description: u.description,
        projectsDone: mine.length,
        projects: mine.map((p) => ({ title: p.need_title, category: p.need_category, completedAt: p.completed_at })),
      };
    }),
  };
}

/** Public: one published unit; 404 for an unpublished or unknown one. */
export async function publicUnit(db: Kysely<Database>, id: string) {
  const u = await repo.getUnit(db, id);
  if (!u?.published) throw new AppError('NOT_FOUND');
  const all = await publicUnits(db, u.community_code);
  const one = all.units.find((x) => x.id === id);
  if (!one) throw new AppError('NOT_FOUND');
  return { community: all.community, unit: one };
}

/** One tile of the secretary's overview. */
export interface OverviewTile {
  key: string;
  value: number | string;
  href: string;
}

/**
 * Tiles for the overview page: volunteer hours this month (Asia/Shanghai calendar month, corrections included)
 * and partner-unit projects open and done, for a community or every community under a street or district code.
 */
export async function overviewTiles(
  db: Kysely<Database>,
  scopeCode: string,
  now = new Date(),
): Promise<OverviewTile[]> {
  const today = shanghaiDate(now);
  const first = `${today.slice(0, 8)}01`;
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const prefix = scopeCode.slice(0, 12);
  const [minutes, projects] = await Promise.all([
    repo.servedMinutes(db, prefix, new Date(shanghaiMidnightMs(first)), new Date(shanghaiMidnightMs(next))),
    repo.projectCounts(db, prefix),
  ]);
  const q = `?code=${prefix}`;
  return [
    { key: 'cobuild.volunteerHoursMonth', value: Math.round(minutes / 6) / 10, href: `/cobuild/activities${q}` },
    { key: 'cobuild.projectsOpen', value: projects.open, href: `/cobuild/projects${q}&status=claimed` },
    { key: 'cobuild.projectsDone', value: projects.done, href: `/cobuild/projects${q}&status=done` },
  ];
}
