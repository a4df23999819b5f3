/**
 * Background work made visible: GET /api/cases/jobs/parked lists escalation jobs that failed too often (with
 * their last error) under the staff member's scope; POST /api/cases/:id/jobs/retry re-arms them once the cause
 * is fixed (audited).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { CasesModule } from './module.ts';
import { staffScope } from './queries.ts';
import { whoOf } from './routes.ts';
import { authorizeCase } from './service.ts';
import { caseNo } from './present.ts';
import * as repo from './repository.ts';
import * as jobs from './repository/jobs.ts';
import { lang, placeCode, uuid } from './schemas.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import { parkedJobSchema } from './staffResponseSchemas.ts';

/** Registers the parked-job routes. */
export function jobsRoutes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    app.get(
      '/api/cases/jobs/parked',
      {
        schema: {
          tags,
          summary: 'Escalation jobs parked after repeated failures, with their last error',
          querystring: z.object({ code: placeCode.optional(), ...lang }),
          response: { 200: z.object({ items: z.array(parkedJobSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const { code } = staffScope(whoOf(req), req.query.code);
        const rows = await jobs.parkedJobs(m.db, code, 200);
        return {
          items: rows.map((r) => ({
            caseId: r.case_id,
            no: caseNo({ id: r.case_id, created_at: r.created_at }),
            status: r.status,
            kind: r.kind,
            level: r.level,
            dueAt: r.due_at.toISOString(),
            attempts: r.attempts,
            lastError: r.last_error,
            parkedAt: r.parked_at?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/api/cases/:id/jobs/retry',
      {
        schema: {
          tags,
          summary: 'Re-arm the parked escalation jobs of a case',
          params: z.object({ id: uuid }),
          querystring: z.object(lang),
          response: { 200: z.object({ rearmed: z.number().int() }), ...errorResponses },
        },
      },
      async (req) => {
        const who = whoOf(req);
        return m.db.transaction().execute(async (trx) => {
          const row = await repo.lockCase(trx, req.params.id);
          if (!row) throw new AppError('NOT_FOUND');
          const actor = authorizeCase(who.actor, 'escalate', row);
          const rearmed = await jobs.unparkJobs(trx, row.id);
          if (rearmed > 0)
            await audit(
              trx,
              { accountId: actor.accountId, role: actor.role },
              {
                action: 'case.jobs_retry',
                entity: 'case',
                entityId: row.id,
                scopeCode: row.grid_code ?? row.community_code,
                after: { rearmed },
                ip: who.ip,
              },
            );
          return { rearmed };
        });
      },
    );
  };
}
