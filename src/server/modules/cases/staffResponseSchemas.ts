/** Response schemas of the staff side of /api/cases: indicators, the working calendar, parked escalation jobs. */
import { z } from 'zod';
import { levelSchema, statusSchema } from './responseSchemas.ts';

const iso = z.string();
const rates = z.object({
  response: z.number().nullable(),
  resolution: z.number().nullable(),
  satisfaction: z.number().nullable(),
  closure: z.number().nullable(),
  onTimeClosure: z.number().nullable(),
  rework: z.number().nullable(),
  extension: z.number().nullable(),
});
const definition = z.object({ zh: z.string(), en: z.string() });
const count = z.number().int();

/** GET /api/cases/metrics: the indicators per group and how each is defined. */
export const metricsBody = z
  .object({
    code: z.string(),
    groupBy: z.enum(['grid', 'community', 'street']),
    from: iso,
    to: iso,
    definitions: z.object({
      response: definition,
      resolution: definition,
      satisfaction: definition,
      closure: definition,
      onTimeClosure: definition,
      rework: definition,
      extension: definition,
    }),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        registered: count,
        due: count,
        closed: count,
        closedOnTime: count,
        mustAccept: count,
        acceptedOnTime: count,
        resolved: count,
        rated: count,
        satisfied: count,
        everResolved: count,
        reworked: count,
        extended: count,
        rates,
      }),
    ),
  })
  .meta({ id: 'CaseMetrics' });

/** GET /api/cases/calendar/status: the known years and the warning staff must see. */
export const calendarStatusSchema = z
  .object({
    years: z.array(z.object({ year: z.number().int(), provisional: z.boolean() })),
    warning: z.object({ year: z.number().int(), state: z.enum(['missing', 'provisional']) }).nullable(),
  })
  .meta({ id: 'CalendarStatus' });

/** GET /api/cases/calendar: one year's working calendar. */
export const yearTableSchema = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  /** Working periods of a day, ["08:30", "12:00"]. */
  hours: z.array(z.array(z.string())),
  provisional: z.boolean(),
  /** False when the calendar has no table for the year: deadlines then count Monday–Friday only. */
  known: z.boolean(),
});

/** PUT /api/cases/calendar/:year: the stored year and the new status. */
export const yearImportedSchema = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  provisional: z.boolean(),
  status: calendarStatusSchema,
});

/** An escalation job parked after repeated failures. */
export const parkedJobSchema = z
  .object({
    caseId: z.string(),
    no: z.string(),
    status: statusSchema,
    kind: z.enum(['accept', 'resolve']),
    level: levelSchema,
    dueAt: iso,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    parkedAt: iso.nullable(),
  })
  .meta({ id: 'ParkedJob' });
