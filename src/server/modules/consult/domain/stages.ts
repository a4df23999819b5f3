/**
 * The stages of a consultation topic, after the 2015 national guideline on community consultation (set the topic
 * → notify → consult → implement and publish → report back), as Ganzhou runs them: 征集 → 协商 → 表决 → 公示 →
 * 实施 → 验收 → 评价. A topic moves one stage forward at a time; each move is dated.
 */

/** The stages in order. */
const STAGES = ['collect', 'deliberate', 'vote', 'publicity', 'implement', 'acceptance', 'review'] as const;
/** One stage. */
export type Stage = (typeof STAGES)[number];

/** The Chinese name of each stage. */
export const STAGE_ZH: Record<Stage, string> = {
  collect: '征集',
  deliberate: '协商',
  vote: '表决',
  publicity: '公示',
  implement: '实施',
  acceptance: '验收',
  review: '评价',
};

/** Whether `s` is a stage. */
export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/** The stage after `s` (null after the last). */
function nextStage(s: Stage): Stage | null {
  return STAGES[STAGES.indexOf(s) + 1] ?? null;
}

/** Why a move is refused, or null when `to` is the next stage and its condition holds. */
export function checkAdvance(
  from: Stage,
  to: Stage,
  facts: { passedDecision: boolean; openVotes: number; project: boolean },
): 'NOT_NEXT' | 'VOTE_OPEN' | 'NOT_APPROVED' | 'NO_PROJECT' | null {
  if (nextStage(from) !== to) return 'NOT_NEXT';
  if (facts.openVotes > 0) return 'VOTE_OPEN';
  // 公示 publishes a decision: only a topic whose decision vote passed moves on to it
  if (to === 'publicity' && !facts.passedDecision) return 'NOT_APPROVED';
  if (to === 'acceptance' && !facts.project) return 'NO_PROJECT';
  return null;
}

/** A topic is public (no login) from 公示 on: its result is published. */
export const isPublished = (s: Stage): boolean => STAGES.indexOf(s) >= STAGES.indexOf('publicity');
