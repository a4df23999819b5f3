/** /api/accounts: list, create, edit/disable, reset password — for staff managing the roles below them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { lang as langField, phone, placeCode, uuid } from '../../platform/http/zodParts.ts';
import { publishSessionEnd } from '../../platform/events/sessions.ts';
import { errorResponses, okBody } from '../../platform/http/responses.ts';
import { accountListBody, managedAccountBody } from './responseSchemas.ts';
import { createAccount, listAccounts, resetPassword, updateAccount, type AccountsCtx } from './accounts.ts';

const code = placeCode;
const role = z.enum([
  'resident',
  'grid_worker',
  'community_staff',
  'street_staff',
  'district_admin',
  'shop_staff',
  'auditor',
]);
const lang = z.object(langField);

/** Registers the account administration routes. */
export function accountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): AccountsCtx => ({
    db: deps.db,
    actor: requireActor(req),
    now: deps.clock(),
    ip: req.ip,
  });
  return async (app) => {
    const tags = ['accounts'];
    app.get(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Accounts under a place that you may manage',
          querystring: z.object({ code: code.optional(), ...langField }),
          response: { 200: accountListBody, ...errorResponses },
        },
      },
      async (req) => listAccounts(ctx(req), req.query.code),
    );

    app.post(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Create an account for a role below yours, inside your area',
          querystring: lang,
          body: z.strictObject({
            username: z.string().regex(/^[A-Za-z0-9_.-]{3,40}$/, '3–40 letters, digits, _ . -'),
            displayName: z.string().trim().min(1).max(50),
            role,
            scopeCode: code.optional(),
            residentId: uuid.optional(),
            phone: phone.optional(),
            password: z.string().min(1).max(200),
          }),
          response: { 201: managedAccountBody, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send({ account: await createAccount(ctx(req), req.body) }),
    );

    app.patch(
      '/api/accounts/:id',
      {
        schema: {
          tags,
          summary: 'Edit, move to another grid, disable or enable an account',
          params: z.object({ id: uuid }),
          querystring: lang,
          body: z.strictObject({
            displayName: z.string().trim().min(1).max(50).optional(),
            phone: phone.optional(),
            scopeCode: code.optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: managedAccountBody, ...errorResponses },
        },
      },
      async (req) => {
        const account = await updateAccount(ctx(req), req.params.id, req.body);
        // Disabling or moving an account ends its sessions: their open SSE streams end too, on every instance.
        if (req.body.disabled === true || req.body.scopeCode !== undefined)
          await publishSessionEnd(deps.events, { accountId: req.params.id });
        return { account };
      },
    );

    app.post(
      '/api/accounts/:id/password',
      {
        schema: {
          tags,
          summary: 'Reset the password of an account you manage (ends its sessions)',
          params: z.object({ id: uuid }),
          querystring: lang,
          body: z.strictObject({ newPassword: z.string().min(1).max(200) }),
          response: { 200: okBody, ...errorResponses },
        },
      },
      async (req) => {
        await resetPassword(ctx(req), req.params.id, req.body.newPassword);
        await publishSessionEnd(deps.events, { accountId: req.params.id });
        return { ok: true as const };
      },
    );
  };
}
