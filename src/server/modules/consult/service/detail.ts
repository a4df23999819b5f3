/**
 * The topic page, assembled once and cut per audience by present.ts: staff in scope, residents of the scope, and
 * the public (published topics only).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { linkedCases } from '../../cases/index.ts';
import type { VoteResult } from '../domain/ballotBox.ts';
import * as repo from '../repository.ts';
import type { Attendance } from '../schema.ts';
import type { TopicRow } from './access.ts';

/** Everything about a topic, before any audience cut. */
export async function loadTopic(db: Kysely<Database>, t: TopicRow) {
  const [stages, comments, supports, proposals, meetings, drawings, votes, project, caseIds] = await Promise.all([
    repo.stageDates(db, t.id),
    repo.commentsOf(db, t.id),
    repo.supportCount(db, t.id),
    repo.proposalsOf(db, t.id),
    repo.meetingsOf(db, t.id),
    repo.drawingsOf(db, t.id),
    repo.votesOfTopics(db, [t.id]),
    repo.projectOfTopic(db, t.id),
    repo.caseIdsOf(db, t.id),
  ]);
  const [milestones, photos, cases] = await Promise.all([
    project ? repo.milestonesOf(db, project.id) : Promise.resolve([]),
    project ? repo.photosOf(db, project.id) : Promise.resolve([]),
    linkedCases(
      db,
      t.community_code,
      caseIds.map((c) => c.case_id),
    ),
  ]);
  return {
    topic: {
      id: t.id,
      communityCode: t.community_code,
      scope: { kind: t.scope_kind, id: t.scope_id, name: t.scope_name },
      title: t.title,
      body: t.body,
      stage: t.stage,
      origin: t.origin,
      caseCategory: t.case_category,
      published: t.published,
      version: t.version,
      createdAt: t.created_at.toISOString(),
    },
    timeline: stages.map((s) => ({ stage: s.stage, startedAt: s.started_at.toISOString(), note: s.note })),
    comments: comments.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      author: c.author,
      body: c.body,
      createdAt: c.created_at.toISOString(),
    })),
    supports,
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      body: p.body,
      alternatives: p.alternatives,
      createdAt: p.created_at.toISOString(),
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      heldAt: m.held_at.toISOString(),
      agenda: m.agenda,
      present: (m.attendance as Attendance).households.length,
      ofHouseholds: (m.attendance as Attendance).ofHouseholds,
      minutes: m.minutes,
      decisions: m.decisions,
    })),
    drawings: drawings.map((d) => ({
      id: d.id,
      title: d.title,
      version: d.version,
      mediaType: d.media_type,
      bytes: d.bytes,
      sha256: d.sha256,
      note: d.note,
      createdAt: d.created_at.toISOString(),
    })),
    votes: votes.map((v) => ({
      id: v.id,
      title: v.title,
      purpose: v.purpose,
      kind: v.kind,
      matter: v.matter,
      secret: v.secret,
      voters: v.voters,
      opensAt: v.opens_at.toISOString(),
      closesAt: v.closes_at.toISOString(),
      closedAt: v.closed_at ? v.closed_at.toISOString() : null,
      result: v.closed_at ? (v.result as VoteResult) : null,
    })),
    project: project
      ? {
          id: project.id,
          title: project.title,
          budgetFen: Number(project.budget_fen),
          contractor: project.contractor,
          lon: project.lon,
          lat: project.lat,
          status: project.status,
          milestones: milestones.map((m) => ({
            seq: m.seq,
            kind: m.kind,
            startsOn: String(m.starts_on).slice(0, 10),
            dueOn: String(m.due_on).slice(0, 10),
            progress: m.progress,
            doneAt: m.done_at ? m.done_at.toISOString() : null,
            reopened: m.reopened,
          })),
          photos: photos.map((p) => ({ id: p.id, phase: p.phase, createdAt: p.created_at.toISOString() })),
        }
      : null,
    cases: cases.map((c) => ({ id: c.id, categoryCode: c.categoryCode, status: c.status })),
  };
}

/** The full topic as loaded. */
export type LoadedTopic = Awaited<ReturnType<typeof loadTopic>>;
