/** Kysely types of the notice tables (merged into the platform's Database type). */
import type { ColumnType } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** What a notice was sent to. */
type NoticeScopeKind = 'community' | 'compound' | 'building' | 'grid' | 'tag';

/** One notice (通知公告) as sent by community staff. */
export interface NoticesTable {
  id: string;
  community_code: string;
  scope_kind: NoticeScopeKind;
  /** The code (community, grid), id (compound, building) or tag the notice was sent to. */
  scope_value: string;
  /** The scope's name when sent (a building may be renamed later). */
  scope_label: string;
  title: string;
  body: string;
  urgent: boolean;
  sender_id: string | null;
  sender_name: string;
  /** Households addressed (never 0: a notice to an empty scope is refused). */
  households: number;
  sent_at: Ts;
}

/** One household a notice was addressed to: when someone of it read it, when a grid worker told it in person. */
export interface NoticeHouseholdsTable {
  notice_id: string;
  household_id: string;
  community_code: string;
  grid_code: string | null;
  building_id: string | null;
  read_at: TsNull;
  read_by: string | null;
  told_at: TsNull;
  told_by: string | null;
}

/** The notice tables. */
export interface NoticeTables {
  notices: NoticesTable;
  notice_households: NoticeHouseholdsTable;
}
