/** /api/care: the care and overdue lists, a person's card and notes, plans, carers, visits and case links. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { langOf } from '../../platform/http/errorHandler.ts';
import type { CareCtx, Who } from './context.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';
import * as visits from './visits.ts';
import { summary } from './summary.ts';

const whoOf = (req: FastifyRequest): Who => ({ actor: req.actor, lang: langOf(req), ip: req.ip });

/** Registers the care routes. */
export function careRoutes(ctx: CareCtx): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['care'];
    const { errors } = s;
    app.get(
      '/api/care/overdue',
      {
        schema: {
          tags,
          summary: 'Overdue visits: a grid worker’s grid, staff’s scope (or `code` inside it), a volunteer’s people',
          querystring: s.listQuery,
          response: { 200: s.pageOut, ...errors },
        },
      },
      async (req) => service.overdue(ctx, whoOf(req), req.query),
    );
    app.get(
      '/api/care/summary',
      {
        schema: {
          tags,
          summary: 'How many people are on the list, overdue, and due within 7 days',
          querystring: s.listQuery,
          response: { 200: s.summaryOut, ...errors },
        },
      },
      async (req) => summary(ctx, whoOf(req), req.query.code),
    );
    app.get(
      '/api/care/people',
      {
        schema: {
          tags,
          summary: 'The care list (optionally one tag)',
          querystring: s.careListQuery,
          response: { 200: s.pageOut, ...errors },
        },
      },
      async (req) => service.list(ctx, whoOf(req), req.query),
    );
    app.get(
      '/api/care/people/:residentId',
      {
        schema: {
          tags,
          summary: 'One person: plan, carers, latest visits (never the notes)',
          params: s.personParams,
          querystring: s.langQuery,
          response: { 200: s.personOut, ...errors },
        },
      },
      async (req) => service.person(ctx, whoOf(req), req.params.residentId),
    );
    app.get(
      '/api/care/people/:residentId/notes',
      {
        schema: {
          tags,
          summary: 'Health and ability notes (sensitive): carers only, every read audited',
          params: s.personParams,
          querystring: s.langQuery,
          response: { 200: s.notesOut, ...errors },
        },
      },
      async (req) => service.readNotes(ctx, whoOf(req), req.params.residentId),
    );
    app.put(
      '/api/care/people/:residentId/notes',
      {
        schema: {
          tags,
          summary: 'Write the health and ability notes (carers only)',
          params: s.personParams,
          body: s.notesBody,
          response: { 200: s.notesOut, ...errors },
        },
      },
      async (req) => service.writeNotes(ctx, whoOf(req), req.params.residentId, req.body),
    );
    app.put(
      '/api/care/people/:residentId/plan',
      {
        schema: {
          tags,
          summary: 'Set (or clear with null) the person’s visit interval in days (community staff)',
          params: s.personParams,
          body: s.planBody,
          response: { 200: s.personOut, ...errors },
        },
      },
      async (req) => service.setPlan(ctx, whoOf(req), req.params.residentId, req.body.intervalDays),
    );
    app.post(
      '/api/care/people/:residentId/carers',
      {
        schema: {
          tags,
          summary: 'Assign (or with remove: true, unassign) a volunteer or staff account as carer',
          params: s.personParams,
          body: s.carerBody,
          response: { 200: s.personOut, ...errors },
        },
      },
      async (req) =>
        service.assignCarer(ctx, whoOf(req), req.params.residentId, req.body.username, req.body.remove === true),
    );
    app.post(
      '/api/care/people/:residentId/visits',
      {
        schema: {
          tags,
          summary: 'Record a visit (carers; a grid worker only inside their grid): GPS point, finding, follow-up',
          params: s.personParams,
          body: s.visitBody,
          response: { 201: s.visitOut, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await visits.recordVisit(ctx, whoOf(req), req.params.residentId, req.body)),
    );
    app.get(
      '/api/care/visits/:visitId',
      {
        schema: {
          tags,
          summary: 'One visit',
          params: s.visitParams,
          querystring: s.langQuery,
          response: { 200: s.visitOut, ...errors },
        },
      },
      async (req) => visits.visit(ctx, whoOf(req), req.params.visitId),
    );
    app.post(
      '/api/care/visits/:visitId/case',
      {
        schema: {
          tags,
          summary: 'Turn the visit’s finding into a case (one tap; again gives the same case)',
          params: s.visitParams,
          body: s.toCaseBody,
          response: { 200: s.toCaseOut, 201: s.toCaseOut, ...errors },
        },
      },
      async (req, reply) => {
        const r = await visits.visitToCase(ctx, whoOf(req), req.params.visitId, req.body);
        return reply.status(r.replayed ? 200 : 201).send(r);
      },
    );
    app.get(
      '/api/care/cases/:caseId/carers',
      {
        schema: {
          tags,
          summary: 'The carers of a case’s reporter when they are on the care list, and the visit it came from',
          params: s.caseParams,
          querystring: s.langQuery,
          response: { 200: s.caseCarersOut, ...errors },
        },
      },
      async (req) => visits.caseCarers(ctx, whoOf(req), req.params.caseId),
    );
    app.post(
      '/api/care/sync',
      {
        schema: {
          tags,
          summary: 'Refresh the community’s care list from the register (community staff)',
          querystring: s.langQuery,
          response: { 200: s.syncOut, ...errors },
        },
      },
      async (req) => service.sync(ctx, whoOf(req)),
    );
  };
}
