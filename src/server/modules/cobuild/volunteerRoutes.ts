/** /api/cobuild/… volunteers, activities, sign-up, QR check-in and the time bank. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { ctxOf } from './routes.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';
import * as v from './volunteerSchemas.ts';

/** The volunteer routes. */
export function volunteerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['cobuild'];
    const ctx = (req: Parameters<typeof ctxOf>[1]) => ctxOf(deps, req);
    const q = s.langQuery;
    const ok = (out: z.ZodType) => ({ 200: out, ...s.errors });
    const created = (out: z.ZodType) => ({ 201: out, ...s.errors });
    const pdf = (name: string, buf: Buffer) => ({ name, buf });
    const sendPdf = (reply: import('fastify').FastifyReply, p: ReturnType<typeof pdf>) =>
      reply.type('application/pdf').header('content-disposition', `attachment; filename="${p.name}"`).send(p.buf);

    app.get(
      '/api/cobuild/me',
      {
        schema: {
          tags,
          summary: "The acting resident's volunteer record, balance and activities",
          querystring: q,
          response: ok(v.myVolunteerOut),
        },
      },
      async (req) => service.myVolunteer(ctx(req)),
    );
    app.post(
      '/api/cobuild/me/volunteer',
      {
        schema: {
          tags,
          summary: 'Sign up as a volunteer (a resident linked to their register entry)',
          querystring: q,
          body: v.volunteerBody,
          response: created(v.myVolunteerOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.becomeVolunteer(ctx(req), req.body.skills)),
    );
    app.get(
      '/api/cobuild/me/hours',
      {
        schema: {
          tags,
          summary: "The acting volunteer's time-bank ledger and yearly summary",
          querystring: q,
          response: ok(v.ledgerOut),
        },
      },
      async (req) => service.myLedger(ctx(req)),
    );
    app.get(
      '/api/cobuild/me/certificate',
      {
        schema: {
          tags,
          summary: "The acting volunteer's certificate for a year (PDF)",
          querystring: v.yearQuery,
          response: { 200: z.any(), ...s.errors },
        },
      },
      async (req, reply) =>
        sendPdf(
          reply,
          pdf(`certificate-${req.query.year}.pdf`, await service.certificate(ctx(req), null, req.query.year)),
        ),
    );
    app.get(
      '/api/cobuild/volunteers',
      {
        schema: {
          tags,
          summary: 'Volunteers of a community with their balances',
          querystring: s.codeQuery,
          response: ok(v.volunteerListOut),
        },
      },
      async (req) => ({ volunteers: await service.listVolunteers(ctx(req), req.query.code) }),
    );
    app.get(
      '/api/cobuild/volunteers/:id/hours',
      {
        schema: {
          tags,
          summary: "A volunteer's ledger and yearly summaries",
          params: s.idParams,
          querystring: q,
          response: ok(v.ledgerOut),
        },
      },
      async (req) => service.ledger(ctx(req), req.params.id),
    );
    app.get(
      '/api/cobuild/volunteers/:id/certificate',
      {
        schema: {
          tags,
          summary: "A volunteer's certificate for a year (PDF)",
          params: s.idParams,
          querystring: v.yearQuery,
          response: { 200: z.any(), ...s.errors },
        },
      },
      async (req, reply) =>
        sendPdf(
          reply,
          pdf(`certificate-${req.query.year}.pdf`, await service.certificate(ctx(req), req.params.id, req.query.year)),
        ),
    );
    app.post(
      '/api/cobuild/volunteers/:id/redemptions',
      {
        schema: {
          tags,
          summary: 'Redeem time-bank minutes for a service (balance never below 0)',
          params: s.idParams,
          querystring: q,
          body: v.redeemBody,
          response: created(v.ledgerOut),
        },
      },
      async (req, reply) => reply.status(201).send(await service.redeem(ctx(req), req.params.id, req.body)),
    );
    app.get(
      '/api/cobuild/activities',
      {
        schema: {
          tags,
          summary: 'Volunteer activities of a community (residents: those not yet ended)',
          querystring: s.codeQuery,
          response: ok(z.object({ activities: z.array(v.activityOut) })),
        },
      },
      async (req) => ({ activities: await service.listActivities(ctx(req), req.query.code) }),
    );
    app.post(
      '/api/cobuild/activities',
      {
        schema: {
          tags,
          summary: 'Create an activity: place (point + radius), time, capacity, skills',
          querystring: q,
          body: v.activityBody,
          response: created(v.activityDetailOut),
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await service.createActivity(ctx(req), {
            ...req.body,
            startsAt: new Date(req.body.startsAt),
            endsAt: new Date(req.body.endsAt),
          }),
        ),
    );
    app.get(
      '/api/cobuild/activities/:id',
      {
        schema: {
          tags,
          summary: 'An activity (staff: sign-ups; volunteer: own status)',
          params: s.idParams,
          querystring: q,
          response: ok(v.activityDetailOut),
        },
      },
      async (req) => service.activityDetail(ctx(req), req.params.id),
    );
    app.post(
      '/api/cobuild/activities/:id/signup',
      {
        schema: {
          tags,
          summary: 'Sign up (confirmed or waiting list)',
          params: s.idParams,
          querystring: q,
          response: ok(v.activityDetailOut),
        },
      },
      async (req) => service.signUp(ctx(req), req.params.id),
    );
    app.post(
      '/api/cobuild/activities/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a sign-up; the first on the waiting list moves up',
          params: s.idParams,
          querystring: q,
          response: ok(v.activityDetailOut),
        },
      },
      async (req) => service.cancelSignup(ctx(req), req.params.id),
    );
    app.get(
      '/api/cobuild/activities/:id/code',
      {
        schema: {
          tags,
          summary: 'The check-in code to show at the place now (rotates every 30 s)',
          params: s.idParams,
          querystring: q,
          response: ok(v.codeOut),
        },
      },
      async (req) => service.currentCode(ctx(req), req.params.id),
    );
    app.post(
      '/api/cobuild/activities/:id/check',
      {
        schema: {
          tags,
          summary: 'Check in or out with the code shown at the place and the phone GPS',
          params: s.idParams,
          querystring: q,
          body: v.checkBody,
          response: ok(v.checkOut),
        },
      },
      async (req) => service.checkWithCode(ctx(req), req.params.id, req.body),
    );
    app.post(
      '/api/cobuild/activities/:id/attendance',
      {
        schema: {
          tags,
          summary: 'The organiser checks a volunteer in or out',
          params: s.idParams,
          querystring: q,
          body: v.organiserCheckBody,
          response: ok(v.checkOut),
        },
      },
      async (req) => service.checkByOrganiser(ctx(req), req.params.id, req.body),
    );
    app.post(
      '/api/cobuild/activities/:id/hours',
      {
        schema: {
          tags,
          summary: "Correct a volunteer's minutes (reversal rows; refused once the activity is closed)",
          params: s.idParams,
          querystring: q,
          body: v.correctBody,
          response: ok(v.ledgerOut),
        },
      },
      async (req) => service.correctHours(ctx(req), req.params.id, req.body),
    );
    app.post(
      '/api/cobuild/activities/:id/close',
      {
        schema: {
          tags,
          summary: 'Close an activity: check out whoever is still in; hours freeze',
          params: s.idParams,
          querystring: q,
          response: ok(z.object({ id: z.string(), status: z.literal('closed') })),
        },
      },
      async (req) => service.closeActivity(ctx(req), req.params.id),
    );
  };
}
