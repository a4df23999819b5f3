/** Client of the consult API (topics, votes, tallies; public pages). */
import { api } from './client.ts';

/** One threshold as the server shows it. */
interface ShownThreshold {
  key: string;
  unit: 'area' | 'owners';
  rule: string;
  actual: string;
  base: string;
  required: string;
  met: boolean;
}
/** A vote's result. */
export interface VoteResult {
  kind: 'owners' | 'households';
  quorum: boolean;
  passed: boolean;
  thresholds: ShownThreshold[];
  counts: { yes: string; no: string; abstain: string; yesVoters: number; noVoters: number; abstainVoters: number };
}
/** A vote on a topic page. */
export interface VoteView {
  id: string;
  title: string;
  purpose: 'decision' | 'acceptance';
  kind: 'owners' | 'households';
  matter: 'major' | 'ordinary';
  secret: boolean;
  voters: number;
  closesAt: string;
  closedAt: string | null;
  result: VoteResult | null;
}
/** A topic page (the fields every audience gets). */
export interface TopicView {
  topic: { id: string; title: string; body: string; stage: string; scope: { name: string } };
  timeline: { stage: string; startedAt: string; note: string | null }[];
  meetings: { id: string; kind: string; heldAt: string; minutes: string; present: number; ofHouseholds: number }[];
  drawings: { id: string; title: string; version: number; note: string }[];
  votes: VoteView[];
  project: {
    title: string;
    budgetFen: number;
    contractor: string;
    milestones: { seq: number; kind: string; progress: number; dueOn: string }[];
  } | null;
  myVotes?: Record<string, 'online' | 'paper' | null>;
}
/** A line of a topic list. */
export interface TopicLine {
  id: string;
  title: string;
  stage: string;
  scopeName: string;
}

export const consultApi = {
  topics: () => api<{ items: TopicLine[] }>('GET', '/api/consult/topics'),
  topic: (id: string) => api<TopicView>('GET', `/api/consult/topics/${id}`),
  ballot: (voteId: string, choice: 'yes' | 'no' | 'abstain') =>
    api<{ receipt: string | null }>('POST', `/api/consult/votes/${voteId}/ballot`, { choice }),
  tally: (voteId: string) =>
    api<{ result: VoteResult; counts: { participants: number; ballots: number }; closed: boolean }>(
      'GET',
      `/api/consult/votes/${voteId}/tally`,
    ),
  close: (voteId: string) => api<VoteResult>('POST', `/api/consult/votes/${voteId}/close`),
  publicTopic: (id: string) => api<TopicView>('GET', `/api/public/consult/topics/${id}`),
};
