/** /api/auth: login (rate limited), logout, me, password change. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE, actorFromToken } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppDeps } from '../../app.ts';
import { changePassword, login, logout, me } from './service.ts';
import { accountsRoutes } from './accountsRoutes.ts';
import { publishSessionEnd } from '../../platform/events/sessions.ts';

/** Registers the auth routes. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const { db, clock, config } = deps;
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log in with username and password; sets the session cookie',
          body: z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
        },
        config: {
          rateLimit: {
            max: config.loginMaxPerMinute,
            timeWindow: 60_000,
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
          },
        },
      },
      async (req, reply) => {
        const r = await login(db, req.body.username, req.body.password, clock(), req.ip);
        reply.setCookie(SESSION_COOKIE, r.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          expires: r.expiresAt,
        });
        const actor = await actorFromToken(db, r.token, clock());
        if (!actor) throw new AppError('INTERNAL');
        return { account: await me(db, actor) };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the current session' } },
      async (req, reply) => {
        const actor = requireActor(req);
        await logout(db, actor, req.ip);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        await publishSessionEnd(deps.events, { accountId: actor.accountId, sessionId: actor.sessionId });
        return { ok: true };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'The logged-in account, its scope and CSRF token' } },
      async (req) => {
        return { account: await me(db, requireActor(req)) };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change the password (ends other sessions)',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await changePassword(db, actor, req.body.currentPassword, req.body.newPassword, req.ip);
        await publishSessionEnd(deps.events, { accountId: actor.accountId, exceptSessionId: actor.sessionId });
        return { ok: true };
      },
    );

    await app.register(accountsRoutes(deps));
  };
}
