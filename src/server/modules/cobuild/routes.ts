/** /api/cobuild/… partner units, 双报到, the three lists and claims: strict input, one service call, typed output. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { langOf } from '../../platform/http/errorHandler.ts';
import type { Ctx } from './context.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

/** The request's use-case context. */
export function ctxOf(deps: AppDeps, req: FastifyRequest): Ctx {
  return { db: deps.db, actor: requireActor(req), now: deps.clock(), lang: langOf(req), ip: req.ip };
}

/** The staff routes of partner units and the three lists. */
export function cobuildRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cobuild'];
    const ctx = (req: FastifyRequest) => ctxOf(deps, req);
    const q = s.langQuery;
    const created = (out: z.ZodType) => ({ 201: out, ...s.errors });
    const ok = (out: z.ZodType) => ({ 200: out, ...s.errors });

    app.get(
      '/api/cobuild/units',
      {
        schema: {
          tags,
          summary: 'Partner units (共建单位) of a community with their yearly commitments',
          querystring: s.codeQuery,
          response: ok(z.object({ units: z.array(s.unitOut) })),
        },
      },
      async (req) => ({ units: await service.listUnits(ctx(req), req.query.code) }),
    );
    app.post(
      '/api/cobuild/units',
      {
        schema: {
          tags,
          summary: 'Add a partner unit',
          querystring: q,
          body: s.unitBody,
          response: created(s.unitDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.createUnit(ctx(req), req.body)),
    );
    app.get(
      '/api/cobuild/units/:id',
      {
        schema: {
          tags,
          summary: 'A partner unit: commitments, resources, 双报到 members, projects',
          params: s.idParams,
          querystring: q,
          response: ok(s.unitDetailOut),
        },
      },
      async (req) => service.unitDetail(ctx(req), req.params.id),
    );
    app.post(
      '/api/cobuild/units/:id/commitments',
      {
        schema: {
          tags,
          summary: 'Add a yearly commitment of a unit',
          params: s.idParams,
          querystring: q,
          body: s.commitmentBody,
          response: created(s.unitDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.addCommitment(ctx(req), req.params.id, req.body)),
    );
    app.get(
      '/api/cobuild/resources',
      {
        schema: {
          tags,
          summary: 'The resources list (venues, skills, funds, goods, hours)',
          querystring: s.codeQuery,
          response: ok(z.object({ resources: z.array(s.resourceOut) })),
        },
      },
      async (req) => ({ resources: await service.listResources(ctx(req), req.query.code) }),
    );
    app.post(
      '/api/cobuild/resources',
      {
        schema: {
          tags,
          summary: 'Add a resource (of a unit or of the community)',
          querystring: q,
          body: s.resourceBody,
          response: created(z.object({ id: z.string() })),
        },
      },
      async (req, reply) => reply.status(201).send(await service.addResource(ctx(req), req.body)),
    );
    app.get(
      '/api/cobuild/members',
      {
        schema: {
          tags,
          summary: '双报到 party members registered with the community',
          querystring: s.codeQuery,
          response: ok(z.object({ members: z.array(s.memberOut) })),
        },
      },
      async (req) => ({ members: await service.listMembers(ctx(req), req.query.code) }),
    );
    app.post(
      '/api/cobuild/members',
      {
        schema: {
          tags,
          summary: '双报到: register a party member (staff name the resident; a resident registers themselves)',
          querystring: q,
          body: s.memberBody,
          response: created(
            z.object({
              id: z.string(),
              name: z.string(),
              unitId: z.string().nullable(),
              employer: z.string(),
              registeredAt: z.date(),
            }),
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await service.registerMember(ctx(req), req.body)),
    );
    app.get(
      '/api/cobuild/needs',
      {
        schema: {
          tags,
          summary: 'The needs list',
          querystring: s.needsQuery,
          response: ok(z.object({ needs: z.array(s.needOut) })),
        },
      },
      async (req) => ({ needs: await service.listNeeds(ctx(req), req.query.code, req.query.status) }),
    );
    app.post(
      '/api/cobuild/needs',
      {
        schema: {
          tags,
          summary: 'Raise a need (staff, grid worker or resident of the community)',
          querystring: q,
          body: s.needBody,
          response: created(s.needDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.createNeed(ctx(req), req.body)),
    );
    app.post(
      '/api/cobuild/needs/from-case',
      {
        schema: {
          tags,
          summary: 'Put a case that needs help beyond the grid on the needs list (once per case)',
          querystring: q,
          body: s.needFromCaseBody,
          response: created(s.needDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.needFromCase(ctx(req), req.body)),
    );
    app.get(
      '/api/cobuild/needs/:id',
      {
        schema: {
          tags,
          summary: 'A need and its project',
          params: s.idParams,
          querystring: q,
          response: ok(s.needDetailOut),
        },
      },
      async (req) => service.needDetail(ctx(req), req.params.id),
    );
    app.get(
      '/api/cobuild/needs/:id/matches',
      {
        schema: {
          tags,
          summary: 'Suggested resources and units for a need: same category first, then straight-line distance',
          params: s.idParams,
          querystring: q,
          response: ok(z.object({ matches: z.array(s.matchOut) })),
        },
      },
      async (req) => ({ matches: await service.matches(ctx(req), req.params.id) }),
    );
    app.post(
      '/api/cobuild/needs/:id/claim',
      {
        schema: {
          tags,
          summary: 'Claim (认领) a need for a unit, a team or a party member; a need is claimed once (409 after)',
          params: s.idParams,
          querystring: q,
          body: s.claimBody,
          response: created(s.projectDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.claim(ctx(req), req.params.id, req.body.claimant)),
    );
    app.get(
      '/api/cobuild/projects',
      {
        schema: {
          tags,
          summary: 'The projects list (claimed needs)',
          querystring: s.codeQuery,
          response: ok(z.object({ projects: z.array(s.projectOut) })),
        },
      },
      async (req) => ({ projects: await service.listProjects(ctx(req), req.query.code) }),
    );
    app.get(
      '/api/cobuild/projects/:id',
      {
        schema: {
          tags,
          summary: 'A project: progress notes and evidence',
          params: s.idParams,
          querystring: q,
          response: ok(s.projectDetailOut),
        },
      },
      async (req) => service.projectDetail(ctx(req), req.params.id),
    );
    app.post(
      '/api/cobuild/projects/:id/progress',
      {
        schema: {
          tags,
          summary: 'Record progress of a project',
          params: s.idParams,
          querystring: q,
          body: s.progressBody,
          response: created(s.projectDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordProgress(ctx(req), req.params.id, req.body)),
    );
    app.post(
      '/api/cobuild/projects/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Add completion evidence: a photo, or the signature of a person served (PNG/JPEG data URL)',
          params: s.idParams,
          querystring: q,
          body: s.evidenceBody,
          response: created(s.projectDetailOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.addEvidence(ctx(req), req.params.id, req.body)),
    );
    app.get(
      '/api/cobuild/evidence/:id',
      {
        schema: {
          tags,
          summary: 'An evidence image',
          params: s.idParams,
          querystring: q,
          response: { 200: z.any(), ...s.errors },
        },
      },
      async (req, reply) => {
        const img = await service.evidenceImage(ctx(req), req.params.id);
        return reply.type(img.mime).send(img.bytes);
      },
    );
    app.post(
      '/api/cobuild/projects/:id/complete',
      {
        schema: {
          tags,
          summary: 'Complete a project (needs a photo and a signature); the need is done',
          params: s.idParams,
          querystring: q,
          body: s.completeBody,
          response: ok(s.projectDetailOut),
        },
      },
      async (req) => service.complete(ctx(req), req.params.id, req.body.summary),
    );
  };
}
