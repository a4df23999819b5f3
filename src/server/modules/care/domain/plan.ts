/**
 * Visit plans (pure): which registry tags put a person on the care list, the default visit interval per tag,
 * when the next visit is due, and the naive "overdue from every visit" computation the SQL list is checked
 * against. Intervals are local policy (docs/care.md): the defaults below, overridable per person by staff.
 */

/** Default visit interval in days per care tag (一老一小: elderly living alone weekly, …). */
const DEFAULT_INTERVALS: Readonly<Record<string, number>> = {
  独居老人: 7,
  留守儿童: 7,
  困境儿童: 7,
  空巢老人: 14,
  残疾: 14,
};

/** The tags that put a resident on the care list. */
export const CARE_TAGS: readonly string[] = Object.keys(DEFAULT_INTERVALS);

/** Tags that mark a child (all personal information of a child under 14 is sensitive, PIPL art. 28/31). */
export const CHILD_TAGS: readonly string[] = ['留守儿童', '困境儿童', '儿童'];

/** Longest interval staff may set, in days. */
export const MAX_INTERVAL_DAYS = 365;

const DAY_MS = 86_400_000;

/** The care tags among `tags`, in the order of {@link CARE_TAGS}. */
export function careTagsOf(tags: readonly string[]): string[] {
  return CARE_TAGS.filter((t) => tags.includes(t));
}

/**
 * The default interval of a person: the shortest of their care tags' intervals (the most frequent care wins).
 * @returns null when no tag puts the person on the list
 */
export function defaultInterval(tags: readonly string[], intervals = DEFAULT_INTERVALS): number | null {
  const days = tags.map((t) => intervals[t]).filter((d): d is number => d !== undefined);
  return days.length ? Math.min(...days) : null;
}

/** The interval in force: the person's override, else the default. */
export function effectiveInterval(defaultDays: number, overrideDays: number | null): number {
  return overrideDays ?? defaultDays;
}

/** When the next visit is due: one interval after the last visit (or after the person came on the list). */
function nextDue(since: Date, lastVisit: Date | null, days: number): Date {
  return new Date((lastVisit ?? since).getTime() + days * DAY_MS);
}

/** Whole days a visit due at `due` is overdue at `now` (0 when not overdue). */
export function overdueDays(due: Date, now: Date): number {
  return due.getTime() >= now.getTime() ? 0 : Math.floor((now.getTime() - due.getTime()) / DAY_MS);
}

/** A person on the list as the naive computation needs them. */
export interface PlanFacts {
  residentId: string;
  since: Date;
  days: number;
}

/**
 * The reference computation: the persons overdue at `now` computed from every visit row (latest visit per
 * person, then the due date), most overdue first. The SQL list must give the same answer (tests hold them equal).
 */
export function overdueFromVisits(
  plans: readonly PlanFacts[],
  visits: readonly { residentId: string; at: Date }[],
  now: Date,
): { residentId: string; due: Date }[] {
  const last = new Map<string, number>();
  for (const v of visits) {
    const t = v.at.getTime();
    if (t > (last.get(v.residentId) ?? -Infinity)) last.set(v.residentId, t);
  }
  return plans
    .map((p) => {
      const l = last.get(p.residentId);
      return { residentId: p.residentId, due: nextDue(p.since, l === undefined ? null : new Date(l), p.days) };
    })
    .filter((x) => x.due.getTime() < now.getTime())
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.residentId.localeCompare(b.residentId));
}
