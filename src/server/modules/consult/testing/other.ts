/** Consult rows in the other test community (see testing/fixtures.ts): a topic with a vote, drawing and project. */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../../platform/db/schema.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { OTHER_COMMUNITY, type OtherIds } from '../../../testing/fixtures.ts';

/** Ids of the rows added by {@link addOtherConsult}. */
export interface OtherConsult {
  topic: string;
  vote: string;
  drawing: string;
  project: string;
  photo: string;
  comment: string;
}

/** Adds an unpublished topic at 实施 of the other community, with an open vote, a drawing, a project and a photo. */
export async function addOtherConsult(db: Kysely<Database>, o: OtherIds): Promise<OtherConsult> {
  const ids = {
    topic: uuidv7(),
    vote: uuidv7(),
    drawing: uuidv7(),
    project: uuidv7(),
    photo: uuidv7(),
    comment: uuidv7(),
  };
  const now = new Date('2026-11-20T00:00:00Z');
  const c = OTHER_COMMUNITY;
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } })
    .png()
    .toBuffer();
  await db
    .insertInto('consult_topics')
    .values({
      id: ids.topic,
      community_code: c,
      scope_kind: 'building',
      scope_id: o.building,
      scope_name: '测试楼',
      title: '他社区议题',
      body: '秘密',
      stage: 'implement',
      origin: 'staff',
      raised_by: null,
      case_category: null,
    })
    .execute();
  await db
    .insertInto('consult_comments')
    .values({
      id: ids.comment,
      topic_id: ids.topic,
      community_code: c,
      parent_id: null,
      account_id: o.account,
      author: '王五',
      body: '他社区评论',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('consult_votes')
    .values({
      id: ids.vote,
      topic_id: ids.topic,
      community_code: c,
      project_id: null,
      purpose: 'decision',
      title: '他社区表决',
      kind: 'owners',
      matter: 'ordinary',
      secret: false,
      scope_kind: 'building',
      scope_id: o.building,
      total_area_centi: 8000,
      voters: 1,
      opens_at: now,
      closes_at: new Date('2027-01-01T00:00:00Z'),
      created_at: now,
    })
    .execute();
  await db
    .insertInto('consult_vote_roll')
    .values({
      vote_id: ids.vote,
      community_code: c,
      household_id: o.household,
      label: '测试楼-1-101',
      area_centi: 8000,
      owner_key: '王五',
      developer_unsold: false,
    })
    .execute();
  await db
    .insertInto('consult_drawings')
    .values({
      id: ids.drawing,
      topic_id: ids.topic,
      community_code: c,
      title: '图',
      version: 1,
      media_type: 'image/png',
      data: png.toString('base64'),
      bytes: png.length,
      sha256: 'x',
      note: '',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('consult_projects')
    .values({
      id: ids.project,
      topic_id: ids.topic,
      community_code: c,
      title: '他社区项目',
      budget_fen: 100,
      contractor: '某公司',
      lon: 100.48,
      lat: 38.93,
      status: 'active',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('consult_milestones')
    .values(
      (['design', 'build', 'accept'] as const).map((kind, i) => ({
        project_id: ids.project,
        community_code: c,
        seq: i + 1,
        kind,
        starts_on: '2026-11-01',
        due_on: '2026-12-01',
      })),
    )
    .execute();
  await db
    .insertInto('consult_project_photos')
    .values({
      id: ids.photo,
      project_id: ids.project,
      community_code: c,
      phase: 'before',
      media_type: 'image/png',
      data: png.toString('base64'),
      bytes: png.length,
      created_at: now,
    })
    .execute();
  return ids;
}
