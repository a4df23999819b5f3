/**
 * Case indicators (docs/domain.md §3) computed from per-case facts. Definitions, for cases reported in the range:
 * - 应结案 (due): closed, or its resolve-by deadline has passed by `asOf` (cancelled and merged cases excluded);
 * - 结案率 = 结案 / 应结案; 按期结案率 = 按期结案 (handled by the resolve-by deadline) / 应结案;
 * - 响应率 = accepted by the accept-by deadline / cases that had to be accepted (accepted, or accept-by passed);
 * - 解决率 = cases resolved (feedback given, closed or waiting verification) / 应结案;
 * - 满意率 = ratings of 4 or 5 / rated cases;  返工率 = cases reworked at least once / cases ever resolved;
 * - 延期率 = cases with an approved extension / cases reported.
 * Every rate is in [0, 1], or null when its denominator is 0.
 */
import type { Status } from './workflow.ts';
import { CLOSED_STATUSES } from './status.ts';

/** What the indicators need from one case. */
export interface CaseFacts {
  status: Status;
  acceptBy: Date | null;
  resolveBy: Date;
  acceptedAt: Date | null;
  acceptedOnTime: boolean | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closedOnTime: boolean | null;
  reworkCount: number;
  extensionCount: number;
  rating: number | null;
}

/** Counts and rates of one group of cases. */
export interface Indicators {
  registered: number;
  due: number;
  closed: number;
  closedOnTime: number;
  mustAccept: number;
  acceptedOnTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  everResolved: number;
  reworked: number;
  extended: number;
  rates: {
    response: number | null;
    resolution: number | null;
    satisfaction: number | null;
    closure: number | null;
    onTimeClosure: number | null;
    rework: number | null;
    extension: number | null;
  };
}

/** Indicator definitions for display (zh-CN, en). */
export const DEFINITIONS = {
  response: { zh: '响应率 = 按时签收数 / 应签收数', en: 'Response rate = accepted on time / cases due for acceptance' },
  resolution: { zh: '解决率 = 已处置反馈数 / 应结案数', en: 'Resolution rate = cases handled / cases due' },
  satisfaction: { zh: '满意率 = 评价4–5分数 / 已评价数', en: 'Satisfaction = ratings of 4–5 / rated cases' },
  closure: { zh: '结案率 = 结案数 / 应结案数', en: 'Closure rate = closed / due' },
  onTimeClosure: { zh: '按期结案率 = 按期结案数 / 应结案数', en: 'On-time closure = closed by the deadline / due' },
  rework: { zh: '返工率 = 返工案件数 / 曾反馈案件数', en: 'Rework rate = reworked / ever resolved' },
  extension: { zh: '延期率 = 获批延期案件数 / 立案数', en: 'Extension rate = cases extended / cases registered' },
} as const;

const CLOSED: readonly Status[] = CLOSED_STATUSES;
const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/** Computes the indicators of a group as of `asOf`. */
export function indicators(cases: readonly CaseFacts[], asOf: Date): Indicators {
  const t = asOf.getTime();
  let registered = 0,
    due = 0,
    closed = 0,
    closedOnTime = 0,
    mustAccept = 0,
    acceptedOnTime = 0,
    resolved = 0,
    rated = 0,
    satisfied = 0,
    everResolved = 0,
    reworked = 0,
    extended = 0;
  for (const c of cases) {
    registered++;
    if (c.extensionCount > 0) extended++;
    if (c.status === 'cancelled' || c.status === 'merged') continue;
    const isClosed = CLOSED.includes(c.status);
    if (isClosed || c.resolveBy.getTime() <= t) {
      due++;
      if (isClosed) {
        closed++;
        if (c.closedOnTime) closedOnTime++;
      }
      if (isClosed || c.status === 'resolved') resolved++;
    }
    if (c.acceptedAt || (c.acceptBy && c.acceptBy.getTime() <= t)) {
      mustAccept++;
      if (c.acceptedOnTime) acceptedOnTime++;
    }
    if (isClosed || c.status === 'resolved' || c.reworkCount > 0) everResolved++;
    if (c.reworkCount > 0) reworked++;
    if (c.rating !== null) {
      rated++;
      if (c.rating >= 4) satisfied++;
    }
  }
  return withRates({
    registered,
    due,
    closed,
    closedOnTime,
    mustAccept,
    acceptedOnTime,
    resolved,
    rated,
    satisfied,
    everResolved,
    reworked,
    extended,
  });
}

/** The counts of a group (the numerators and denominators), e.g. as counted by SQL aggregates. */
export type IndicatorCounts = Omit<Indicators, 'rates'>;

/** Adds the rates to counts made by {@link indicators} or by an equivalent SQL aggregate. */
export function withRates(c: IndicatorCounts): Indicators {
  return {
    ...c,
    rates: {
      response: rate(c.acceptedOnTime, c.mustAccept),
      resolution: rate(c.resolved, c.due),
      satisfaction: rate(c.satisfied, c.rated),
      closure: rate(c.closed, c.due),
      onTimeClosure: rate(c.closedOnTime, c.due),
      rework: rate(c.reworked, c.everResolved),
      extension: rate(c.extended, c.registered),
    },
  };
}

/** Levels the metrics table can be grouped by. */
export type MetricsGroupBy = 'grid' | 'community' | 'street';

/** Suffix of the key of a community's cases that belong to no grid (its inbox). */
export const INBOX_SUFFIX = '··';

/**
 * The group a case falls in: its whole grid code (14 or 15 digits — never a prefix of it, so two Beijing
 * 15-digit grids are not merged), its community, or its street; a case with no grid is in its community's inbox.
 */
export function metricsGroupKey(gridCode: string | null, communityCode: string, groupBy: MetricsGroupBy): string {
  if (groupBy === 'street') return communityCode.slice(0, 9);
  if (groupBy === 'community') return communityCode;
  return gridCode ?? `${communityCode}${INBOX_SUFFIX}`;
}
