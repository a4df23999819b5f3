/**
 * One presenter and one response schema per audience: staff in scope see everything; residents of the scope see the
 * discussion and the votes (linked cases only as a count); the public sees a published topic without the
 * discussion's authors. The schemas strip any field an audience does not list.
 */
import { z } from 'zod';
import type { LoadedTopic } from './service/detail.ts';

const threshold = z.object({
  key: z.string(),
  unit: z.enum(['area', 'owners']),
  rule: z.string(),
  actual: z.string(),
  base: z.string(),
  required: z.string(),
  met: z.boolean(),
});
/** The tally as shown: each threshold with its numbers. */
export const resultSchema = z.object({
  kind: z.enum(['owners', 'households']),
  quorum: z.boolean(),
  passed: z.boolean(),
  summary: z
    .object({
      quorum: z.boolean(),
      passed: z.boolean(),
      totalArea: z.string(),
      owners: z.number().int(),
      participatingArea: z.string(),
      participatingOwners: z.number().int(),
      yesArea: z.string(),
      yesOwners: z.number().int(),
    })
    .nullable(),
  counts: z.object({
    yes: z.string(),
    no: z.string(),
    abstain: z.string(),
    yesVoters: z.number().int(),
    noVoters: z.number().int(),
    abstainVoters: z.number().int(),
  }),
  thresholds: z.array(threshold),
});

const vote = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.enum(['decision', 'acceptance']),
  kind: z.enum(['owners', 'households']),
  matter: z.enum(['major', 'ordinary']),
  secret: z.boolean(),
  voters: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  result: resultSchema.nullable(),
});

const base = {
  topic: z.object({
    id: z.string(),
    communityCode: z.string(),
    scope: z.object({ kind: z.string(), id: z.string(), name: z.string() }),
    title: z.string(),
    body: z.string(),
    stage: z.string(),
    origin: z.string(),
    published: z.boolean(),
    createdAt: z.string(),
  }),
  timeline: z.array(z.object({ stage: z.string(), startedAt: z.string(), note: z.string().nullable() })),
  supports: z.number().int(),
  proposals: z.array(
    z.object({ id: z.string(), title: z.string(), body: z.string(), alternatives: z.array(z.string()) }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      heldAt: z.string(),
      agenda: z.array(z.string()),
      present: z.number().int(),
      ofHouseholds: z.number().int(),
      minutes: z.string(),
      decisions: z.array(z.string()),
    }),
  ),
  drawings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      version: z.number().int(),
      mediaType: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      note: z.string(),
      createdAt: z.string(),
    }),
  ),
  votes: z.array(vote),
  project: z
    .object({
      id: z.string(),
      title: z.string(),
      budgetFen: z.number().int(),
      contractor: z.string(),
      lon: z.number(),
      lat: z.number(),
      status: z.string(),
      milestones: z.array(
        z.object({
          seq: z.number().int(),
          kind: z.string(),
          startsOn: z.string(),
          dueOn: z.string(),
          progress: z.number().int(),
          doneAt: z.string().nullable(),
          reopened: z.number().int(),
        }),
      ),
      photos: z.array(z.object({ id: z.string(), phase: z.string(), createdAt: z.string() })),
    })
    .nullable(),
};
const comments = z.array(
  z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    author: z.string(),
    body: z.string(),
    createdAt: z.string(),
  }),
);

/** The public (no login) view of a published topic: no comments, only closed votes. */
export const publicTopicSchema = z.object(base);
/** A resident of the scope: the discussion, their own participation in each vote, linked cases as a count. */
export const residentTopicSchema = z.object({
  ...base,
  audience: z.literal('resident'),
  comments,
  linkedCases: z.number().int(),
  myVotes: z.record(z.string(), z.enum(['online', 'paper']).nullable()),
});
/** Staff in scope: everything, linked cases included. */
export const staffTopicSchema = z.object({
  ...base,
  audience: z.literal('staff'),
  comments,
  cases: z.array(z.object({ id: z.string(), categoryCode: z.string(), status: z.string() })),
});

/** The public cut: only closed votes, no comments. */
export function presentPublic(t: LoadedTopic): z.infer<typeof publicTopicSchema> {
  return publicTopicSchema.parse({ ...t, votes: t.votes.filter((v) => v.closedAt !== null) });
}

/** The resident cut. */
export function presentResident(
  t: LoadedTopic,
  myVotes: Record<string, 'online' | 'paper' | null>,
): z.infer<typeof residentTopicSchema> {
  return residentTopicSchema.parse({ ...t, audience: 'resident', linkedCases: t.cases.length, myVotes });
}

/** The staff cut. */
export function presentStaff(t: LoadedTopic): z.infer<typeof staffTopicSchema> {
  return staffTopicSchema.parse({ ...t, audience: 'staff' });
}

/** One line of a topic list. */
export const topicLine = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  scopeName: z.string(),
  published: z.boolean(),
  updatedAt: z.string(),
});
