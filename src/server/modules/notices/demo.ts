/**
 * The demo community's notices over the year (deterministic): community-wide notices, a building's water cut,
 * one to the elderly living alone, and yesterday's urgent cold-wave warning that about a third of households
 * have not read yet (a few of those told in person).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mulberry32 } from '../../../shared/rng.ts';
import { DEMO_COMMUNITY_CODE, householdsInScope, placeByCode, type HouseholdScope } from '../registry/index.ts';
import * as repo from './repository.ts';

const DAY = 86_400_000;

/** Title of the demo's urgent notice (the e2e story opens it). */
const URGENT_DEMO_TITLE = '寒潮蓝色预警：今晚起大风降温';

/** Seeds the demo notices; returns how many were sent. Does nothing when the demo community is absent. */
export async function seedDemoNotices(db: Kysely<Database>, now: Date): Promise<{ notices: number }> {
  const code = DEMO_COMMUNITY_CODE;
  const place = await placeByCode(db, code);
  if (!place) return { notices: 0 };
  const rng = mulberry32(20261201);
  const list: {
    daysAgo: number;
    title: string;
    body: string;
    urgent: boolean;
    scope: HouseholdScope;
    label: string;
    value: string;
    readShare: number;
  }[] = [
    {
      daysAgo: 300,
      title: '党员志愿服务日通知',
      body: '本月15日上午9点在党群服务中心集合，参加社区环境整治志愿服务。',
      urgent: false,
      scope: { kind: 'tag', tag: '党员' },
      label: '党员',
      value: '党员',
      readShare: 0.8,
    },
    {
      daysAgo: 180,
      title: '老年人免费体检通知',
      body: '本周六上午在日间照料中心为60岁以上老人免费体检，请携带身份证。',
      urgent: false,
      scope: { kind: 'tag', tag: '独居老人' },
      label: '独居老人',
      value: '独居老人',
      readShare: 0.7,
    },
    {
      daysAgo: 40,
      title: '冬季供暖试水通知',
      body: '供暖试水期间请家中留人，发现漏水及时联系网格员。',
      urgent: false,
      scope: { kind: 'grid', code: `${code}03` },
      label: '3号网格',
      value: `${code}03`,
      readShare: 0.75,
    },
    {
      daysAgo: 1,
      title: URGENT_DEMO_TITLE,
      body: '今晚起有大风降温，请关好门窗、注意用火用电安全，独居老人家中请备好常用药。',
      urgent: true,
      scope: { kind: 'community' },
      label: place.name,
      value: code,
      readShare: 0.65,
    },
  ];
  for (const n of list) {
    const at = new Date(now.getTime() - n.daysAgo * DAY);
    const id = uuidv7(at.getTime());
    const households = await householdsInScope(db, code, n.scope);
    await repo.insertNotice(
      db,
      {
        id,
        community_code: code,
        scope_kind: n.scope.kind,
        scope_value: n.value,
        scope_label: n.label,
        title: n.title,
        body: n.body,
        urgent: n.urgent,
        sender_id: null,
        sender_name: '东湖社区居委会',
        households: households.length,
        sent_at: at,
      },
      households.map((h) => {
        const read = rng() < n.readShare;
        const told = !read && n.urgent && rng() < 0.1;
        return {
          notice_id: id,
          household_id: h.householdId,
          community_code: code,
          grid_code: h.gridCode,
          building_id: h.buildingId,
          read_at: read ? new Date(at.getTime() + Math.round(rng() * 0.8 * DAY)) : null,
          told_at: told ? new Date(at.getTime() + Math.round(rng() * 0.5 * DAY)) : null,
        };
      }),
    );
  }
  return { notices: list.length };
}
