/** Test helpers of the consult module: a topic at 表决 over a building of the demo community, and a tiny JPEG. */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../../platform/db/schema.ts';
import type { Session } from '../../../testing/harness.ts';

/** resident_silu's household, building and the building's households (reads the seeded register). */
export async function siluHome(db: Kysely<Database>) {
  const a = await db
    .selectFrom('accounts as a')
    .innerJoin('residents as r', 'r.id', 'a.resident_id')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id as residentId', 'r.name', 'h.id as householdId', 'h.building_id', 'h.community_code'])
    .where('a.username', '=', 'resident_silu')
    .executeTakeFirstOrThrow();
  // the test needs resident_silu to be the registered owner (most heads of household are; make sure)
  await db
    .updateTable('households')
    .set({ owner_name: a.name, owner_key: `owner-${a.householdId}` })
    .where('id', '=', a.householdId)
    .execute();
  const households = await db
    .selectFrom('households')
    .select(['id', 'area_centi_m2', 'owner_key'])
    .where('building_id', '=', a.building_id!)
    .execute();
  const other = await db
    .selectFrom('households')
    .select('id')
    .where('community_code', '=', a.community_code)
    .where('building_id', '<>', a.building_id!)
    .executeTakeFirstOrThrow();
  const total = households.reduce((s, h) => s + h.area_centi_m2, 0);
  const declared = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
  return { ...a, buildingId: a.building_id!, households, outside: other.id, declared };
}

/** Creates a topic over `buildingId` and moves it to 表决; returns its id. */
export async function topicAtVote(staff: Session, communityCode: string, buildingId: string): Promise<string> {
  const r = await staff.request('POST', '/api/consult/topics', {
    communityCode,
    scope: { kind: 'building', id: buildingId },
    title: '加装电梯',
    body: '本楼是否加装电梯',
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  const id = (r.json() as { id: string }).id;
  for (const to of ['deliberate', 'vote']) {
    const s = await staff.request('POST', `/api/consult/topics/${id}/stage`, { to });
    if (s.statusCode !== 200) throw new Error(s.body);
  }
  return id;
}

/** A small JPEG (a paper ballot's scan). */
export async function scanJpeg(): Promise<string> {
  const b = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ddd' } })
    .jpeg()
    .toBuffer();
  return b.toString('base64');
}
