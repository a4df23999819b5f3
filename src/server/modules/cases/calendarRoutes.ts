/**
 * Calendar status (staff console banner) and the import of a year's holiday table (district admins). The
 * import reloads this instance's calendar at once and tells other instances through the event bus.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/actor.ts';
import type { CasesModule } from './module.ts';
import { calendarStatus, importYear, loadCalendar } from './calendarStore.ts';
import { lang } from './schemas.ts';
import { errorResponses } from '../../platform/http/responses.ts';
import { calendarStatusSchema, yearImportedSchema } from './staffResponseSchemas.ts';

const day = z.string().max(10);
/** Body of a year import: the same shape as the CLI's JSON file. */
export const yearBody = z.strictObject({
  holidays: z.array(day).max(60),
  workdays: z.array(day).max(30),
  provisional: z.boolean().optional(),
});

/** Reloads the module's calendar from the database (after an import here or on another instance). */
export async function reloadCalendar(m: CasesModule): Promise<void> {
  m.opts.calendar = await loadCalendar(m.db, m.opts.calendar);
}

/** Registers the calendar routes. */
export function calendarRoutes(m: CasesModule): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cases'];
    app.get(
      '/api/cases/calendar/status',
      {
        schema: {
          tags,
          summary: 'Which years have holiday tables; a warning when this or next year is missing or provisional',
          querystring: z.object(lang),
          response: { 200: calendarStatusSchema, ...errorResponses },
        },
      },
      async (req) => {
        if (requireActor(req).role === 'resident') throw new AppError('FORBIDDEN');
        return calendarStatus(m.opts.calendar, m.clock());
      },
    );
    app.put(
      '/api/cases/calendar/:year',
      {
        schema: {
          tags,
          summary: 'Import one year of holidays and 调休 days (district admin); replaces that year',
          params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          querystring: z.object(lang),
          body: yearBody,
          response: { 200: yearImportedSchema, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        if (actor.role !== 'district_admin') throw new AppError('FORBIDDEN');
        const s = await importYear(
          m.db,
          { accountId: actor.accountId, role: actor.role },
          req.params.year,
          req.body,
          `api:${actor.username}`,
          m.clock(),
        );
        await reloadCalendar(m);
        await m.bus.publish({ topic: 'calendar', year: s.year });
        return { ...s, status: calendarStatus(m.opts.calendar, m.clock()) };
      },
    );
  };
}
