/**
 * The cobuild demo story: a year of 大党委引领、社会化共建 in 东湖社区 — eight partner units with commitments and
 * resources, 双报到 party members, needs (one, "陪伴独居老人读报", still open to claim), claims and completed
 * projects with evidence, 40 volunteers, two activities a month with sign-ups, attendance and time-bank rows, and
 * a few redemptions. Deterministic (seeded PRNG, dates relative to `now`), one transaction, one bulk load.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { audit } from '../../platform/audit.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { placeByCode, residentsBornBetween } from '../registry/index.ts';
import { serviceMinutes } from './domain/timebank.ts';
import * as repo from './repository.ts';
import type { SeedRows } from './repository/seed.ts';
import { UNITS, NEEDS, ACTIVITIES } from './demoData.ts';
import { PHOTO_PNG, SIGNATURE_PNG } from './demoImages.ts';

/** The demo community (registry/demo; the generator's code is not importable from here). */
const DEMO = '620702004006';
/** 丝路嘉苑, the middle of the demo community. */
const CENTRE = { lon: 100.45078895, lat: 38.9448666 };
const DAY = 86_400_000;

/** Seeds the story once (does nothing when the demo community is absent or the story is already there). */
export async function seedDemoCobuild(db: Kysely<Database>, now: Date): Promise<void> {
  const place = await placeByCode(db, DEMO);
  if (!place?.isDemo || (await repo.anyUnit(db, DEMO))) return;
  const rnd = mulberry32(20241003);
  const t0 = now.getTime();
  let n = 0;
  const id = (at: number) => uuidv7(at + (n++ % 1000));
  const year = Number(new Date(t0 + 8 * 3_600_000).toISOString().slice(0, 4));
  const rows: Required<Pick<SeedRows, keyof SeedRows>> = {
    cobuild_units: [],
    cobuild_commitments: [],
    cobuild_resources: [],
    cobuild_members: [],
    cobuild_needs: [],
    cobuild_projects: [],
    cobuild_project_updates: [],
    cobuild_evidence: [],
    cobuild_volunteers: [],
    cobuild_activities: [],
    cobuild_signups: [],
    cobuild_attendance: [],
    cobuild_code_uses: [],
    cobuild_hours: [],
    cobuild_secrets: [],
  };
  const created = new Date(t0 - 365 * DAY);
  const units = UNITS.map((u, i) => {
    const row = {
      id: id(created.getTime()),
      community_code: DEMO,
      name: u.name,
      kind: u.kind,
      contact_name: u.contact,
      contact_phone: u.phone,
      address: u.address,
      lon: CENTRE.lon + u.dx,
      lat: CENTRE.lat + u.dy,
      description: u.description,
      published: true,
      created_at: created,
    };
    rows.cobuild_units.push(row);
    rows.cobuild_commitments.push({
      id: id(created.getTime()),
      community_code: DEMO,
      unit_id: row.id,
      year,
      title: u.commitment,
      target_hours: u.targetHours,
      created_at: created,
    });
    for (const r of u.resources)
      rows.cobuild_resources.push({
        id: id(created.getTime()),
        community_code: DEMO,
        unit_id: row.id,
        kind: r.kind,
        category: r.category,
        title: r.title,
        amount_fen: r.amountFen ?? null,
        hours: r.hours ?? null,
        created_at: created,
      });
    return { ...row, i };
  });

  const adults = await residentsBornBetween(db, DEMO, '1965-01-01', '2004-12-31', 400);
  const members = adults.filter((_, i) => i % 29 === 3).slice(0, 12);
  members.forEach((m, i) => {
    const u = units[i % units.length]!;
    rows.cobuild_members.push({
      id: id(t0 - 300 * DAY),
      community_code: DEMO,
      resident_id: m.id,
      name: m.name,
      unit_id: u.id,
      employer: u.name,
      registered_at: new Date(t0 - (300 - i * 7) * DAY),
    });
  });

  NEEDS.forEach((nd, i) => {
    const at = t0 - nd.daysAgo * DAY;
    const need = {
      id: id(at),
      community_code: DEMO,
      source: nd.source,
      source_id: null,
      category: nd.category,
      title: nd.title,
      description: nd.description,
      lon: CENTRE.lon + (rnd() - 0.5) * 0.008,
      lat: CENTRE.lat + (rnd() - 0.5) * 0.006,
      status:
        nd.state === 'open' ? ('open' as const) : nd.state === 'claimed' ? ('claimed' as const) : ('done' as const),
      created_by: null,
      created_at: new Date(at),
    };
    rows.cobuild_needs.push(need);
    if (nd.state === 'open') return;
    const u = units[nd.unit ?? i % units.length]!;
    const claimedAt = at + 2 * DAY;
    const doneAt = at + nd.days * DAY;
    const project = {
      id: id(claimedAt),
      community_code: DEMO,
      need_id: need.id,
      claimant_kind: 'unit' as const,
      unit_id: u.id,
      member_id: null,
      team_name: null,
      status: nd.state === 'done' ? ('done' as const) : ('claimed' as const),
      progress: nd.state === 'done' ? 100 : 40,
      summary: nd.state === 'done' ? nd.summary : null,
      claimed_by: null,
      claimed_at: new Date(claimedAt),
      completed_at: nd.state === 'done' ? new Date(doneAt) : null,
    };
    rows.cobuild_projects.push(project);
    rows.cobuild_project_updates.push({
      id: id(claimedAt),
      project_id: project.id,
      community_code: DEMO,
      progress: 40,
      note: nd.progressNote,
      actor_id: null,
      at: new Date(claimedAt + DAY),
    });
    if (nd.state !== 'done') return;
    for (const [kind, data, signer] of [
      ['photo', PHOTO_PNG, null],
      ['signature', SIGNATURE_PNG, nd.signer],
    ] as const)
      rows.cobuild_evidence.push({
        id: id(doneAt),
        project_id: project.id,
        community_code: DEMO,
        kind,
        mime: 'image/png',
        bytes: Buffer.from(data, 'base64').length,
        data,
        signer,
        actor_id: null,
        at: new Date(doneAt),
      });
  });

  const vols = adults.filter((_, i) => i % 7 === 1).slice(0, 40);
  const balance = new Map<string, number>();
  const volRows = vols.map((r, i) => ({
    id: id(t0 - 360 * DAY),
    community_code: DEMO,
    resident_id: r.id,
    account_id: null,
    name: r.name,
    skills: JSON.stringify(i % 3 ? ['陪伴'] : ['读报', '理发']),
    created_at: new Date(t0 - 360 * DAY),
  }));
  const volIds = volRows.map((v) => v.id);
  const hours = (
    vId: string,
    activityId: string | null,
    kind: 'service' | 'redemption',
    minutes: number,
    at: number,
    note: string,
  ) => {
    rows.cobuild_hours.push({
      id: id(at),
      community_code: DEMO,
      volunteer_id: vId,
      activity_id: activityId,
      kind,
      minutes,
      reverses_id: null,
      note,
      actor_id: null,
      at: new Date(at),
    });
    balance.set(vId, (balance.get(vId) ?? 0) + minutes);
  };
  for (let k = 0; k < 24; k++) {
    const a = ACTIVITIES[k % ACTIVITIES.length]!;
    const day = Math.floor(t0 / DAY) * DAY - (350 - k * 15) * DAY; // every 15 days over the last year
    const startsAt = day + (1 + (k % 3)) * 3_600_000; // 09:00–11:00 Beijing time
    const endsAt = startsAt + a.hours * 3_600_000;
    const act = { id: id(startsAt), capacity: a.capacity };
    const chosen = volIds.filter(() => rnd() < 0.35).slice(0, a.capacity);
    rows.cobuild_activities.push({
      id: act.id,
      community_code: DEMO,
      title: a.title,
      description: a.description,
      place_name: a.place,
      lon: CENTRE.lon + a.dx,
      lat: CENTRE.lat + a.dy,
      radius_m: 150,
      starts_at: new Date(startsAt),
      ends_at: new Date(endsAt),
      capacity: a.capacity,
      skills: JSON.stringify(a.skills),
      status: 'closed',
      confirmed: chosen.length,
      organiser_id: null,
      created_at: new Date(startsAt - 10 * DAY),
      closed_at: new Date(endsAt + 3_600_000),
    });
    for (const vId of chosen) {
      const inAt = startsAt - Math.floor(rnd() * 15) * 60_000;
      const outAt = endsAt - Math.floor(rnd() * 20) * 60_000;
      rows.cobuild_signups.push({
        id: id(startsAt),
        activity_id: act.id,
        volunteer_id: vId,
        community_code: DEMO,
        status: 'confirmed',
        created_at: new Date(startsAt - 5 * DAY),
        updated_at: new Date(startsAt - 5 * DAY),
      });
      rows.cobuild_attendance.push({
        activity_id: act.id,
        volunteer_id: vId,
        community_code: DEMO,
        checked_in_at: new Date(inAt),
        in_method: 'qr',
        checked_out_at: new Date(outAt),
        out_method: 'qr',
      });
      hours(
        vId,
        act.id,
        'service',
        serviceMinutes(new Date(inAt), new Date(outAt), new Date(startsAt), new Date(endsAt)),
        outAt,
        'qr',
      );
    }
  }
  // a few redemptions: care for the volunteer's own parents, paid from the time bank
  for (const vId of volIds.slice(0, 6)) {
    const b = balance.get(vId) ?? 0;
    if (b >= 120) hours(vId, null, 'redemption', -120, t0 - 20 * DAY, '为父母兑换上门助浴服务 2 小时');
  }
  for (const v of volRows) rows.cobuild_volunteers.push({ ...v, balance_minutes: balance.get(v.id) ?? 0 });
  // two upcoming activities: one today (check-in open now), one next week
  for (const [i, a] of ACTIVITIES.slice(0, 2).entries()) {
    const startsAt = i === 0 ? t0 - 10 * 60_000 : t0 + 7 * DAY;
    rows.cobuild_activities.push({
      id: id(t0),
      community_code: DEMO,
      title: a.title,
      description: a.description,
      place_name: a.place,
      lon: CENTRE.lon + a.dx,
      lat: CENTRE.lat + a.dy,
      radius_m: 150,
      starts_at: new Date(startsAt),
      ends_at: new Date(startsAt + 3 * 3_600_000),
      capacity: a.capacity,
      skills: JSON.stringify(a.skills),
      status: 'open',
      confirmed: 0,
      organiser_id: null,
      created_at: new Date(t0 - 3 * DAY),
      closed_at: null,
    });
  }
  await db.transaction().execute(async (trx) => {
    await repo.bulkInsert(trx, rows);
    await audit(trx, null, {
      action: 'cobuild.demo.seed',
      entity: 'cobuild_unit',
      entityId: null,
      scopeCode: DEMO,
      after: {
        units: units.length,
        needs: NEEDS.length,
        volunteers: volIds.length,
        activities: rows.cobuild_activities.length,
      },
    });
  });
}
