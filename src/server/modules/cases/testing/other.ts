/** A case (with a photo) and a patrol in the test fixture's other community, for scope tests. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { OTHER_COMMUNITY, OTHER_GRID } from '../../../testing/fixtures.ts';

/** Ids of the rows added. */
export interface OtherCase {
  caseId: string;
  photoId: string;
  patrolId: string;
}

/** Inserts them directly (no API: the API would refuse the actors we test with). */
export async function addOtherCase(db: Kysely<Database>): Promise<OtherCase> {
  const ids = { caseId: uuidv7(), photoId: uuidv7(), patrolId: uuidv7() };
  const now = new Date();
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', 'gz_admin')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cases')
    .values({
      id: ids.caseId,
      community_code: OTHER_COMMUNITY,
      grid_code: OTHER_GRID,
      handler_code: OTHER_GRID,
      level: 'grid',
      status: 'resolved',
      category_code: 'X01',
      urgent: false,
      description: '其他社区的案件',
      address: null,
      lon: 100.485,
      lat: 38.935,
      reporter_id: null,
      reporter_name: '王五',
      reporter_phone: '13912345678',
      hide_name: true,
      source: 'hotline',
      patrol_id: null,
      tags: '[]',
      accept_by: null,
      resolve_by: new Date(now.getTime() + 86_400_000),
      supervised: false,
      pending_extension: null,
      rework_count: 0,
      extension_count: 0,
      escalation_count: 0,
      accepted_at: now,
      accepted_on_time: true,
      resolved_at: now,
      closed_at: null,
      closed_on_time: null,
      rating: null,
      rating_comment: null,
      merged_into: null,
      open311_token: null,
      last_note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('case_photos')
    .values({
      id: ids.photoId,
      case_id: ids.caseId,
      event_id: null,
      community_code: OTHER_COMMUNITY,
      mime: 'image/jpeg',
      width: 1,
      height: 1,
      bytes: 1,
      data: 'AA==',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('case_patrols')
    .values({
      id: ids.patrolId,
      community_code: '620702004006',
      grid_code: null,
      account_id: account.id,
      started_at: now,
      ended_at: null,
      track: '[]',
      distance_m: 0,
    })
    .execute();
  return ids;
}
